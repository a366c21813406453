// Generates the code samples of every operation from the spec's operation facts
// (spec/dist/operations.json): one on the typed client (TypeScript), one with curl and one with
// plain fetch. They are made at build time and never stored, so a new operation in the spec gets
// its samples with no edit here, and a sample cannot be stale.
//
// What a sample sends, read from the facts:
// - each path parameter: `1`, the first id of the mock's dataset (every resource starts at 1);
// - `limit`: its first example; `offset` is left out: a sample starts at the first page;
// - each parameter with an enum or a JSON-array form: its first example (else enum value) that
//   differs from its default. A JSON-array parameter is an array for the typed client and ONE
//   parameter holding a JSON array on the wire (curl `--data-urlencode`, `JSON.stringify`);
// - other parameters (free-text filters such as `search`) are left out: on an unknown dataset a
//   term may match nothing, and the sample would print nothing;
// - the token: COMMUNITY_API_TOKEN if not empty, else the mock's test token `<resource>-1-<role>`
//   (the first role the operation accepts);
// - the base URL: COMMUNITY_API_URL if not empty, else the local mock; a trailing slash is
//   tolerated.
// A list's TypeScript and fetch samples print every item, one JSON line each, page after page,
// and never send the token where `next` points: the client takes only `limit`/`offset` from it
// and the fetch sample only `offset`. The curl sample prints the first page's body.
//
// Usage: node scripts/samples.mjs --out <dir>   writes <operationId><suffix> files to look at
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are sample source code, whose template literals must stay as they are.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

/**
 * The sample kinds, in the order the page lists them (the first is the default tab).
 * `key`/`label`/`lang` are Redoc's `codeSamples.languages` fields: `label` is the tab title and,
 * lower-cased, the key that ties an `x-codeSamples` entry to its tab; `lang` picks the highlighter.
 * `suffix` names the file a sample is written to when one is (tests, `--out`).
 */
export const SAMPLE_KINDS = [
  { suffix: ".ts", key: "typescript", label: "TypeScript", lang: "typescript" },
  { suffix: ".sh", key: "curl", label: "curl", lang: "bash" },
  { suffix: ".fetch.mjs", key: "fetch", label: "fetch", lang: "javascript" },
];

/** The local mock, where the samples go without COMMUNITY_API_URL. */
export const MOCK_URL = "http://127.0.0.1:4010";
/** The id every sample uses: the mock's dataset numbers every resource from 1. */
export const SAMPLE_ID = 1;

/**
 * @typedef {{ lang: string, label: string, source: string }} CodeSample
 * @typedef {{ name: string, in: string, required: boolean, type: string | null, default?: unknown,
 *   enum: unknown[] | null, jsonArray: { items: string | null, enum: unknown[] | null } | null,
 *   examples: unknown[] }} ParameterFacts
 * @typedef {{ operationId: string, method: string, path: string, summary: string, list: boolean,
 *   iterator: string | null, roles: { resource: string, roles: string[] } | null,
 *   pathParameters: ParameterFacts[], queryParameters: ParameterFacts[] }} OperationFacts
 * @typedef {{ specSha256: string, operations: OperationFacts[] }} Facts
 * @typedef {{ name: string, value: string | number | string[], json: boolean }} QueryValue
 *   `value` as the typed client takes it; `json`: sent as ONE parameter holding a JSON array
 * @typedef {{ operation: OperationFacts, path: string, query: QueryValue[], token: string }} SamplePlan
 */

/** A parameter's value on the wire: a JSON array as its JSON text, anything else as text. */
export const wireValue = (/** @type {QueryValue} */ { value, json }) =>
  json ? JSON.stringify(value) : String(value);

/** The value a sample shows for a query parameter, or undefined to leave it out. */
function sampleValue(/** @type {ParameterFacts} */ parameter) {
  if (parameter.name === "offset") return undefined;
  if (parameter.name === "limit") return parameter.examples[0];
  const isDefault = (/** @type {unknown} */ value) =>
    parameter.default !== undefined &&
    JSON.stringify(value) === JSON.stringify(parse(parameter.default));
  const candidates = parameter.examples.map(parse);
  if (parameter.jsonArray) {
    return candidates.find((value) => Array.isArray(value) && !isDefault(value));
  }
  if (parameter.enum) {
    return [...candidates, ...parameter.enum].find(
      (value) => parameter.enum?.includes(value) && !isDefault(value),
    );
  }
  return undefined;
}

/** A JSON text (`'["a","b"]'`) as its value; anything else as it is. */
function parse(/** @type {unknown} */ value) {
  if (typeof value !== "string" || !value.startsWith("[")) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * What the samples of an operation request: its path with ids filled in, its query and the
 * mock's token for its role.
 * @param {OperationFacts} operation
 * @returns {SamplePlan}
 */
export function samplePlan(operation) {
  if (operation.method !== "GET") {
    throw new Error(
      `${operation.operationId}: samples are generated for GET operations only; extend scripts/samples.mjs for ${operation.method}`,
    );
  }
  if (!operation.roles?.roles[0]) {
    throw new Error(`${operation.operationId} has no x-required-roles: no mock token to show`);
  }
  let path = operation.path;
  for (const parameter of operation.pathParameters) {
    path = path.replace(`{${parameter.name}}`, String(SAMPLE_ID));
  }
  /** @type {QueryValue[]} */
  const query = [];
  for (const parameter of operation.queryParameters) {
    const value = sampleValue(parameter);
    if (value === undefined) continue;
    query.push({
      name: parameter.name,
      value: /** @type {QueryValue["value"]} */ (value),
      json: Array.isArray(value),
    });
  }
  const { resource, roles } = operation.roles;
  return { operation, path, query, token: `${resource}-${SAMPLE_ID}-${roles[0]}` };
}

/**
 * JavaScript source of a value: strings quoted, arrays on one line.
 * @param {unknown} value
 * @returns {string}
 */
const js = (value) =>
  Array.isArray(value) ? `[${value.map(js).join(", ")}]` : JSON.stringify(value);

/** A shell word in single quotes (safe for `"`, `$`, spaces). */
const sh = (/** @type {string} */ text) => `'${text.replaceAll("'", `'\\''`)}'`;

/** The comment lines a sample starts with: the operation, what the sample does, the role. */
function intro(
  /** @type {SamplePlan} */ { operation, token },
  /** @type {string} */ prefix,
  /** @type {string} */ what,
) {
  const { resource, roles } = /** @type {NonNullable<OperationFacts["roles"]>} */ (operation.roles);
  return [
    `${operation.summary} (${operation.method} ${operation.path})`,
    what,
    `Needs the ${resource} role ${roles.map((role) => `\`${role}\``).join(" or ")}; the default token is the mock's ${token}.`,
  ].map((line) => `${prefix} ${line}`);
}

/** What a sample printing every item (a list) or the response (an operation) does. */
const everything = (/** @type {SamplePlan} */ { operation }) => {
  const resource = operation.roles?.resource;
  return operation.list
    ? `Prints every item of ${resource} ${SAMPLE_ID}'s list, one JSON line each, page after page.`
    : `Prints the response for ${resource} ${SAMPLE_ID} as JSON.`;
};

/** The typed-client sample. */
function typescript(/** @type {SamplePlan} */ plan) {
  const { operation, query, token } = plan;
  const entries = query.map((entry) => {
    const name = operation.list && entry.name === "limit" ? "pageSize" : entry.name;
    const note = entry.json ? ` // ONE parameter: ${entry.name}=${wireValue(entry)}` : "";
    return `  ${name}: ${js(entry.value)},${note}`;
  });
  const ids = operation.pathParameters.map(() => SAMPLE_ID).join(", ");
  const args = entries.length > 0 ? `${ids}, {\n${entries.join("\n")}\n}` : ids;
  const call = operation.list
    ? [
        "// `paginate` requests page after page from your base URL (never where `next` points).",
        `const items = client.paginate.${operation.iterator}(${args});`,
        "for await (const item of items) {",
        "  console.log(JSON.stringify(item));",
        "}",
      ]
    : [
        `const result = await client.${operation.operationId}(${args});`,
        "console.log(JSON.stringify(result));",
      ];
  return [
    ...intro(plan, "//", everything(plan)),
    'import { createCommunityClient } from "@community-api/client";',
    "",
    "const client = createCommunityClient({",
    `  baseUrl: process.env.COMMUNITY_API_URL || ${JSON.stringify(MOCK_URL)},`,
    `  token: process.env.COMMUNITY_API_TOKEN || ${JSON.stringify(token)},`,
    "});",
    "",
    ...call,
  ].join("\n");
}

/** The curl sample: the first page (or the one response), printed as it comes. */
function curl(/** @type {SamplePlan} */ plan) {
  const { operation, path, query, token } = plan;
  const command = [
    "curl --get --fail-with-body --silent --show-error",
    `  "\${base%/}${path}"`,
    `  -H "Authorization: Bearer \${COMMUNITY_API_TOKEN:-${token}}"`,
    '  -H "Accept: application/json"',
    ...query.map((entry) => `  --data-urlencode ${sh(`${entry.name}=${wireValue(entry)}`)}`),
  ];
  return [
    ...intro(
      plan,
      "#",
      operation.list
        ? `Prints the first page of ${operation.roles?.resource} ${SAMPLE_ID}'s list; its \`next\` names the following one.`
        : everything(plan),
    ),
    "# --get turns each --data-urlencode into a percent-encoded query parameter.",
    ...query
      .filter((entry) => entry.json)
      .map((entry) => `# \`${entry.name}\` goes out as ONE parameter holding a JSON array.`),
    // The base URL without a trailing slash, so that the path does not start with `//`.
    `base="\${COMMUNITY_API_URL:-${MOCK_URL}}"`,
    command.join(" \\\n"),
  ].join("\n");
}

/** The plain fetch sample. */
function fetchSample(/** @type {SamplePlan} */ plan) {
  const { operation, path, query, token } = plan;
  const params = query.map((entry) =>
    entry.json
      ? `  ${entry.name}: JSON.stringify(${js(entry.value)}), // ONE parameter holding a JSON array`
      : `  ${entry.name}: ${JSON.stringify(wireValue(entry))},`,
  );
  const request = [
    "  const response = await fetch(url, {",
    '    headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },',
    "  });",
    "  if (!response.ok) {",
    "    throw new Error(`HTTP ${response.status}: ${await response.text()}`);",
    "  }",
  ];
  const body = operation.list
    ? [
        "for (;;) {",
        ...request,
        "  const page = await response.json();",
        "  for (const item of page.results) console.log(JSON.stringify(item));",
        "  if (page.next === null) break;",
        "  // Take only the offset from `next` and ask your own base URL: `next` is an absolute URL,",
        "  // and the token must not go to whatever host a response names. An offset that does not",
        "  // move forward would loop forever.",
        '  const offset = new URL(page.next).searchParams.get("offset");',
        '  if (!(Number(offset) > Number(url.searchParams.get("offset") ?? 0))) {',
        "    throw new Error(`next does not advance: ${page.next}`);",
        "  }",
        '  url.searchParams.set("offset", offset);',
        "}",
      ]
    : [
        ...request.map((line) => line.slice(2)),
        "console.log(JSON.stringify(await response.json()));",
      ];
  return [
    ...intro(plan, "//", everything(plan)),
    `const baseUrl = (process.env.COMMUNITY_API_URL || ${JSON.stringify(MOCK_URL)}).replace(/\\/+$/, "");`,
    `const token = process.env.COMMUNITY_API_TOKEN || ${JSON.stringify(token)};`,
    "",
    `const url = new URL(\`\${baseUrl}${path}\`);`,
    ...(params.length > 0
      ? ["url.search = new URLSearchParams({", ...params, "}).toString();"]
      : []),
    ...body,
  ].join("\n");
}

const RENDER = { typescript, curl, fetch: fetchSample };

/**
 * The code samples of every operation of the facts.
 * @param {Facts} facts the bundled spec's operation facts
 * @returns {Map<string, CodeSample[]>} operationId -> samples in SAMPLE_KINDS order
 */
export function generateSamples(facts) {
  /** @type {Map<string, CodeSample[]>} */
  const samples = new Map();
  for (const operation of facts.operations) {
    const plan = samplePlan(operation);
    samples.set(
      operation.operationId,
      SAMPLE_KINDS.map((kind) => ({
        lang: kind.lang,
        label: kind.label,
        source: RENDER[/** @type {keyof typeof RENDER} */ (kind.key)](plan),
      })),
    );
  }
  return samples;
}

/**
 * Writes the samples as files, `<operationId><suffix>`, to `dir`.
 * @param {Map<string, CodeSample[]>} samples
 * @param {string} dir
 * @returns {string[]} the files written
 */
export function writeSamples(samples, dir) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (const [operationId, entries] of samples) {
    for (const [index, kind] of SAMPLE_KINDS.entries()) {
      const file = join(dir, `${operationId}${kind.suffix}`);
      writeFileSync(file, `${entries[index]?.source}\n`);
      files.push(file);
    }
  }
  return files;
}

// Run as a CLI: node scripts/samples.mjs --out <dir>
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  if (!values.out) {
    console.error("usage: node scripts/samples.mjs --out <dir>");
    process.exit(2);
  }
  const { readBundledSpec, readOperationFacts } = await import("./spec.mjs");
  const facts = readOperationFacts(readBundledSpec());
  const files = writeSamples(generateSamples(facts), resolve(values.out));
  console.log(`docs: ${files.length} sample files -> ${resolve(values.out)}`);
}
