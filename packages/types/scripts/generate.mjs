// Generates, from the ONE bundled spec (@community-api/spec/openapi.json):
//   - src/generated/openapi.ts: `paths`, `components`, `operations`, by openapi-typescript;
//   - src/generated/names.ts: a named type per component schema (`User`, `JoinStatus`, …) and
//     per operation's query (`CourseInvitedUsersQuery`), so that a schema or an operation added
//     to the spec is exported by name with no edit here.
//   node scripts/generate.mjs          write them (temp file + rename: a failure leaves the last good files)
//   node scripts/generate.mjs --check  fail if a committed file is stale
//   --spec FILE / --out FILE            other input / openapi.ts output (names.ts, or names.d.ts for a
//                                       .d.ts output, goes beside it;
//                                       used by the pipeline tests)
// With CI set (and no --write), it checks instead of writing: CI must prove that the committed
// files match the spec, not silently regenerate them.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checking, emit, header } from "@community-api/spec/codegen";
import { deriveFacts, iteratorKey } from "@community-api/spec/facts";
import { markProvenance } from "@community-api/spec/provenance";
import openapiTS, { astToString } from "openapi-typescript";
import { OPENAPI_TS_OPTIONS } from "./openapi-ts-options.mjs";

const require = createRequire(import.meta.url);
const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const option = (name) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const target = option("--out") ?? join(pkgDir, "src", "generated", "openapi.ts");
// Beside it, with the same kind of extension (the scale benchmark writes declarations, .d.ts).
const namesTarget = join(dirname(target), target.endsWith(".d.ts") ? "names.d.ts" : "names.ts");
const specPath = option("--spec") ?? require.resolve("@community-api/spec/openapi.json");
const fixCommand = "pnpm --filter @community-api/types generate";

const HEADER = `// This file is generated from spec/ by openapi-typescript. Do not edit it by hand.
// To change it, edit the spec and run \`${fixCommand}\` (or \`pnpm build\`).
/* eslint-disable */

`;

/** The first sentence of a spec description, for a one-line JSDoc (`*\/` cannot end it early). */
function summary(text) {
  const first = /^[\s\S]*?[.!?](?=\s|$)/.exec(text.trim())?.[0] ?? text.trim();
  return first.replace(/\s+/g, " ").replaceAll("*/", "*\\/");
}

/** `getCourseInvitedUsers` -> `CourseInvitedUsers`: the facts' iterator key, capitalised. */
const operationName = (operationId) => {
  const key = iteratorKey(operationId);
  return key.charAt(0).toUpperCase() + key.slice(1);
};

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function renderNames(spec, facts) {
  const lines = [
    header("packages/types/scripts/generate.mjs", fixCommand).trimEnd(),
    "// A named type per component schema, with its summary, and per operation's query parameters.",
    "",
    'import type { components, operations } from "./openapi.js";',
    "",
    'type Schemas = components["schemas"];',
  ];
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    if (!IDENTIFIER.test(name))
      throw new Error(`schema name ${JSON.stringify(name)} is not a TypeScript identifier`);
    const doc = [
      schema.description ? summary(schema.description) : "",
      schema.deprecated ? "@deprecated" : "",
    ]
      .filter(Boolean)
      .join(" ");
    lines.push(
      "",
      ...(doc ? [`/** ${doc} */`] : []),
      `export type ${name} = Schemas[${JSON.stringify(name)}];`,
    );
  }
  for (const { operationId, queryParameters } of facts.operations) {
    if (queryParameters.length === 0) continue;
    lines.push(
      "",
      `/** Query parameters of \`${operationId}\`, as the spec declares them. */`,
      `export type ${operationName(operationId)}Query = NonNullable<operations[${JSON.stringify(operationId)}]["parameters"]["query"]>;`,
    );
  }
  return `${lines.join("\n")}\n`;
}

async function render(spec) {
  // Each item's provenance (`x-source`) joins its description, and so its JSDoc: a field from
  // another page of the provider or inferred by us says so in the editor too.
  const ast = await openapiTS(markProvenance(structuredClone(spec)), OPENAPI_TS_OPTIONS);
  return HEADER + astToString(ast);
}

try {
  const spec = JSON.parse(readFileSync(specPath, "utf8"));
  const files = [
    { target, content: await render(spec) },
    // The operation facts, derived from this bundle as the bundle step derives them.
    {
      target: namesTarget,
      content: renderNames(spec, deriveFacts(spec)),
    },
  ];
  const stale = emit(files, { fixCommand, check: checking(), root: join(pkgDir, "..", "..") });
  if (stale > 0) process.exit(1);
} catch (error) {
  console.error(`type generation failed: ${error instanceof Error ? error.message : error}`);
  console.error("the last good generated files were left untouched.");
  process.exit(1);
}
