// Which requests to make, derived from the operation facts: nothing here names an operation, a
// parameter or a value. Per operation:
// - the server's defaults (no query), and paging with a small page size;
// - an enum parameter (e.g. `ordering`): each of its values;
// - a JSON-array parameter (e.g. `statuses`): its first item value bare, and its first two as
//   ONE JSON array (the client sends both forms as the spec says);
// - any other parameter with an example (e.g. `search`): its first example;
// - one request with the first bounded integer parameter just below its minimum (e.g.
//   `limit=0`), which the spec answers with a 400 and an error body.
// One request without a token (the 401 and its body) is made once, on the first operation.
import type { OperationFact, OperationFacts, ParameterFacts } from "./facts.js";

/**
 * The query parameters the client's iterators own (`pageSize` is sent as `limit`, the start as
 * `offset`): the limit/offset envelope of every list, as `Page` in the client names it.
 */
const PAGING = new Set(["limit", "offset"]);
/** The page size of the paging combination: small, so that a few pages cross several `next` links. */
export const SMALL_PAGE = 2;

/** One parameter combination of one operation. */
export interface Case {
  readonly operation: OperationFact;
  /** How the report names it: `defaults`, `ordering=joined_at`, `limit=2 (paging)`, ... */
  readonly label: string;
  /** The path values, in the order of the operation's path parameters. */
  readonly args: readonly string[];
  /** The query, as the client's named method takes it (a JSON-array parameter as an array). */
  readonly query: Readonly<Record<string, unknown>>;
  /** The query parameter this combination tries (`limit` for paging), if any. */
  readonly parameter?: string;
  /** Page size for the iterator (undefined: the server's default). */
  readonly pageSize?: number;
  /** Pages to walk with the client's page iterator; 1 for a single call. */
  readonly pages: number;
  /** False for the request without a token. */
  readonly withToken: boolean;
  /** The status the spec gives this request when it is a probe of an error (401, 400). */
  readonly expect?: number;
  /** Why that status: shown when the server answers otherwise. */
  readonly expectWhy?: string;
}

/** An operation the run does not call, and why. */
export interface Skipped {
  readonly operationId: string;
  readonly reason: string;
}

export interface Plan {
  readonly cases: Case[];
  readonly skipped: Skipped[];
}

/** The values to try for one query parameter: [label, value for the client]. */
function valuesOf(parameter: ParameterFacts): [string, unknown][] {
  const { name } = parameter;
  const items = parameter.jsonArray?.enum ?? [];
  if (parameter.jsonArray && items.length > 0) {
    const pair = items.slice(0, 2);
    return [
      [`${name}=${String(items[0])}`, items[0]],
      [`${name}=${JSON.stringify(pair)}`, pair],
    ];
  }
  if (parameter.enum && parameter.enum.length > 0) {
    return parameter.enum.map((value) => [`${name}=${String(value)}`, value]);
  }
  const example = parameter.examples[0];
  return example === undefined ? [] : [[`${name}=${JSON.stringify(example)}`, example]];
}

/** The path values of an operation from the ids given per resource, or why it cannot be called. */
function pathValues(
  operation: OperationFact,
  ids: Readonly<Record<string, string>>,
): string[] | string {
  const count = operation.pathParameters.length;
  if (count === 0) return [];
  const resource = operation.roles?.resource;
  if (!resource) return "the spec names no resource for its path parameter";
  if (count > 1) return `it takes ${count} path parameters; the verifier passes one id`;
  const id = ids[resource];
  return id === undefined ? `no --${resource} id given` : [id];
}

/** The cases of every operation, and the operations skipped. */
export function planCases(
  facts: OperationFacts,
  ids: Readonly<Record<string, string>>,
  pages: number,
): Plan {
  const cases: Case[] = [];
  const skipped: Skipped[] = [];
  let probedToken = false;
  for (const operation of facts.operations) {
    const { operationId } = operation;
    if (operation.method !== "GET") {
      skipped.push({ operationId, reason: `${operation.method}: the verifier only reads` });
      continue;
    }
    const args = pathValues(operation, ids);
    if (typeof args === "string") {
      skipped.push({ operationId, reason: args });
      continue;
    }
    const walk = operation.list ? pages : 1;
    const base = { operation, args, withToken: true } as const;
    cases.push({ ...base, label: "defaults", query: {}, pages: walk });
    const limit = operation.queryParameters.find((p) => p.name === "limit");
    if (operation.list && limit) {
      const pageSize = Math.max(SMALL_PAGE, limit.minimum ?? 1);
      cases.push({
        ...base,
        label: `limit=${pageSize} (paging)`,
        query: {},
        parameter: limit.name,
        pageSize,
        pages,
      });
    }
    for (const parameter of operation.queryParameters) {
      if (operation.list && PAGING.has(parameter.name)) continue;
      for (const [label, value] of valuesOf(parameter)) {
        cases.push({
          ...base,
          label,
          query: { [parameter.name]: value },
          parameter: parameter.name,
          pages: walk,
        });
      }
    }
    const bounded = operation.queryParameters.find(
      (p) => p.type === "integer" && typeof p.minimum === "number",
    );
    if (bounded && typeof bounded.minimum === "number") {
      const below = bounded.minimum - 1;
      cases.push({
        ...base,
        label: `${bounded.name}=${below} (below the minimum)`,
        query: { [bounded.name]: below },
        parameter: bounded.name,
        pages: 1,
        expect: 400,
        expectWhy: `the spec's minimum for ${bounded.name} is ${bounded.minimum}`,
      });
    }
    if (!probedToken) {
      probedToken = true;
      cases.push({
        ...base,
        label: "no token",
        query: {},
        pages: 1,
        withToken: false,
        expect: 401,
        expectWhy: "the spec requires a bearer token",
      });
    }
  }
  return { cases, skipped };
}
