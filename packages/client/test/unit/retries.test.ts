import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NetworkError, RateLimitError, ServerError } from "../../src/index.js";
import { createTransport } from "../../src/transport.js";
import {
  json,
  observedClient,
  observedFetch,
  page,
  type Responder,
} from "../helpers/observed-fetch.js";

const ok = () => json(page([]));
const unavailable = () => json({ detail: "Service unavailable." }, 503);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Answers from a list, one response (or failure) per attempt. */
function script(...steps: Array<"ok" | "down" | number | Response>): Responder {
  return (_, attempt) => {
    const step = steps[attempt - 1] ?? "ok";
    if (step === "ok") return ok();
    if (step === "down") return Promise.reject(new TypeError("fetch failed"));
    return typeof step === "number" ? json({ detail: `status ${step}` }, step) : step;
  };
}

/** Starts a call and returns a probe of how many attempts were made so far. */
function start<T>(call: Promise<T>) {
  const settled = call.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  return settled;
}

describe("retries", () => {
  it("retries a 503 after the backoff (500 ms minus up to 25 % jitter)", async () => {
    const { client, sent } = observedClient(script(503, "ok"));
    const result = start(client.getCourseDashboardUsers(1));
    await vi.advanceTimersByTimeAsync(374);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(126);
    expect(sent).toHaveLength(2);
    expect(await result).toEqual({ value: page([]) });
  });

  it.each([408, 429, 500, 502, 504])("retries %i", async (status) => {
    const { client, sent } = observedClient(script(status, "ok"));
    const result = start(client.getCourseInvitedUsers(1));
    await vi.advanceTimersByTimeAsync(500);
    expect(await result).toEqual({ value: page([]) });
    expect(sent).toHaveLength(2);
  });

  it("retries a network error", async () => {
    const { client, sent } = observedClient(script("down", "ok"));
    const result = start(client.getEventInvitedUsers(1));
    await vi.advanceTimersByTimeAsync(500);
    expect(await result).toEqual({ value: page([]) });
    expect(sent).toHaveLength(2);
  });

  it("makes 1 + maxRetries (default 2) attempts with growing delays, then throws", async () => {
    const { client, sent } = observedClient(unavailable);
    const result = start(client.getCourseDashboardUsers(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    const times: number[] = [];
    const t0 = Date.now();
    for (let elapsed = 0; elapsed <= 2_000; elapsed += 1) {
      const before = sent.length;
      await vi.advanceTimersByTimeAsync(1);
      if (sent.length > before) times.push(Date.now() - t0);
    }
    expect(sent).toHaveLength(3);
    // First retry after 375..500 ms, the second 750..1000 ms after it.
    expect(times[0]).toBeGreaterThanOrEqual(375);
    expect(times[0]).toBeLessThanOrEqual(500);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(750);
    expect(times[1]! - times[0]!).toBeLessThanOrEqual(1000);
    const { error } = (await result) as { error: unknown };
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 503 });
  });

  it("takes maxRetries from the client and from the call", async () => {
    const five = observedClient(unavailable, { maxRetries: 5 });
    const result = start(five.client.getCourseDashboardUsers(1));
    await vi.advanceTimersByTimeAsync(60_000);
    await result;
    expect(five.sent).toHaveLength(6);

    const none = observedClient(unavailable, { maxRetries: 5 });
    const single = await start(none.client.getCourseDashboardUsers(1, {}, { maxRetries: 0 }));
    expect(single).toMatchObject({ error: expect.any(ServerError) });
    expect(none.sent).toHaveLength(1);

    const raw = observedClient(script("down"), { maxRetries: 0 });
    await expect(
      raw.client.GET("/api/v2/course/{id}/users/", { params: { path: { id: "1" } } }),
    ).rejects.toBeInstanceOf(NetworkError);
    expect(raw.sent).toHaveLength(1);
  });

  it.each([400, 401, 403, 404])("does not retry %i", async (status) => {
    const { client, sent } = observedClient(script(status, "ok"));
    const result = start(client.getCourseDashboardUsers(1));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await result).toMatchObject({ error: { status } });
    expect(sent).toHaveLength(1);
  });

  it("waits exactly Retry-After seconds", async () => {
    const { client, sent } = observedClient(
      script(json({ detail: "throttled" }, 429, { "retry-after": "2" }), "ok"),
    );
    const result = start(client.getCourseDashboardUsers(1));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    expect(await result).toEqual({ value: page([]) });
  });

  it("waits until a Retry-After HTTP date", async () => {
    vi.setSystemTime(Date.UTC(2026, 0, 1, 12, 0, 0));
    const { client, sent } = observedClient(
      script(json({}, 503, { "retry-after": "Thu, 01 Jan 2026 12:00:05 GMT" }), "ok"),
    );
    const result = start(client.getCourseDashboardUsers(1));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    expect(await result).toEqual({ value: page([]) });
  });

  it("does not wait for a Retry-After over 60 s: the caller gets the RateLimitError", async () => {
    const { client, sent } = observedClient(
      script(json({ detail: "throttled" }, 429, { "retry-after": "3600" }), "ok"),
    );
    const result = await start(client.getCourseDashboardUsers(1));
    expect(result).toMatchObject({ error: expect.any(RateLimitError) });
    const { error } = result as { error: RateLimitError };
    expect(error.headers?.get("retry-after")).toBe("3600");
    expect(sent).toHaveLength(1);
  });

  it("stops at once when the caller aborts during the wait", async () => {
    const { client, sent } = observedClient(unavailable);
    const controller = new AbortController();
    const result = start(client.getCourseDashboardUsers(1, {}, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    const outcome = (await result) as { error: unknown };
    expect(outcome.error).toBeInstanceOf(DOMException);
    expect(outcome.error).toMatchObject({ name: "AbortError" });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("retries GET only", async () => {
    const { fetch, sent } = observedFetch(unavailable);
    const transport = createTransport({ fetch, token: "t", maxRetries: 3, timeout: 0 });
    const post = await transport(
      new Request("https://community.test/x", { method: "POST", body: "{}" }),
    );
    expect(post.status).toBe(503);
    expect(sent).toHaveLength(1);
  });
});
