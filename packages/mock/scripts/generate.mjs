// Writes src/kit/generated/operations.ts from the bundled spec's operation facts
// (spec/dist/operations.json): the routes, roles, query parameters and declared statuses the mock
// serves, the enums and defaults it validates with, and the parsed query type of each operation.
//   node scripts/generate.mjs          write it
//   node scripts/generate.mjs --check  fail if the committed file is stale (also the default under CI)
//   --facts FILE                       read other facts (the pipeline tests use a temporary spec)
import { fileURLToPath } from "node:url";
import { emit, header, loadFacts } from "@community-api/spec/codegen";

const option = (name) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const root = fileURLToPath(new URL("..", import.meta.url));
const target = fileURLToPath(new URL("../src/kit/generated/operations.ts", import.meta.url));
const fixCommand = "pnpm --filter @community-api/mock generate";
const facts = loadFacts(option("--facts"));

const lists = facts.operations.filter((op) => op.list);
const json = (value) => JSON.stringify(value);
const literal = (values) => values.map(json).join(" | ");

/** The mock keeps of each query parameter what its validation needs. */
const queryFacts = (p) => ({
  name: p.name,
  type: p.type,
  ...(p.minimum !== undefined && { minimum: p.minimum }),
  ...(p.default !== undefined && { default: p.default }),
  ...(p.enum && { enum: p.enum }),
  ...(p.jsonArray && { jsonArray: { enum: p.jsonArray.enum, pattern: p.jsonArray.pattern } }),
});

/** The TypeScript type of a parsed query parameter. */
function parsedType(p) {
  const optional = p.default === undefined ? " | undefined" : "";
  if (p.jsonArray) return `readonly (${literal(p.jsonArray.enum)})[]`;
  if (p.enum) return `${literal(p.enum)}${optional}`;
  if (p.type === "integer") return `bigint${optional}`;
  return `string${optional}`;
}

const operations = lists
  .map(
    (op) => `  ${op.operationId}: {
    path: ${json(op.path)},
    pathParameters: ${json(op.pathParameters.map((p) => ({ name: p.name, pattern: p.pattern ?? null })))},
    roles: ${json(op.roles)},
    query: ${json(op.queryParameters.map(queryFacts))},
    statuses: ${json(op.statuses.map(({ status, headers }) => ({ status, headers })))},
  },`,
  )
  .join("\n");

const parsed = lists
  .map(
    (op) =>
      `  ${op.operationId}: {\n${op.queryParameters
        .map((p) => `    readonly ${p.name}: ${parsedType(p)};`)
        .join("\n")}\n  };`,
  )
  .join("\n");

/** Roles per resource: the ones operations require, plus `member` (a role that grants nothing). */
const roles = {};
for (const op of lists) {
  if (!op.roles) continue;
  roles[op.roles.resource] = [...new Set([...(roles[op.roles.resource] ?? []), ...op.roles.roles])];
}
for (const resource of Object.keys(roles)) roles[resource].push("member");

const content = `${header("packages/mock/scripts/generate.mjs", fixCommand)}
/** The list operations of the spec, keyed by operationId. */
export const OPERATIONS = {
${operations}
} as const;

/** The roles a test token can name, per resource: those operations require, plus \`member\`. */
export const RESOURCE_ROLES = ${json(roles)} as const;

/** Every enum of the spec's schemas, by schema name. */
export const ENUMS = ${json(facts.enums)} as const;

/** Every default of the spec's schemas, by schema name. */
export const DEFAULTS = ${json(facts.defaults)} as const;

/** The query of each list operation after validation, with the spec's defaults applied. */
export interface ParsedQueries {
${parsed}
}
`;

if (emit([{ target, content }], { fixCommand, root }) > 0) process.exit(1);
