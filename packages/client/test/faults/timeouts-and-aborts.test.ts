// The client against servers that never answer, hang up, or stall halfway: a TimeoutError within
// the configured timeout, a NetworkError after the retries, and a caller's abort that stops
// everything at once, whatever the client is doing (waiting for headers, for a retry, for a body).
import { NetworkError, TimeoutError } from "@community-api/client";
import { afterEach, describe, expect, it } from "vitest";
import { sendJson, startChaosServer, startSilentServer } from "../support/chaos-server.js";
import { clientOf } from "../support/fault-client.js";
import { guardAgainstLeaks, rejectionOf, SECRET_TOKEN } from "../support/leak-guard.js";

const leaks = guardAgainstLeaks(SECRET_TOKEN, 6);

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function silent() {
  const server = await startSilentServer();
  closers.push(server.close);
  return server;
}
async function chaos() {
  const server = await startChaosServer();
  closers.push(server.close);
  return server;
}

/** Settles with `"still pending"` if `promise` has not settled within `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | "still pending"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"still pending">((resolve) => {
    timer = setTimeout(() => resolve("still pending"), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const isAbortError = (error: unknown) =>
  error instanceof Error && error.name === "AbortError" && !(error instanceof TimeoutError);

describe("a server that accepts and never answers", () => {
  it("fails with a TimeoutError within the configured timeout", async () => {
    const server = await silent();
    const client = clientOf(server, { timeout: 300, maxRetries: 0 });

    const started = performance.now();
    const error = leaks.keep(await rejectionOf(client.getCourseDashboardUsers(1)));
    const elapsed = performance.now() - started;

    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).status).toBeUndefined();
    expect((error as TimeoutError).message).toMatch(
      /getCourseDashboardUsers timed out after 300 ms/,
    );
    expect(elapsed).toBeGreaterThanOrEqual(295);
    expect(elapsed).toBeLessThan(300 + 400);
    expect(server.connections()).toBe(1);
  });

  it("times out each attempt: maxRetries 1 makes two attempts, then a TimeoutError", async () => {
    const server = await silent();
    const client = clientOf(server, { timeout: 300 });

    const error = leaks.keep(
      await rejectionOf(client.getCourseInvitedUsers(1, {}, { maxRetries: 1 })),
    );

    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.connections()).toBe(2);
  });

  it("rejects with the caller's AbortError, not a TimeoutError, when the caller aborts first", async () => {
    const server = await silent();
    const client = clientOf(server, { timeout: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);

    const started = performance.now();
    const error = leaks.keep(
      await rejectionOf(client.getCourseInvitedUsers(1, {}, { signal: controller.signal })),
    );

    expect(isAbortError(error)).toBe(true);
    expect(performance.now() - started).toBeLessThan(150 + 300);
    expect(server.connections()).toBe(1);
  });
});

describe("a caller's abort during a retry", () => {
  it("stops the wait at once and makes no further attempt", async () => {
    const server = await chaos();
    // A 30 s Retry-After: an abort that is not honoured would show as a 30 s wait.
    server.reply = (_, res) => sendJson(res, 503, { detail: "Down." }, { "retry-after": "30" });
    const controller = new AbortController();
    let abortedAt = 0;
    server.onRequest = () =>
      setTimeout(() => {
        abortedAt = performance.now();
        controller.abort();
      }, 100);
    const client = clientOf(server, { maxRetries: 3 });

    const outcome = await within(
      rejectionOf(client.getCourseDashboardUsers(1, {}, { signal: controller.signal })),
      2_000,
    );

    expect(outcome).not.toBe("still pending");
    leaks.keep(outcome);
    expect(isAbortError(outcome)).toBe(true);
    expect(performance.now() - abortedAt).toBeLessThan(300);
    expect(server.received).toHaveLength(1);
  });

  it("rejects with the caller's own reason when one is given", async () => {
    const server = await chaos();
    server.reply = (_, res) =>
      sendJson(res, 502, { detail: "Bad gateway." }, { "retry-after": "30" });
    const controller = new AbortController();
    const reason = new Error("the user closed the page");
    server.onRequest = () => setTimeout(() => controller.abort(reason), 50);
    const client = clientOf(server);

    const error = await rejectionOf(
      client.getEventInvitedUsers(1, {}, { signal: controller.signal }),
    );

    expect(error).toBe(reason);
    expect(server.received).toHaveLength(1);
  });
});

describe("a server that stalls in the middle of the body", () => {
  /** A server that sends the headers and the start of a body, then nothing more. */
  async function stallingMidBody(status: number) {
    const server = await chaos();
    server.reply = (_, res) => {
      res.writeHead(status, { "content-type": "application/json", "content-length": "5000" });
      res.write('{"count": 1, "next": null, "previous": null, "results": [');
    };
    return server;
  }

  // A named method reads the body under the attempt's timeout, so a body that stops arriving
  // fails like headers that never come. Not retried: the response had begun.
  it.each([
    ["a 200 page", 200],
    ["a 404 error body", 404],
  ])("times out %s that stops halfway: a TimeoutError within the timeout", async (_, status) => {
    const server = await stallingMidBody(status);
    const client = clientOf(server, { timeout: 300 });

    const started = performance.now();
    const outcome = await within(rejectionOf(client.getCourseInvitedUsers(1)), 2_000);
    const elapsed = performance.now() - started;

    expect(outcome, "the call was still pending after 2 s").not.toBe("still pending");
    leaks.keep(outcome);
    expect(outcome).toBeInstanceOf(TimeoutError);
    expect((outcome as TimeoutError).message).toBe(
      "getCourseInvitedUsers timed out after 300 ms while reading the response",
    );
    expect(elapsed).toBeGreaterThanOrEqual(295);
    expect(elapsed).toBeLessThan(300 + 400);
    expect(server.received).toHaveLength(1);
  });

  // The caller's signal must reach the body read too, with or without a timeout configured.
  it.each([
    ["with the default timeout", 30_000],
    ["with the timeout disabled", 0],
  ])("lets the caller abort the body read (%s)", async (_, timeout) => {
    const server = await stallingMidBody(200);
    const client = clientOf(server, { timeout });
    const controller = new AbortController();
    server.onRequest = () => setTimeout(() => controller.abort(), 200);

    const outcome = await within(
      rejectionOf(client.getCourseInvitedUsers(1, {}, { signal: controller.signal })),
      2_000,
    );

    expect(outcome, "the call was still pending 1.8 s after the abort").not.toBe("still pending");
    leaks.keep(outcome);
    expect(isAbortError(outcome)).toBe(true);
  });
});

describe("a server that hangs up", () => {
  it("before answering: a NetworkError after the retries", async () => {
    const server = await chaos();
    server.reply = (req) => req.socket.destroy();
    const client = clientOf(server, { maxRetries: 1 });

    const error = leaks.keep(await rejectionOf(client.getCourseInvitedUsers(1)));

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).status).toBeUndefined();
    expect((error as NetworkError).cause).toBeDefined();
    expect(server.received).toHaveLength(2);
  });

  it("by not listening at all: a NetworkError", async () => {
    const server = await chaos();
    await server.close();
    const client = clientOf(server, { maxRetries: 0 });

    const error = leaks.keep(await rejectionOf(client.getEventInvitedUsers(1)));

    expect(error).toBeInstanceOf(NetworkError);
    // fetch's own message is a bare "fetch failed"; the reason is two causes down.
    expect((error as NetworkError).message).toMatch(
      /^getEventInvitedUsers failed: TypeError: fetch failed \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)$/,
    );
  });
});
