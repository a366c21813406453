// The contract tests' view of every operation, read from the spec's operation facts (never a
// hand list): how to call it through the client with its required parameters only and with all
// of them, its iterators, and the mock's test tokens with and without the role it requires.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type TokenGrant, testToken } from "@community-api/mock/kit";
import type { CommunityClient, Page, RequestOptions } from "../../src/index.js";

const require = createRequire(import.meta.url);

interface ParameterFacts {
  name: string;
  type: string | null;
  enum: string[] | null;
  jsonArray: { enum: string[] | null } | null;
  examples: unknown[];
}
export interface OperationFacts {
  operationId: string;
  method: string;
  path: string;
  list: boolean;
  iterator: string | null;
  roles: { resource: string; roles: string[] } | null;
  pathParameters: ParameterFacts[];
  queryParameters: ParameterFacts[];
}

/** The operation facts of the bundled spec (spec/dist/operations.json). */
export const FACTS = JSON.parse(
  readFileSync(require.resolve("@community-api/spec/operations.json"), "utf8"),
) as { operations: OperationFacts[] };

/** A value for every query parameter: its first example, or else an enum value; arrays as arrays. */
export function fullQuery(op: OperationFacts): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const p of op.queryParameters) {
    const values = p.jsonArray?.enum;
    if (values) query[p.name] = values.slice(0, 2);
    else if (p.enum) query[p.name] = p.enum.at(-1);
    else if (p.examples.length > 0) query[p.name] = p.examples[0];
  }
  return query;
}

type Loose = (...args: unknown[]) => Promise<Page<unknown>>;
type LooseIterator = (...args: unknown[]) => AsyncIterable<unknown>;
type RawGet = (path: string, init: object) => Promise<{ data?: Page<unknown>; response: Response }>;

export interface ContractOperation {
  operationId: string;
  /** A test token with the role the operation needs, and one without it (the mock's tokens). */
  tokens: { allowed: string; denied: string };
  call(
    client: CommunityClient,
    id: number | string,
    query?: Record<string, unknown>,
    init?: RequestOptions,
  ): Promise<Page<unknown>>;
  /** The named method with every query parameter set. */
  callWithAll(client: CommunityClient, id: number | string): Promise<Page<unknown>>;
  pages(
    client: CommunityClient,
    id: number | string,
    options: { maxPages?: number; headers?: Record<string, string> },
  ): AsyncIterable<Page<unknown>>;
  paginate(
    client: CommunityClient,
    id: number | string,
    options: { maxPages?: number },
  ): AsyncIterable<unknown>;
  /** The raw openapi-fetch call. */
  raw(client: CommunityClient, id: string): Promise<{ data?: Page<unknown>; response: Response }>;
}

function grant(op: OperationFacts, role: string): TokenGrant {
  return { resource: op.roles?.resource, id: 1, role } as TokenGrant;
}

/** Every list operation of the spec (all of this API's operations are lists). */
export const CONTRACT_OPERATIONS: ContractOperation[] = FACTS.operations
  .filter((op) => op.list)
  .map((op) => {
    const method = (client: CommunityClient) =>
      (client as unknown as Record<string, Loose>)[op.operationId] as Loose;
    const iterators = (client: CommunityClient, kind: "pages" | "paginate") =>
      (client[kind] as unknown as Record<string, LooseIterator>)[
        op.iterator ?? ""
      ] as LooseIterator;
    return {
      operationId: op.operationId,
      tokens: {
        allowed: testToken(grant(op, op.roles?.roles[0] ?? "")),
        denied: testToken(grant(op, "member")),
      },
      call: (client, id, query, init) => method(client)(id, query, init),
      callWithAll: (client, id) => method(client)(id, fullQuery(op)),
      pages: (client, id, options) =>
        iterators(client, "pages")(id, { pageSize: 2, ...options }) as AsyncIterable<Page<unknown>>,
      paginate: (client, id, options) => iterators(client, "paginate")(id, options),
      raw: (client, id) =>
        (client.GET as RawGet)(op.path, { params: { path: { id }, query: { limit: 1 } } }),
    };
  });
