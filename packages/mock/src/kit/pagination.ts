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
  return encodeURIComponent(value).replace(/[!'()*]|%20/g, (c) =>
    c === "%20" ? "+" : `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Compares by code point, as Python sorts strings (JavaScript's default sorts UTF-16 units).
 * Allocates nothing: it runs O(k log k) times for k distinct keys.
 */
function byCodePoint(a: string, b: string): number {
  // Equal code points have equal widths, so one index walks both strings.
  let i = 0;
  while (i < a.length && i < b.length) {
    const x = a.codePointAt(i) ?? 0;
    const d = x - (b.codePointAt(i) ?? 0);
    if (d !== 0) return d;
    i += x > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

type EncodedKey = readonly [key: string, encoded: string];

/**
 * Links to `url` with the `replaced` keys set or removed, the query rebuilt as DRF does (sorted by
 * key, repeated keys in their order). The other keys are grouped, encoded and sorted once for all
 * the links of a page, in time linear in their number (but for the sort).
 */
function linksTo(
  url: URL,
  replaced: readonly string[],
): (values: Record<string, string | undefined>) => string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of url.searchParams) {
    if (replaced.includes(key)) continue;
    const values = grouped.get(key);
    if (values) values.push(value);
    else grouped.set(key, [value]);
  }
  const byKey = (a: EncodedKey, b: EncodedKey) => byCodePoint(a[0], b[0]);
  const kept = [...grouped].map(([key, values]): EncodedKey => {
    const name = quotePlus(key);
    return [key, values.map((value) => `${name}=${quotePlus(value)}`).join("&")];
  });
  kept.sort(byKey);
  const path = `${url.origin}${url.pathname}`;
  return (values) => {
    const set = replaced.flatMap((key): EncodedKey[] => {
      const value = values[key];
      return value === undefined ? [] : [[key, `${quotePlus(key)}=${quotePlus(value)}`]];
    });
    // A sorted run and a few more: the engine's merge sort (TimSort) takes it in linear time.
    const query = [...kept, ...set]
      .sort(byKey)
      .map(([, encoded]) => encoded)
      .join("&");
    return `${path}${query === "" ? "" : `?${query}`}`;
  };
}

/** One page of `items` for the request at `url`. */
export function paginate<T>(items: readonly T[], paging: PagingParams, url: URL): Page<T> {
  const count = BigInt(items.length);
  const limit = paging.limit ?? BigInt(DEFAULT_PAGE_SIZE);
  const { offset } = paging;
  const start = offset > count ? items.length : Number(offset);
  const end = offset + limit > count ? items.length : Number(offset + limit);
  const link = linksTo(url, ["limit", "offset"]);
  const next =
    offset + limit >= count ? null : link({ limit: String(limit), offset: String(offset + limit) });
  const previous =
    offset <= 0n
      ? null
      : link({
          limit: String(limit),
          offset: offset - limit <= 0n ? undefined : String(offset - limit),
        });
  return { count: items.length, next, previous, results: items.slice(start, end) };
}
