// The scale benchmark's floor of the types generator: openapi-typescript alone on a bundled
// spec, with the options packages/types/scripts/generate.mjs passes it (openapi-ts-options.mjs
// beside it), from the copy that generator resolves; nothing named, nothing written. What the
// generator adds on top of this (names.ts, the facts, the write) is its own cost.
//   node scale-openapi-ts.mjs <bundled spec .json>
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./lib/repo.mjs";

const typesDir = join(repoRoot, "packages", "types");
const typesRequire = createRequire(join(typesDir, "package.json"));
const { OPENAPI_TS_OPTIONS } = await import(
  pathToFileURL(join(typesDir, "scripts", "openapi-ts-options.mjs")).href
);
const { default: openapiTS, astToString } = /** @type {typeof import("openapi-typescript")} */ (
  typesRequire("openapi-typescript")
);

const specPath = process.argv[2];
if (!specPath) throw new Error("usage: node scale-openapi-ts.mjs <bundled spec .json>");
const spec = JSON.parse(readFileSync(specPath, "utf8"));
const ast = await openapiTS(spec, OPENAPI_TS_OPTIONS);
console.log(`${astToString(ast).length} characters of types`);
