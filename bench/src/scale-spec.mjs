// Writes a synthetic split spec of N operations: the real spec (root, components/, the real path
// files and their operations) plus N - 3 copies of the real path files, one operation each at
// /api/v2/thing<n>/{id}/<users|invite>/ (operationId getThing<n>…). At N = 3 it is the real
// spec's operations, so the smallest size measures the client as it is today.
//   node scale-spec.mjs <operations> <outDir>   (outDir gets spec/ and redocly.yaml)
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./lib/repo.mjs";

const realSpec = join(repoRoot, "spec");

/**
 * @typedef {object} PathTemplate
 * @property {string} file The real path file's name.
 * @property {string} text The real path file, YAML.
 * @property {string} operationId Its operationId, replaced per copy.
 * @property {string} summary Its summary, replaced per copy.
 * @property {string} lastSegment "users" or "invite", kept in the synthetic URL.
 */

/** @returns {PathTemplate[]} the real path files, in file name order. */
function templates() {
  return readdirSync(join(realSpec, "paths"))
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((file) => {
      const text = readFileSync(join(realSpec, "paths", file), "utf8");
      const operationId = /^\s+operationId: (\S+)$/m.exec(text)?.[1];
      const summary = /^\s+summary: (.+)$/m.exec(text)?.[1];
      const lastSegment = /_([a-z]+)\.yaml$/.exec(file)?.[1];
      if (!operationId || !summary || !lastSegment) throw new Error(`unexpected path file ${file}`);
      return { file, text, operationId, summary, lastSegment };
    });
}

/**
 * Writes `<outDir>/spec/` (openapi.yaml, paths/, components/, scripts/) and
 * `<outDir>/redocly.yaml`, so the real spec/scripts run on it unchanged.
 * @param {number} operations At least the real spec's number of operations (3).
 * @param {string} outDir
 * @returns {{ specDir: string, operationIds: string[], lastUsersPath: string }} every
 *   operationId (the real ones first) and the URL of the last operation copied from the
 *   dashboard users template (the real one at N = 3).
 */
export function writeSyntheticSpec(operations, outDir) {
  const specDir = join(outDir, "spec");
  mkdirSync(specDir, { recursive: true });
  for (const folder of ["components", "paths", "scripts"]) {
    cpSync(join(realSpec, folder), join(specDir, folder), { recursive: true });
  }
  cpSync(join(repoRoot, "redocly.yaml"), join(outDir, "redocly.yaml"));

  const all = templates();
  if (operations < all.length) {
    throw new Error(`a synthetic spec holds at least the real ${all.length} operations`);
  }
  const users = all.find((t) => t.lastSegment === "users");
  if (!users) throw new Error("spec/paths/ has no dashboard users path file");
  const root = readFileSync(join(realSpec, "openapi.yaml"), "utf8");
  let lastUsersPath = /^ {2}(\/\S+\/users\/):$/m.exec(root)?.[1] ?? "";
  /** @type {string[]} */
  const pathLines = [];
  const operationIds = all.map((t) => t.operationId);
  for (let n = all.length + 1; n <= operations; n++) {
    const template = /** @type {PathTemplate} */ (all[(n - 1) % all.length]);
    const url = `/api/v2/thing${n}/{id}/${template.lastSegment}/`;
    const file = `api_v2_thing${n}_{id}_${template.lastSegment}.yaml`;
    const operationId = template.operationId.replace(/^get(Course|Event)/, `getThing${n}`);
    const text = template.text
      .replace(/^(\s+operationId: ).+$/m, `$1${operationId}`)
      .replace(
        /^(\s+summary: ).+$/m,
        `$1${template.summary.replace(/(Course|Event)/, `Thing ${n}`)}`,
      );
    writeFileSync(join(specDir, "paths", file), text);
    pathLines.push(`  ${url}:`, `    $ref: paths/${file}`);
    operationIds.push(operationId);
    if (template === users) lastUsersPath = url;
  }
  if (!lastUsersPath) throw new Error("spec/openapi.yaml has no dashboard users path");
  // Append ours to the real `paths:` block (indented lines up to the next top-level key).
  const rootOut = root.replace(
    /^paths:\n(?:[ \t]+.*\n|\n)*/m,
    (block) => `${block}${pathLines.map((line) => `${line}\n`).join("")}`,
  );
  if (pathLines.length > 0 && rootOut === root) {
    throw new Error("spec/openapi.yaml has no `paths:` block to extend");
  }
  writeFileSync(join(specDir, "openapi.yaml"), rootOut);
  return { specDir, operationIds, lastUsersPath };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [count, outDir] = process.argv.slice(2);
  if (!count || !outDir) throw new Error("usage: scale-spec.mjs <operations> <outDir>");
  const { specDir } = writeSyntheticSpec(Number(count), outDir);
  console.log(`wrote ${count} operations to ${specDir}`);
}
