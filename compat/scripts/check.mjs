// Type-checks the snippets of the current release line (compat/v<line>/) against the current
// types, and compares the line's operation facts (compat/v<line>/operations.json) with the
// current ones (scripts/operations.mjs). A failure means a public name, field, operation,
// parameter or enum value was removed or renamed: that is a breaking change. It fails unless a
// major changeset for the types is pending.
//   node scripts/check.mjs             check
//   node scripts/check.mjs --snapshot  record the current facts as the line's (when a line is cut)
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { breakingChanges } from "./operations.mjs";

const require = createRequire(import.meta.url);
const compatDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = join(compatDir, "..");
const { version } = JSON.parse(
  readFileSync(join(repoRoot, "packages", "types", "package.json"), "utf8"),
);

/** 0.x.y -> "v0.x" (minor is breaking before 1.0); otherwise "v<major>". */
export function releaseLine(v) {
  const [major, minor] = v.split(".");
  return major === "0" ? `v0.${minor}` : `v${major}`;
}

function pendingMajor() {
  const dir = join(repoRoot, ".changeset");
  if (!existsSync(dir)) return false;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .some((f) =>
      /["']?@community-api\/(types|client)["']?\s*:\s*major/.test(
        readFileSync(join(dir, f), "utf8"),
      ),
    );
}

const line = releaseLine(version);
const project = join(compatDir, line, "tsconfig.json");
if (!existsSync(project)) {
  console.error(`compat: no snippets for the release line ${line} (compat/${line}/tsconfig.json).`);
  process.exit(1);
}
const facts = JSON.parse(
  readFileSync(require.resolve("@community-api/spec/operations.json"), "utf8"),
);
const snapshot = join(compatDir, line, "operations.json");
if (process.argv.includes("--snapshot")) {
  const { operations, enums } = facts;
  writeFileSync(snapshot, `${JSON.stringify({ operations, enums }, null, 2)}\n`);
  console.log(`compat: recorded the operation facts of line ${line}`);
  process.exit(0);
}
const removed = existsSync(snapshot)
  ? breakingChanges(JSON.parse(readFileSync(snapshot, "utf8")), facts)
  : [`no compat/${line}/operations.json: run \`node compat/scripts/check.mjs --snapshot\``];
const tsc = require.resolve("typescript/bin/tsc");
const typed = spawnSync(process.execPath, [tsc, "--noEmit", "-p", project], { encoding: "utf8" });
const result = {
  status: typed.status === 0 && removed.length === 0 ? 0 : 1,
  stdout: `${typed.stdout}${removed.map((problem) => `${problem}\n`).join("")}`,
  stderr: typed.stderr,
};
if (result.status === 0) {
  console.log(
    `compat: the public API of line ${line} still type-checks, and all its ${facts.operations.length} operations are served`,
  );
} else if (pendingMajor()) {
  console.log(result.stdout);
  console.log(
    `compat: breaking change accepted: a major changeset for @community-api/types is pending.`,
  );
} else {
  console.error(result.stdout + result.stderr);
  console.error(
    `compat: BREAKING CHANGE against release line ${line}. A public name, field, parameter or enum value was removed or renamed.\n` +
      "Restore it, or record a major version bump with `pnpm changeset` (see compat/README.md).",
  );
  process.exit(1);
}
