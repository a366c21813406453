// The scale benchmark's floor of the types generator: openapi-typescript alone on a bundled
// spec, with the options packages/types/scripts/generate.mjs passes it, from the copy that
// generator resolves; nothing named, nothing written. What the generator adds on top of this
// (names.ts, the facts, the write) is its own cost.
//   node scale-openapi-ts.mjs <bundled spec .json>
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { repoRoot } from "./lib/repo.mjs";

const typesRequire = createRequire(join(repoRoot, "packages", "types", "package.json"));
const { default: openapiTS, astToString } = /** @type {typeof import("openapi-typescript")} */ (
  typesRequire("openapi-typescript")
);

const specPath = process.argv[2];
if (!specPath) throw new Error("usage: node scale-openapi-ts.mjs <bundled spec .json>");
const spec = JSON.parse(readFileSync(specPath, "utf8"));
const ast = await openapiTS(spec, {
  alphabetize: false,
  exportType: false,
  rootTypes: false,
  defaultNonNullable: false,
});
console.log(`${astToString(ast).length} characters of types`);
