// Auto-pagination over the API's limit/offset envelope. The next page is requested through the
// client (its base URL, its path, the caller's filters), with only `limit` and `offset` taken
// from the server's `next` URL: fetching `next` itself would send the bearer token to whatever
// host the server names.

/** The `count`/`next`/`previous`/`results` envelope every list returns. */
export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** Fetches the page at `limit`/`offset` (`undefined`: let the server decide). */
export type PageFetcher<P> = (limit: number | undefined, offset: number | undefined) => Promise<P>;

/**
 * Yields pages until `next` is null (with no extra request) or `maxPages` pages were yielded.
 * Throws if the server's `next` does not move the offset forward, which would loop forever.
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
    // `next` is absolute per the spec; the base only tolerates a relative one.
    const query = new URL(page.next, "http://localhost").searchParams;
    const nextOffset = Number(query.get("offset"));
    if (!(nextOffset > (offset ?? 0))) {
      throw new Error(
        `Pagination stopped: the next page's offset ${query.get("offset")} does not advance past ${offset ?? 0}`,
      );
    }
    offset = nextOffset;
    limit = Number(query.get("limit")) || limit;
  }
}

/** Yields the items of every page. */
export async function* iterateItems<T>(
  pages: AsyncIterable<Page<T>>,
): AsyncGenerator<T, void, undefined> {
  for await (const page of pages) yield* page.results;
}
