// Writes the query package's generated file from the bundled spec's operation facts
// (spec/dist/operations.json), as the client's generator writes its named methods:
//   src/generated/operations.ts   the GET operations (path parameter count, iterator key, the
//                                 query parameters of the JSON-array form) and the typed surface
//                                 on them: query options and keys per operation, infinite query
//                                 options per list operation
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
const fixCommand = "pnpm --filter @community-api/query generate";
const facts = loadFacts(option("--facts"));

/** A JSDoc block, indented. */
const doc = (lines) => `  /**\n${lines.map((line) => `   * ${line}`).join("\n")}\n   */`;
const q = JSON.stringify;
// The first path value may be `skipToken` (an id not known yet); the others are ids.
const ids = (op, first) =>
  op.pathParameters.map((p, i) => `${p.name}: CommunityId${i === 0 ? first : ""}`).join(", ");
const withIds = (op, first, rest) => [ids(op, first), rest].filter(Boolean).join(", ");

// The client has named methods for GET operations only, and so does this package.
const gets = facts.operations.filter((op) => op.method === "GET");
const lists = gets.filter((op) => op.list);

const table = gets
  .map((op) => {
    const arrays = op.queryParameters.filter((p) => p.jsonArray).map((p) => p.name);
    return `  ${op.operationId}: { pathParameters: ${op.pathParameters.length}, iterator: ${q(op.iterator)}, jsonArrays: ${q(arrays)} },`;
  })
  .join("\n");

/** Interface members, one per operation: `member(op)` gives its JSDoc lines and its signature. */
const members = (ops, member) =>
  ops
    .map((op) => {
      const [lines, signature] = member(op);
      return `${doc(lines)}\n  ${signature};`;
    })
    .join("\n");

const queries = members(gets, (op) => [
  [
    `Query options of ${op.summary} (\`GET ${op.path}\`): \`useQuery(queries.${op.operationId}(…))\`.`,
    "An id that is not known yet takes `skipToken`.",
  ],
  `${op.operationId}(${withIds(op, " | SkipToken", `query?: NamedQuery<${q(op.operationId)}>`)}): CommunityQueryOptions<${q(op.operationId)}>`,
]);

const infinite = members(lists, (op) => [
  [
    `Infinite query options of ${op.summary} (\`GET ${op.path}\`), one page per \`next\` link:`,
    `\`useInfiniteQuery(queries.infinite.${op.iterator}(…))\`.`,
  ],
  `${op.iterator}(${withIds(op, " | SkipToken", `query?: InfiniteQuery<${q(op.operationId)}>`)}): CommunityInfiniteQueryOptions<${q(op.operationId)}>`,
]);

const keys = members(gets, (op) => [
  [
    `Prefix of every key of ${op.operationId} (plain and infinite), or of those of one ${op.pathParameters.map((p) => p.name).join(", ")}.`,
  ],
  `${op.operationId}(${op.pathParameters.map((p) => `${p.name}?: CommunityId`).join(", ")}): OperationKey<${q(op.operationId)}>`,
]);

const operations = `${header("packages/query/scripts/generate.mjs", fixCommand)}
import type { CommunityId, NamedQuery } from "@community-api/client";
import type { SkipToken } from "@tanstack/query-core";
import type {
  CommunityInfiniteQueryOptions,
  CommunityQueryOptions,
  InfiniteQuery,
  OperationKey,
} from "../types.js";

/**
 * The GET operations of the spec: how many path parameters they take, the key of their infinite
 * options (null when the operation is not a list), and their query parameters of the JSON-array
 * form (a bare value and a one-item array are one key).
 */
export const OPERATIONS = {
${table}
} as const;

/** Query options per GET operation. */
export interface OperationQueries {
${queries}
}

/** Infinite query options per list operation. */
export interface InfiniteQueries {
${infinite}
}

/** Key prefixes per GET operation. */
export interface OperationKeys {
${keys}
}
`;

const stale = emit(
  [
    {
      target: fileURLToPath(new URL("../src/generated/operations.ts", import.meta.url)),
      content: operations,
    },
  ],
  { fixCommand, root },
);
if (stale > 0) process.exit(1);
