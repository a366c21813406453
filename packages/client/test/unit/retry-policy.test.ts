import { describe, expect, it } from "vitest";
import {
  BASE_DELAY,
  isRetryableStatus,
  MAX_DELAY,
  MAX_RETRY_AFTER,
  retryDelay,
} from "../../src/retry.js";

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const noJitter = () => 0;
const fullJitter = () => 0.999_999;

describe("retry policy", () => {
  it("retries 408, 429 and 5xx only", () => {
    expect([408, 429, 500, 502, 503, 504, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 301, 400, 401, 403, 404, 405, 409, 422].some(isRetryableStatus)).toBe(false);
  });

  it("backs off exponentially from 500 ms, capped at 8 s", () => {
    const delays = [0, 1, 2, 3, 4, 5, 10].map((retry) => retryDelay(retry, null, noJitter, NOW));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(BASE_DELAY).toBe(500);
    expect(MAX_DELAY).toBe(8000);
  });

  it("takes off up to 25 % of jitter", () => {
    expect(retryDelay(0, null, () => 0.5, NOW)).toBe(437.5);
    expect(retryDelay(0, null, fullJitter, NOW)).toBeCloseTo(375, 2);
    expect(retryDelay(4, undefined, fullJitter, NOW)).toBeCloseTo(6000, 1);
  });

  it("honours Retry-After in seconds, without jitter", () => {
    expect(retryDelay(0, "3", fullJitter, NOW)).toBe(3000);
    expect(retryDelay(5, "0", fullJitter, NOW)).toBe(0);
    expect(retryDelay(0, "60", fullJitter, NOW)).toBe(MAX_RETRY_AFTER);
  });

  it("honours Retry-After as an HTTP date; a past date means now", () => {
    const inTenSeconds = new Date(NOW + 10_000).toUTCString();
    expect(retryDelay(0, inTenSeconds, noJitter, NOW)).toBe(10_000);
    expect(retryDelay(0, new Date(NOW - 5_000).toUTCString(), noJitter, NOW)).toBe(0);
    // The two obsolete formats recipients must accept too.
    expect(
      retryDelay(0, "Sunday, 06-Nov-94 08:49:47 GMT", noJitter, Date.UTC(1994, 10, 6, 8, 49, 37)),
    ).toBe(10_000);
    expect(
      retryDelay(
        0,
        "Sun Nov  6 08:49:47 1994",
        noJitter,
        new Date(1994, 10, 6, 8, 49, 37).getTime(),
      ),
    ).toBe(10_000);
  });

  it("gives up on a Retry-After longer than 60 s", () => {
    expect(retryDelay(0, "61", noJitter, NOW)).toBeUndefined();
    expect(retryDelay(0, new Date(NOW + 3_600_000).toUTCString(), noJitter, NOW)).toBeUndefined();
  });

  it("falls back to the backoff for an unreadable Retry-After", () => {
    expect(retryDelay(1, "soon", noJitter, NOW)).toBe(1000);
    expect(retryDelay(1, "-3", noJitter, NOW)).toBe(1000);
    expect(retryDelay(1, "1.5", noJitter, NOW)).toBe(1000);
    expect(retryDelay(1, "", noJitter, NOW)).toBe(1000);
  });
});
