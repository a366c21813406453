// TanStack Query owns the retries of a query (so that `failureCount`, offline pausing and the
// devtools see them); these two functions make it apply the client's policy, the very functions
// the client's transport uses: which failures are worth another try, and how long to wait.
import {
  ApiError,
  retryDelay as clientRetryDelay,
  DEFAULT_MAX_RETRIES,
  isRetryableStatus,
} from "@community-api/client";

/**
 * The client's wait before retry number `failureCount` (0 for the first): the error's
 * `Retry-After` if it has one, else backoff with jitter. `undefined` when the server asks for a
 * wait longer than the client accepts (60 s).
 */
const waitFor = (failureCount: number, error: unknown): number | undefined =>
  clientRetryDelay(
    failureCount,
    error instanceof ApiError ? error.headers?.get("retry-after") : undefined,
  );

/**
 * TanStack's `retry`, with the client's policy: retry a failure that arrived without a response
 * (a `NetworkError` or `TimeoutError` before any header), a 408, 429 or 5xx, at most
 * `maxRetries` times (default: the client's `DEFAULT_MAX_RETRIES`, 2), and not when
 * `Retry-After` asks for more than 60 s. Everything else (401, 403, 404, a bad page, a body cut
 * off halfway, a `TypeError`) fails at once: one request.
 */
export function retry(
  failureCount: number,
  error: unknown,
  maxRetries: number = DEFAULT_MAX_RETRIES,
): boolean {
  if (failureCount >= maxRetries || !(error instanceof ApiError)) return false;
  // No status: no response. With headers, the body broke off after the response had begun,
  // which the client does not retry either.
  const worth =
    error.status === undefined ? error.headers === undefined : isRetryableStatus(error.status);
  return worth && waitFor(failureCount, error) !== undefined;
}

/** TanStack's `retryDelay`, with the client's policy: `Retry-After` if the error has one, else the client's backoff. */
export const retryDelay = (failureCount: number, error: unknown): number =>
  waitFor(failureCount, error) ?? 0;
