// Auto-pagination over the API's limit/offset envelope. The next page is requested through the
// client (its base URL, its path, the caller's filters), with only `limit` and `offset` taken
// from the server's `next` URL: fetching `next` itself would send the bearer token to whatever
// host the server names.
//
// `paginate` and `paginatePages` are standalone functions over a named list method, so that a
// build that never paginates leaves this module out (see createCommunityCoreClient).

import { clip, InvalidResponseError } from "./errors.js";
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
  /**
   * Page size, sent as `limit`. A `next` link may ask for smaller pages, never bigger ones:
   * its `limit` must be at most this, or 1,000 when you give none. A page of more than about
   * 8,000 users may need a bigger `maxResponseSize`. Default: the server's.
   */
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

/**
 * The largest `limit` the iterators take from a `next` link when the caller gave no `pageSize`.
 * The API documents no maximum page size; a user is 1 to 2 kB of JSON, so 1,000 users make a
 * page of about 2 MB, well within the default `maxResponseSize`.
 */
export const MAX_PAGE_SIZE = 1_000;

/** The error of a page whose `next` cannot be followed; the link is shown clipped. */
const stopped = (next: string, why: string) =>
  // A page arrives only with a success status, and this API sends 200.
  new InvalidResponseError(
    `Pagination stopped: the next link ${JSON.stringify(clip(next, 200))} ${why}`,
    200,
    { body: next },
  );

/** A `limit`/`offset` value of a `next` link, quoted and clipped for a message. */
const shown = (value: string | null) => JSON.stringify(value && clip(value, 40));

/**
 * A `limit`/`offset` value of a `next` link as a number if it is plain digits making a safe
 * integer, else NaN (which fails every comparison): `-5`, `1.5`, `Infinity`, `1e+308` and
 * `1000000000000000000000` are refused rather than sent.
 */
const toCount = (value: string | null) =>
  value !== null && /^[0-9]+$/.test(value) && Number.isSafeInteger(+value) ? +value : Number.NaN;

/**
 * Yields pages until `next` is null (with no extra request) or `maxPages` pages were yielded.
 * Throws an {@link InvalidResponseError} (status 200, `body` the link) if the server's `next`
 * is not a URL, its `offset` is not an integer that moves forward (which would loop forever),
 * or its `limit` is not an integer from 1 to the caller's `limit` ({@link MAX_PAGE_SIZE} if none).
 */
export async function* iteratePages<P extends Page<unknown>>(
  fetchPage: PageFetcher<P>,
  limit: number | undefined,
  offset: number | undefined,
  maxPages = Number.POSITIVE_INFINITY,
): AsyncGenerator<P, void, undefined> {
  const maxLimit = limit ?? MAX_PAGE_SIZE;
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
      throw stopped(next, "is not a URL");
    }
    const rawOffset = query.get("offset");
    const rawLimit = query.get("limit");
    const nextOffset = toCount(rawOffset);
    if (Number.isNaN(nextOffset)) {
      throw stopped(next, `has offset ${shown(rawOffset)}, not a non-negative integer`);
    }
    if (nextOffset <= (offset ?? 0)) {
      throw stopped(next, `has offset ${nextOffset}, which does not advance past ${offset ?? 0}`);
    }
    // Without a limit the next page keeps this one's (the server's default when none was sent).
    if (rawLimit !== null) {
      limit = toCount(rawLimit);
      if (!(limit >= 1 && limit <= maxLimit)) {
        throw stopped(next, `has limit ${shown(rawLimit)}, not an integer from 1 to ${maxLimit}`);
      }
    }
    offset = nextOffset;
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
