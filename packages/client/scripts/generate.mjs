// Writes the client's generated files from the bundled spec's operation facts
// (spec/dist/operations.json):
//   src/generated/spec-fingerprint.ts  SPEC_VERSION, SPEC_SHA256: the exact spec the client was typed against
//   src/generated/operations.ts        the GET operations (path, path parameters, list or not) and the
//                                      typed surface built on them: one named method per operation,
//                                      one item and one page iterator per list operation
//   node scripts/generate.mjs          write them
//   node scripts/generate.mjs --check  fail if a committed file is stale (also the default under CI)
//   --facts FILE                       read other facts (the pipeline tests use a temporary spec)
import { fileURLToPath } from "node:url";
import { emit, header, loadFacts } from "@community-api/spec/codegen";

const option = (name) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const root = fileURLToPath(new URL("..", import.meta.url));
const out = (name) => fileURLToPath(new URL(`../src/generated/${name}`, import.meta.url));
const fixCommand = "pnpm --filter @community-api/client generate";
const HEADER = header("packages/client/scripts/generate.mjs", fixCommand);
const facts = loadFacts(option("--facts"));

const fingerprint = `${HEADER}
/** \`info.version\` of the OpenAPI spec this client was built from. */
export const SPEC_VERSION = ${JSON.stringify(facts.specVersion)};

/** SHA-256 (hex) of the bundled spec (spec/dist/openapi.json) this client was built from. */
export const SPEC_SHA256 = ${JSON.stringify(facts.specSha256)};
`;

/** A JSDoc block, indented. */
const doc = (lines, indent = "  ") =>
  `${indent}/**\n${lines.map((line) => `${indent} *${line ? ` ${line}` : ""}`).join("\n")}\n${indent} */`;
const roleLine = (op) =>
  op.roles
    ? `Requires the ${op.roles.resource} role ${op.roles.roles.map((r) => `\`${r}\``).join(" or ")}; without it the API answers 403.`
    : "";
const idArgs = (op) => op.pathParameters.map((p) => `${p.name}: CommunityId`).join(", ");
const withIds = (op, rest) => [idArgs(op), rest].filter(Boolean).join(", ");

// Only GET operations get named methods: the API's other methods are reached with client.POST etc.
const gets = facts.operations.filter((op) => op.method === "GET");
const lists = gets.filter((op) => op.list);

// Each distinct pattern becomes one RegExp, shared by the parameters that have it (every id of
// this API has the same); a parameter without one accepts any string.
const patterns = [...new Set(gets.flatMap((op) => op.pathParameters.map((p) => p.pattern ?? "")))];
// As a literal (`new RegExp` would keep the constant in bundles that tree-shake the table away),
// with the same `source` as `new RegExp(pattern)`.
const patternConstants = patterns
  .map((pattern, i) => `const PATTERN_${i} = /${new RegExp(pattern).source}/;`)
  .join("\n");
const table = gets
  .map(
    (op) =>
      `  ${op.operationId}: { path: ${JSON.stringify(op.path)}, pathParameters: [${op.pathParameters
        .map((p) => `[${JSON.stringify(p.name)}, PATTERN_${patterns.indexOf(p.pattern ?? "")}]`)
        .join(", ")}], iterator: ${JSON.stringify(op.iterator)} },`,
  )
  .join("\n");

const jsonArrays = gets
  .map((op) => {
    const params = op.queryParameters.filter((p) => p.jsonArray?.items);
    const body = params.map((p) => `${p.name}: Schemas[${JSON.stringify(p.jsonArray.items)}]`);
    return `  ${op.operationId}: {${body.length ? ` ${body.join("; ")} ` : ""}};`;
  })
  .join("\n");

const methods = gets
  .map((op) =>
    [
      doc(
        [
          `${op.summary} (\`GET ${op.path}\`).`,
          roleLine(op),
          op.list ? "Resolves to one page; see `paginate` and `pages` for every page." : "",
        ].filter(Boolean),
      ),
      `  ${op.operationId}(${withIds(op, `query?: NamedQuery<${JSON.stringify(op.operationId)}>, init?: RequestOptions`)}): Promise<ResponseOf<${JSON.stringify(op.operationId)}>>;`,
    ].join("\n"),
  )
  .join("\n");

const iterators = (what, result) =>
  lists
    .map((op) =>
      [
        doc([`${what} of ${op.summary} (\`GET ${op.path}\`), page after page.`]),
        `  ${op.iterator}(${withIds(op, `options?: IteratorOptions<${JSON.stringify(op.operationId)}>`)}): AsyncGenerator<${result}<${JSON.stringify(op.operationId)}>, void, undefined>;`,
      ].join("\n"),
    )
    .join("\n");

const operations = `${HEADER}
import type { components } from "@community-api/types";
import type {
  CommunityId,
  IteratorOptions,
  ItemOf,
  NamedQuery,
  RequestOptions,
  ResponseOf,
} from "../operation-types.js";

type Schemas = components["schemas"];

${patternConstants}

/**
 * The GET operations of the spec: path, path parameters in order ([name, pattern]) and the key
 * of their iterators (null when the operation is not a list).
 */
export const OPERATIONS = {
${table}
} as const;

/**
 * Query parameters that take an array and send it as ONE parameter holding a JSON array (the
 * spec's \`contentMediaType: application/json\` form), by operation: name -> item type.
 */
export interface JsonArrayParameters {
${jsonArrays}
}

/** One named method per GET operation; each throws a typed error for an error status. */
export interface NamedMethods {
${methods}
}

/** One item iterator per list operation: \`for await (const user of client.paginate.x(id))\`. */
export interface ItemIterators {
${iterators("Every item", "ItemOf")}
}

/** One page iterator per list operation; each page has \`count\`, \`next\`, \`previous\`, \`results\`. */
export interface PageIterators {
${iterators("Every page", "ResponseOf")}
}
`;

const stale = emit(
  [
    { target: out("spec-fingerprint.ts"), content: fingerprint },
    { target: out("operations.ts"), content: operations },
  ],
  { fixCommand, root },
);
if (stale > 0) process.exit(1);
