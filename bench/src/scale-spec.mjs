// Writes a synthetic split spec of N operations that follows the real spec's patterns: the real
// root (info, servers, security, tags), the real components/ and the three real path files as
// templates, one operation per path /api/v2/thing<n>/{id}/<users|invite>/.
//   node scale-spec.mjs <operations> <outDir>   (outDir gets spec/ and redocly.yaml)
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./lib/repo.mjs";

const realSpec = join(repoRoot, "spec");

/**
 * @typedef {object} PathTemplate
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
      return { text, operationId, summary, lastSegment };
    });
}

/**
 * Writes `<outDir>/spec/` (openapi.yaml, paths/, components/, scripts/) and
 * `<outDir>/redocly.yaml`, so the real spec/scripts run on it unchanged.
 * @param {number} operations
 * @param {string} outDir
 * @returns {{ specDir: string, operationIds: string[], firstUsersPath: string }}
 */
export function writeSyntheticSpec(operations, outDir) {
  const specDir = join(outDir, "spec");
  mkdirSync(join(specDir, "paths"), { recursive: true });
  // Every template is used at least once when operations >= 3, so no component goes unused
  // (the lint forbids unused components).
  cpSync(join(realSpec, "components"), join(specDir, "components"), { recursive: true });
  cpSync(join(realSpec, "scripts"), join(specDir, "scripts"), { recursive: true });
  cpSync(join(repoRoot, "redocly.yaml"), join(outDir, "redocly.yaml"));

  const all = templates();
  const users = all.findIndex((t) => t.lastSegment === "users");
  // Put the users template first so that thing1 is always a dashboard-users operation.
  const ordered = users > 0 ? [all[users], ...all.filter((_, i) => i !== users)] : all;
  const pathLines = [];
  const operationIds = [];
  let firstUsersPath = "";
  for (let n = 1; n <= operations; n++) {
    const template = /** @type {PathTemplate} */ (ordered[(n - 1) % ordered.length]);
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
    if (!firstUsersPath && template.lastSegment === "users") firstUsersPath = url;
  }
  const root = readFileSync(join(realSpec, "openapi.yaml"), "utf8");
  // Swap the real `paths:` block (indented lines up to the next top-level key) for ours.
  const rootOut = root.replace(/^paths:\n(?:[ \t]+.*\n|\n)*/m, `paths:\n${pathLines.join("\n")}\n`);
  if (rootOut === root) throw new Error("spec/openapi.yaml has no `paths:` block to replace");
  writeFileSync(join(specDir, "openapi.yaml"), rootOut);
  return { specDir, operationIds, firstUsersPath };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [count, outDir] = process.argv.slice(2);
  if (!count || !outDir) throw new Error("usage: scale-spec.mjs <operations> <outDir>");
  const { specDir } = writeSyntheticSpec(Number(count), outDir);
  console.log(`wrote ${count} operations to ${specDir}`);
}
