// createCommunityQueries: TanStack Query options for every GET operation of the spec, built from
// the generated operation table (src/generated/operations.ts) around the client's named methods.
// Nothing here names an operation, a parameter or a field.
import {
  type CommunityCoreClient,
  type GetOperationId,
  InvalidResponseError,
  type ListOperationId,
} from "@community-api/client";
import type { QueryFunctionContext } from "@tanstack/query-core";
import {
  type InfiniteQueries,
  OPERATIONS,
  type OperationKeys,
  type OperationQueries,
} from "./generated/operations.js";
import { retry, retryDelay } from "./retry.js";
import type { KeyRoot } from "./types.js";

/** Options of {@link createCommunityQueries}. */
export interface CommunityQueriesOptions {
  /**
   * Goes into every key, after this package's name: pass the signed-in user's id (or anything
   * that changes with the token) when an app switches users, so that one user's answers are
   * never shown to another. Keys never hold the token itself. Default: none (`null` in keys).
   */
  scope?: string | undefined;
  /** Retries TanStack makes, with the client's policy (see `retry`). Default: the client's default, 2. */
  maxRetries?: number | undefined;
}

/** What {@link createCommunityQueries} returns. */
export interface CommunityQueries extends OperationQueries {
  /** Infinite query options per list operation, named like the client's iterators. */
  readonly infinite: InfiniteQueries;
  /** Key prefixes, for `invalidateQueries`, `removeQueries` and the like. */
  readonly keys: OperationKeys & {
    /** Prefix of every key of this client's community (and scope). */
    readonly all: KeyRoot;
  };
}

type Loose = (...args: unknown[]) => Promise<Page>;
type Page = { next?: string | null; previous?: string | null };

/**
 * The base URL as one string per community: `HTTPS://Host:443/x/` and `https://host/x` are one.
 * The client has checked that it is an absolute http(s) URL.
 */
const community = (baseUrl: string): string => new URL(baseUrl).href.replace(/\/$/, "");

/**
 * The offset a `next`/`previous` link asks for, as the client's iterators read it: plain digits
 * making a safe integer, else `undefined`. A link without `offset` means `missing` (the API's
 * `previous` of the second page has none: offset 0).
 */
function offsetOf(link: string, missing?: number): number | undefined {
  let value: string | null;
  try {
    value = new URL(link, "http://localhost").searchParams.get("offset");
  } catch {
    return undefined;
  }
  if (value === null) return missing;
  return /^[0-9]+$/.test(value) && Number.isSafeInteger(+value) ? +value : undefined;
}

/**
 * Query options for every GET operation of the spec, on `client` (from `createCommunityClient`
 * or `createCommunityCoreClient`): `useQuery(queries.getCourseDashboardUsers(1, { statuses:
 * ["joined"] }))`, `useInfiniteQuery(queries.infinite.courseDashboardUsers(1))`,
 * `queryClient.invalidateQueries({ queryKey: queries.keys.getCourseDashboardUsers(1) })`.
 */
export function createCommunityQueries(
  client: CommunityCoreClient,
  options: CommunityQueriesOptions = {},
): CommunityQueries {
  const root: KeyRoot = ["community-api", options.scope ?? null, community(client.baseUrl)];
  const { maxRetries } = options;
  const retries = {
    retry:
      maxRetries === undefined ? retry : (n: number, error: unknown) => retry(n, error, maxRetries),
    retryDelay,
  };
  const queries = {} as Record<string, unknown>;
  const infinite = {} as Record<string, unknown>;
  const keys = { all: root } as Record<string, unknown>;

  for (const operationId of Object.keys(OPERATIONS) as GetOperationId[]) {
    const { pathParameters: count, iterator, jsonArrays } = OPERATIONS[operationId];
    const method = client[operationId] as Loose;
    const keyOf = (ids: unknown[]) => [
      ...root,
      operationId,
      // `1` and `"1"` are one id; an id not known yet (skipToken) is none.
      ...ids.map((id) => (typeof id === "symbol" ? null : String(id))),
    ];
    /** The query with `undefined` values left out and a bare JSON-array value as a one-item array. */
    const normalise = (query: object = {}) => {
      const out: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(query)) {
        if (value === undefined) continue;
        out[name] =
          (jsonArrays as readonly string[]).includes(name) && !Array.isArray(value)
            ? [value]
            : value;
      }
      return out;
    };
    // The path values first, in order, then the query.
    const split = (args: unknown[]) => {
      const ids = args.slice(0, count);
      return {
        ids,
        query: normalise(args[count] as object),
        skip: ids.find((id) => typeof id === "symbol"),
      };
    };

    queries[operationId] = (...args: unknown[]) => {
      const { ids, query, skip } = split(args);
      return {
        queryKey: [...keyOf(ids), query],
        // TanStack's signal aborts the request when the query is cancelled; TanStack retries.
        queryFn:
          skip ??
          (({ signal }: QueryFunctionContext) => method(...ids, query, { signal, maxRetries: 0 })),
        ...retries,
      };
    };
    keys[operationId] = (...ids: unknown[]) => {
      const given = ids.indexOf(undefined);
      return keyOf(given === -1 ? ids : ids.slice(0, given));
    };
    if (iterator === null) continue;

    infinite[iterator] = (...args: unknown[]) => {
      const { ids, query, skip } = split(args);
      const { pageSize, ...filters } = query;
      const fetchPage = async ({
        signal,
        pageParam: offset,
      }: QueryFunctionContext<never, number>) => {
        const page = await method(
          ...ids,
          // No offset for the first page: the same request as the client's iterators.
          { ...filters, limit: pageSize, offset: offset || undefined },
          { signal, maxRetries: 0 },
        );
        // Checked here, where a throw fails the query: getNextPageParam must never throw
        // (TanStack calls it while building every observer result).
        for (const [name, link, ok] of [
          ["next", page.next, (o: number) => o > offset],
          ["previous", page.previous, (o: number) => o < offset],
        ] as const) {
          if (link == null) continue;
          const to = offsetOf(link, 0);
          if (to === undefined || !ok(to)) {
            throw new InvalidResponseError(
              `Pagination stopped: the ${name} link ${JSON.stringify(link.slice(0, 200))} of the page at offset ${offset} cannot be followed`,
              200,
              { body: link, operationId: operationId as ListOperationId },
            );
          }
        }
        return page;
      };
      return {
        queryKey: [...keyOf(ids), "infinite", query],
        queryFn: skip ?? fetchPage,
        initialPageParam: 0,
        getNextPageParam: (page: Page) => (page.next == null ? undefined : offsetOf(page.next)),
        getPreviousPageParam: (page: Page) =>
          page.previous == null ? undefined : offsetOf(page.previous, 0),
        ...retries,
      };
    };
  }
  return Object.assign(queries, { infinite, keys }) as unknown as CommunityQueries;
}
