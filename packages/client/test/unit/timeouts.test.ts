import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TimeoutError } from "../../src/index.js";
import { hang, json, observedClient, page } from "../helpers/observed-fetch.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function settle<T>(call: Promise<T>) {
  return call.then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
}

describe("timeouts", () => {
  it("times an attempt out after 30 s by default", async () => {
    const { client, sent } = observedClient(hang, { maxRetries: 0 });
    const result = settle(client.getCourseDashboardUsers(1));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(sent[0]?.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const { error } = await result;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      name: "TimeoutError",
      status: undefined,
      operationId: "getCourseDashboardUsers",
      message: "getCourseDashboardUsers timed out after 30000 ms",
    });
    expect(sent[0]?.signal.aborted).toBe(true);
  });

  it("takes the timeout from the client and from the call", async () => {
    const { client } = observedClient(hang, { maxRetries: 0, timeout: 1_000 });
    const fromClient = settle(client.getCourseInvitedUsers(1));
    const fromCall = settle(client.getCourseInvitedUsers(1, {}, { timeout: 100 }));
    await vi.advanceTimersByTimeAsync(100);
    expect((await fromCall).error).toBeInstanceOf(TimeoutError);
    await vi.advanceTimersByTimeAsync(899);
    await vi.advanceTimersByTimeAsync(1);
    expect((await fromClient).error).toMatchObject({ message: expect.stringContaining("1000 ms") });
  });

  it("gives every attempt a fresh signal, so a retry after a timeout can succeed", async () => {
    const { client, sent } = observedClient(
      (request, attempt) => (attempt === 1 ? hang(request) : json(page([{ id: 1 }]))),
      { timeout: 100, maxRetries: 1 },
    );
    const result = settle(client.getEventInvitedUsers(1));
    await vi.advanceTimersByTimeAsync(100 + 500);
    expect((await result).value?.results).toEqual([{ id: 1 }]);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.signal.aborted).toBe(true);
    expect(sent[1]?.signal).not.toBe(sent[0]?.signal);
    expect(sent[1]?.signal.aborted).toBe(false);
  });

  it("rethrows the caller's abort, not a TimeoutError, and does not retry it", async () => {
    const { client, sent } = observedClient(hang);
    const controller = new AbortController();
    const result = settle(client.getCourseDashboardUsers(1, {}, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    const reason = new Error("user navigated away");
    controller.abort(reason);
    expect((await result).error).toBe(reason);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
  });

  it("does not send a request for an already aborted signal", async () => {
    const { client, sent } = observedClient(hang);
    const { error } = await settle(
      client.getCourseDashboardUsers(1, {}, { signal: AbortSignal.abort() }),
    );
    expect(error).toMatchObject({ name: "AbortError" });
    expect(sent).toHaveLength(0);
  });

  it("can be disabled with 0, and leaves no timer behind either way", async () => {
    const { client, sent } = observedClient(hang, { timeout: 0, maxRetries: 0 });
    const controller = new AbortController();
    const result = settle(client.getCourseDashboardUsers(1, {}, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(sent[0]?.signal.aborted).toBe(false);
    controller.abort();
    expect((await result).error).toMatchObject({ name: "AbortError" });

    const quick = observedClient(() => json(page([])));
    await quick.client.getCourseDashboardUsers(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("keeps the timer through the body read, then stops it, whatever the outcome", async () => {
    // The named methods read the body under the attempt's timeout: the timer must outlive the
    // headers, and be gone once the call settles, with a page, an error status or a bad body.
    const bodies = [
      [200, JSON.stringify(page([{ id: 1 }]))],
      [404, JSON.stringify({ detail: "Not found." })],
      [200, "<html>"],
    ] as const;
    for (const [status, text] of bodies) {
      let timersDuringRead = -1;
      const { client } = observedClient(() => {
        // Counts the timers at the moment the body is read (a high-water mark of 0: not before).
        const body = new ReadableStream<Uint8Array>(
          {
            pull(controller) {
              timersDuringRead = vi.getTimerCount();
              controller.enqueue(new TextEncoder().encode(text));
              controller.close();
            },
          },
          { highWaterMark: 0 },
        );
        return new Response(body, { status });
      });
      await settle(client.getCourseDashboardUsers(1));
      expect(timersDuringRead).toBe(1);
      expect(vi.getTimerCount()).toBe(0);
    }
  });
});
