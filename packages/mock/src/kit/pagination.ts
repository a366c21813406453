// limit/offset paging with absolute next/previous links, built the way Django REST framework's
// LimitOffsetPagination builds them: from the request's own URL (so its host), keeping every
// other query parameter, setting `limit` and `offset`, the query sorted by key.
import type { Page } from "./model.js";

/** `limit` (`undefined`: the default page size) and `offset` of a list request, validated. */
export interface PagingParams {
  readonly limit: bigint | undefined;
  readonly offset: bigint;
}

/** Page size when the request has no `limit` (the API documents none; this mock uses 20). */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * Percent-encodes like Python's `urllib.parse.quote_plus` (what DRF's links use). Values come
 * from URLSearchParams, which decodes to well-formed strings, so encodeURIComponent cannot throw.
 */
function quotePlus(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

/** Compares by code point, as Python sorts strings (JavaScript's default sorts UTF-16 units). */
function byCodePoint(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** `url` with `changes` applied (`undefined` removes a key), query rebuilt as DRF does. */
function withQuery(url: URL, changes: Record<string, string | undefined>): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of url.searchParams) {
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) grouped.delete(key);
    else grouped.set(key, [value]);
  }
  const query = [...grouped.keys()]
    .sort(byCodePoint)
    .flatMap((key) => (grouped.get(key) ?? []).map((v) => `${quotePlus(key)}=${quotePlus(v)}`))
    .join("&");
  return `${url.origin}${url.pathname}${query === "" ? "" : `?${query}`}`;
}

/** One page of `items` for the request at `url`. */
export function paginate<T>(items: readonly T[], paging: PagingParams, url: URL): Page<T> {
  const count = BigInt(items.length);
  const limit = paging.limit ?? BigInt(DEFAULT_PAGE_SIZE);
  const { offset } = paging;
  const start = offset > count ? items.length : Number(offset);
  const end = offset + limit > count ? items.length : Number(offset + limit);
  const next =
    offset + limit >= count
      ? null
      : withQuery(url, { limit: String(limit), offset: String(offset + limit) });
  const previous =
    offset <= 0n
      ? null
      : offset - limit <= 0n
        ? withQuery(url, { limit: String(limit), offset: undefined })
        : withQuery(url, { limit: String(limit), offset: String(offset - limit) });
  return { count: items.length, next, previous, results: items.slice(start, end) };
}
