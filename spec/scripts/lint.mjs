// Lints the split spec with redocly.yaml. Fails on any error OR warning, printing each problem
// as `file:line:col` so a broken spec points at the line to fix.
import { join } from "node:path";
import { redocly, repoRoot, specDir } from "./redocly.mjs";

const root = process.argv[2] ?? join(specDir, "openapi.yaml");
const { status, stdout, stderr } = redocly([
  "lint",
  root,
  "--config",
  join(repoRoot, "redocly.yaml"),
  "--format",
  "stylish",
]);
const output = [stdout, stderr].filter(Boolean).join("\n");
const warned = /\bwarning\b/i.test(stdout);
if (status !== 0 || warned) {
  console.error(output);
  console.error(
    `\nspec lint failed${warned && status === 0 ? " (warnings count as failures)" : ""}: fix the file:line above, then run \`pnpm build\` again.`,
  );
  process.exit(1);
}
console.log(output);
