// Auto-pagination over the API's limit/offset envelope. The next page is requested through the
// client (its base URL, its path, the caller's filters), with only `limit` and `offset` taken
// from the server's `next` URL: fetching `next` itself would send the bearer token to whatever
// host the server names.
//
// `paginate` and `paginatePages` are standalone functions over a named list method, so that a
// build that never paginates leaves this module out (see createCommunityCoreClient).

import { InvalidResponseError } from "./errors.js";
import type { CommunityId, RequestOptions } from "./operation-types.js";

/** The `count`/`next`/`previous`/`results` envelope every list returns. */
export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** Options of the pagination iterators. */
export interface PaginationOptions extends RequestOptions {
  /** Page size, sent as `limit`. Default: the server's. */
  pageSize?: number | undefined;
  /** Index of the first result. Default: `0`. */
  offset?: number | undefined;
  /** Stop after this many pages. Default: no cap (until `next` is null). */
  maxPages?: number | undefined;
}

/** A named list method of the client with one path parameter, e.g. `client.getCourseDashboardUsers`. */
export type ListMethod<Q extends object = never, P extends Page<unknown> = Page<unknown>> = (
  id: CommunityId,
  query?: Q,
  init?: RequestOptions,
) => Promise<P>;

/** What the iterators over `method` accept: the list's filters plus {@link PaginationOptions}. */
export type PaginateOptions<Q extends object> = PaginationOptions & Omit<Q, "limit" | "offset">;

/** Fetches the page at `limit`/`offset` (`undefined`: let the server decide). */
export type PageFetcher<P> = (limit: number | undefined, offset: number | undefined) => Promise<P>;

/** The error of a page whose `next` cannot be followed. */
const stopped = (next: string, why: string) =>
  // A page arrives only with a success status, and this API sends 200.
  new InvalidResponseError(`Pagination stopped: ${why}`, 200, { body: next });

/**
 * Yields pages until `next` is null (with no extra request) or `maxPages` pages were yielded.
 * Throws an {@link InvalidResponseError} (status 200, `body` the link) if the server's `next`
 * is not a URL or does not move the offset forward, which would loop forever.
 */
export async function* iteratePages<P extends Page<unknown>>(
  fetchPage: PageFetcher<P>,
  limit: number | undefined,
  offset: number | undefined,
  maxPages = Number.POSITIVE_INFINITY,
): AsyncGenerator<P, void, undefined> {
  for (let pages = 0; pages < maxPages; ) {
    const page = await fetchPage(limit, offset);
    yield page;
    if (page.next == null || ++pages >= maxPages) return;
    const { next } = page;
    let query: URLSearchParams;
    try {
      // `next` is absolute per the spec; the base only tolerates a relative one.
      query = new URL(next, "http://localhost").searchParams;
    } catch {
      throw stopped(next, `the next link ${JSON.stringify(next)} is not a URL`);
    }
    const nextOffset = Number(query.get("offset"));
    if (!(nextOffset > (offset ?? 0))) {
      throw stopped(
        next,
        `the next page's offset ${query.get("offset")} does not advance past ${offset ?? 0}`,
      );
    }
    offset = nextOffset;
    limit = Number(query.get("limit")) || limit;
  }
}

/**
 * Yields the items of every page. A plain loop rather than `yield* page.results`: delegating to
 * the array's iterator costs about half as much again per item.
 */
export async function* iterateItems<T>(
  pages: AsyncIterable<Page<T>>,
): AsyncGenerator<T, void, undefined> {
  for await (const page of pages) for (const item of page.results) yield item;
}

/** One page of a list for a query and per-call options: the list method with its path values bound. */
export type PageCall<P> = (query: object, init: RequestOptions) => Promise<P>;

/** Pages of the list that `call` fetches; the options are its filters plus {@link PaginationOptions}. */
export function pagesOf<P extends Page<unknown>>(
  call: PageCall<P>,
  options: PaginationOptions = {},
): AsyncGenerator<P, void, undefined> {
  const {
    pageSize,
    offset,
    maxPages,
    signal,
    headers,
    maxRetries,
    timeout,
    maxResponseSize,
    ...filters
  } = options;
  const init = { signal, headers, maxRetries, timeout, maxResponseSize };
  return iteratePages(
    (limit, offset) => call({ ...filters, limit, offset }, init),
    pageSize,
    offset,
    maxPages,
  );
}

/**
 * Pages of a list, each with `count`, `next`, `previous` and `results`:
 * `for await (const page of paginatePages(client.getCourseInvitedUsers, 1, { pageSize: 100 }))`.
 * `method` is one of the client's named list methods; the options are that list's filters
 * plus {@link PaginationOptions}.
 */
export function paginatePages<Q extends object, P extends Page<unknown>>(
  method: ListMethod<Q, P>,
  id: CommunityId,
  options?: PaginateOptions<Q>,
): AsyncGenerator<P, void, undefined> {
  return pagesOf((query, init) => method(id, query as Q, init), options);
}

/**
 * Every item of a list, page after page:
 * `for await (const user of paginate(client.getCourseDashboardUsers, 1, { statuses: ["joined"] }))`.
 * Same arguments as {@link paginatePages}.
 */
export function paginate<Q extends object, P extends Page<unknown>>(
  method: ListMethod<Q, P>,
  id: CommunityId,
  options?: PaginateOptions<Q>,
): AsyncGenerator<P["results"][number], void, undefined> {
  return iterateItems(paginatePages(method, id, options));
}
