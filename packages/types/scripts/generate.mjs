// Generates src/generated/openapi.ts from the ONE bundled spec (@community-api/spec/openapi.json).
//   node scripts/generate.mjs          write it (temp file + rename: a failure leaves the last good file)
//   node scripts/generate.mjs --check  fail if the committed file is stale
//   --spec FILE / --out FILE            other input/output (used by the pipeline tests)
// With CI set (and no --write), it checks instead of writing: CI must prove that the committed
// file matches the spec, not silently regenerate it.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const require = createRequire(import.meta.url);
const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const option = (name) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const target = option("--out") ?? join(pkgDir, "src", "generated", "openapi.ts");
const specPath = option("--spec") ?? require.resolve("@community-api/spec/openapi.json");
const fixCommand = "pnpm --filter @community-api/types generate";

const HEADER = `// This file is generated from spec/ by openapi-typescript. Do not edit it by hand.
// To change it, edit the spec and run \`${fixCommand}\` (or \`pnpm build\`).
/* eslint-disable */

`;

async function render() {
  const spec = JSON.parse(readFileSync(specPath, "utf8"));
  const ast = await openapiTS(spec, {
    alphabetize: false,
    exportType: false,
    rootTypes: false,
    // A `default` documents what the server assumes; it does not make a response field present.
    defaultNonNullable: false,
  });
  return HEADER + astToString(ast);
}

const check =
  process.argv.includes("--check") ||
  (Boolean(process.env.CI) && !process.argv.includes("--write"));
try {
  const next = await render();
  if (check) {
    let current = "";
    try {
      current = readFileSync(target, "utf8");
    } catch {}
    if (current !== next) {
      console.error(
        `packages/types/src/generated/openapi.ts is stale: it does not match the bundled spec.\nRun \`${fixCommand}\` and commit the result.`,
      );
      process.exit(1);
    }
    console.log("generated types are up to date with the spec");
  } else {
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, next);
    renameSync(tmp, target);
    console.log("wrote packages/types/src/generated/openapi.ts");
  }
} catch (error) {
  console.error(`type generation failed: ${error instanceof Error ? error.message : error}`);
  console.error("the last good generated file was left untouched.");
  process.exit(1);
}
