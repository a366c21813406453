// The retry policy, in one place. The transport asks two questions after a failed attempt:
// may this be retried, and how long to wait first. Which requests may be retried at all (GET
// only, the retry budget, aborts) is the transport's business.

/**
 * Statuses that say "try again later" rather than "this request is wrong":
 * - 408 Request Timeout: the server gave up waiting for the request.
 * - 429 Too Many Requests: rate limited; `Retry-After` says when.
 * - 5xx: the server (or a gateway before it) failed; a later attempt may succeed.
 * Every other status is final: retrying a 400/401/403/404 returns the same answer.
 */
export const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || status >= 500;

/** Retries of a GET when the caller sets no `maxRetries`: three attempts in all. */
export const DEFAULT_MAX_RETRIES = 2;

/** First backoff delay in ms; it doubles with each retry. */
export const BASE_DELAY = 500;
/** Cap of the backoff delay in ms, however many retries came before. */
export const MAX_DELAY = 8_000;
/**
 * Longest `Retry-After` (ms) worth waiting for. A longer one is not retried: the caller gets
 * the 429/503 at once (with the header) instead of a call that hangs for minutes.
 */
export const MAX_RETRY_AFTER = 60_000;

/**
 * How long to wait (ms) before retry number `retry` (0 for the first retry), or `undefined`
 * when the server asked for a wait longer than {@link MAX_RETRY_AFTER}.
 *
 * @param retryAfter the response's `Retry-After` header, if any
 * @param random source of jitter in [0, 1); injectable for tests
 * @param now the current time in ms since the epoch, to resolve an HTTP-date
 */
export function retryDelay(
  retry: number,
  retryAfter?: string | null,
  random: () => number = Math.random,
  now: number = Date.now(),
): number | undefined {
  if (retryAfter) {
    // RFC 9110 §10.2.3: either delay-seconds (digits) or an HTTP-date, which always names a
    // day or month (Date.parse alone would read "1.5" as a date in 2001).
    const ms = /^\d+$/.test(retryAfter)
      ? Number(retryAfter) * 1000
      : /[a-z]/i.test(retryAfter)
        ? Date.parse(retryAfter) - now
        : Number.NaN;
    // A date in the past means "now"; an unparseable value falls through to the backoff.
    if (!Number.isNaN(ms)) return ms > MAX_RETRY_AFTER ? undefined : Math.max(0, ms);
  }
  // Exponential backoff (500 ms, 1 s, 2 s, … capped at 8 s), minus up to 25 % of jitter so
  // that clients failed by the same outage do not all retry in the same millisecond.
  return Math.min(BASE_DELAY * 2 ** retry, MAX_DELAY) * (1 - 0.25 * random());
}
