// Whether this Node runs the repository: the root package.json's `engines.node` (its one home),
// read with the comparators it uses (`^x.y.z` and `>=x.y.z`, joined by `||`). CommonJS and
// dependency-free: `.pnpmfile.cjs` requires it before pnpm installs anything, and
// `scripts/serve.mjs` before it loads the built packages.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const range = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")).engines.node;

/** `v22.12.0` -> [22, 12, 0]. */
const parse = (version) => version.replace(/^v/, "").split(".").map(Number);

/** Whether `version` is in `range`; any other comparator throws rather than guess. */
function admits(version) {
  const [major, minor, patch] = parse(version);
  return range.split("||").some((set) => {
    const match = /^\s*(\^|>=)(\d+)\.(\d+)\.(\d+)\s*$/.exec(set);
    if (!match) throw new Error(`engines.node: unsupported comparator "${set.trim()}"`);
    const [, operator, ...bound] = match;
    const [bMajor, bMinor, bPatch] = bound.map(Number);
    const atLeast =
      major !== bMajor ? major > bMajor : minor !== bMinor ? minor > bMinor : patch >= bPatch;
    return atLeast && (operator === ">=" || major === bMajor);
  });
}

/** One line saying that this Node is not supported and which are, or null when it is. */
function unsupportedNode(version = process.version) {
  if (admits(version)) return null;
  const lines = range.split("||").map((set) => /\d+/.exec(set)[0]);
  return `community-api needs Node ${range} (the ${lines.slice(0, -1).join(", ")} and ${lines[lines.length - 1]} lines); this is Node ${version}.`;
}

/** Prints that line and exits 1 on an unsupported Node. */
function exitUnlessSupported() {
  const message = unsupportedNode();
  if (message) {
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}

module.exports = { unsupportedNode, exitUnlessSupported };
