// Derives the operation facts from the bundled document: what every consumer (client, mock,
// docs, tests) needs to know about each operation, read from the spec instead of copied out of
// it. Pure: a document in, a plain JSON value out (spec/dist/operations.json).
//
// The rules, stated once:
// - `iterator`: the operationId without its `get` prefix, lower camel case
//   (`getCourseDashboardUsers` -> `courseDashboardUsers`), for list operations only.
// - a list operation is a GET whose 200 JSON body has an array `results` (the page envelope).
// - `roles` is the operation's `x-required-roles` ({ resource, roles }), or null.
// - a query parameter whose schema has a string form with `contentMediaType: application/json`
//   and an array `contentSchema` takes an array, sent as ONE parameter holding a JSON array
//   (`jsonArray` names the item enum); the bare form of its items is sent as is.
// - `statuses` lists every concrete status an operation may answer, ascending, each with the
//   headers its response declares and the key it is declared under (`"429"`, `"5XX"`). A range
//   stands for the statuses of it that servers and gateways send: `5XX` is 500, 502, 503 and
//   504 (the reference names 500 and 503; 502 and 504 are what a gateway in front answers),
//   `4XX` is 400, 401, 403, 404 and 429, any other `NXX` is N00. A status declared on its own
//   wins over its range. `default` names no status and is left out.

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Follows local `#/...` references. Throws, naming the reference, when one does not resolve. */
export function deref(doc, node) {
  let current = node;
  const seen = new Set();
  while (current && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`only local references are supported: ${ref}`);
    if (seen.has(ref)) throw new Error(`circular reference: ${ref}`);
    seen.add(ref);
    current = ref
      .slice(2)
      .split("/")
      .map((key) => key.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((parent, key) => (parent == null ? undefined : parent[key]), doc);
    if (current === undefined) throw new Error(`unresolved reference: ${ref}`);
  }
  return current;
}

/** The component name a `$ref` points to (`#/components/schemas/User` -> `User`), or null. */
const refName = (node) =>
  node && typeof node.$ref === "string" ? node.$ref.split("/").pop() : null;

/** Properties of an object schema, `allOf` parts merged in (own properties win). */
export function propertiesOf(doc, schema) {
  const resolved = deref(doc, schema) ?? {};
  const parts = (resolved.allOf ?? []).map((part) => propertiesOf(doc, part));
  return Object.assign({}, ...parts, resolved.properties ?? {});
}

/** `getCourseDashboardUsers` -> `courseDashboardUsers`. */
export function iteratorKey(operationId) {
  const rest = operationId.replace(/^get(?=[A-Z])/, "");
  return rest.charAt(0).toLowerCase() + rest.slice(1);
}

/** The enum of a schema (through `$ref`), or null. */
function enumOf(doc, schema) {
  const resolved = deref(doc, schema);
  return Array.isArray(resolved?.enum) ? resolved.enum : null;
}

/** The JSON-array form of a parameter schema: `{ items, enum }` of its array, or null. */
function jsonArrayForm(doc, schema) {
  const resolved = deref(doc, schema) ?? {};
  for (const branch of [resolved, ...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])]) {
    const form = deref(doc, branch);
    const content = deref(doc, form?.contentSchema);
    if (form?.contentMediaType === "application/json" && content?.type === "array") {
      return {
        items: refName(content.items),
        enum: enumOf(doc, content.items),
        pattern: form.pattern ?? null,
      };
    }
  }
  return null;
}

/** What a consumer needs of one parameter. */
function parameterFacts(doc, node) {
  const parameter = deref(doc, node);
  const schema = deref(doc, parameter.schema) ?? {};
  const jsonArray = jsonArrayForm(doc, parameter.schema);
  // A union's scalar branch (StatusesFilter: a bare JoinStatus or a JSON array string).
  const scalarEnum =
    enumOf(doc, parameter.schema) ??
    (schema.anyOf ?? []).map((branch) => enumOf(doc, branch)).find(Boolean) ??
    null;
  const examples = parameter.example !== undefined ? [parameter.example] : [];
  if (parameter.examples) {
    for (const example of Object.values(parameter.examples)) {
      examples.push(deref(doc, example).value);
    }
  }
  if (Array.isArray(schema.examples)) examples.push(...schema.examples);
  return {
    name: parameter.name,
    in: parameter.in,
    required: parameter.required === true,
    schemaName: refName(parameter.schema),
    type: schema.type ?? (jsonArray || scalarEnum ? "string" : null),
    ...(schema.pattern !== undefined && { pattern: schema.pattern }),
    ...(schema.minimum !== undefined && { minimum: schema.minimum }),
    ...(schema.maximum !== undefined && { maximum: schema.maximum }),
    ...(schema.default !== undefined && { default: schema.default }),
    enum: scalarEnum,
    jsonArray,
    examples,
  };
}

/** The 200 JSON body's schema name, and its `results` items' schema name if it is a page. */
function pageFacts(doc, operation) {
  const ok = deref(doc, operation.responses?.["200"]);
  const media = ok?.content?.["application/json"];
  if (!media?.schema) return { page: null, item: null };
  const results = propertiesOf(doc, media.schema).results;
  const resolved = deref(doc, results);
  if (resolved?.type !== "array") return { page: refName(media.schema), item: null };
  return { page: refName(media.schema), item: refName(resolved.items) };
}

/** The concrete statuses a range key stands for (see the header); a plain code is itself. */
const RANGES = { "4XX": [400, 401, 403, 404, 429], "5XX": [500, 502, 503, 504] };
function statusesOf(key) {
  if (/^[1-5]XX$/i.test(key)) return RANGES[key.toUpperCase()] ?? [Number(key[0]) * 100];
  return /^[1-5][0-9]{2}$/.test(key) ? [Number(key)] : [];
}

/** `statuses` of an operation: each concrete status, its declaring key and its header names. */
function statusFacts(doc, responses) {
  const found = new Map();
  // Plain codes first, so that a status declared on its own wins over a range that covers it.
  const keys = Object.keys(responses).sort((a, b) => /X/i.test(a) - /X/i.test(b));
  for (const key of keys) {
    const response = deref(doc, responses[key]) ?? {};
    const headers = Object.keys(response.headers ?? {});
    for (const status of statusesOf(key)) {
      if (!found.has(status)) found.set(status, { status, declaredAs: key, headers });
    }
  }
  return [...found.values()].sort((a, b) => a.status - b.status);
}

/** The operation facts of a bundled OpenAPI document. */
export function deriveFacts(doc) {
  const operations = [];
  const problems = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const pathItem = deref(doc, item);
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!operation.operationId) {
        problems.push(`${where} has no operationId`);
        continue;
      }
      const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map(
        (node) => parameterFacts(doc, node),
      );
      const { page, item: itemSchema } = pageFacts(doc, operation);
      const list = method === "get" && itemSchema !== null;
      const roles = operation["x-required-roles"] ?? null;
      for (const name of path.match(/\{[^}]+\}/g) ?? []) {
        const bare = name.slice(1, -1);
        if (!parameters.some((p) => p.in === "path" && p.name === bare)) {
          problems.push(`${where}: path parameter ${name} is not declared`);
        }
      }
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        summary: operation.summary ?? "",
        tag: operation.tags?.[0] ?? null,
        list,
        iterator: list ? iteratorKey(operation.operationId) : null,
        roles: roles && { resource: roles.resource, roles: [...roles.roles] },
        pathParameters: parameters.filter((p) => p.in === "path"),
        queryParameters: parameters.filter((p) => p.in === "query"),
        pageSchema: page,
        itemSchema,
        responses: Object.keys(operation.responses ?? {}),
        statuses: statusFacts(doc, operation.responses ?? {}),
      });
    }
  }
  const ids = operations.map((o) => o.operationId);
  for (const id of new Set(ids)) {
    if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`operationId ${id} is used twice`);
  }
  if (problems.length > 0)
    throw new Error(`the spec's operations are inconsistent:\n  ${problems.join("\n  ")}`);
  operations.sort((a, b) => (a.operationId < b.operationId ? -1 : 1));
  /** Every named schema that is an enum, in the spec's order. */
  const enums = Object.fromEntries(
    Object.entries(doc.components?.schemas ?? {})
      .filter(([, schema]) => Array.isArray(schema.enum))
      .map(([name, schema]) => [name, schema.enum]),
  );
  const defaults = Object.fromEntries(
    Object.entries(doc.components?.schemas ?? {})
      .filter(([, schema]) => schema.default !== undefined)
      .map(([name, schema]) => [name, schema.default]),
  );
  return { operations, enums, defaults };
}
