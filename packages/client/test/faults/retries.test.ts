// The client against a server that fails and recovers: 5xx then success, 5xx forever, 429 with
// Retry-After in both of its forms, and which calls may be retried at all. Real sockets and real
// time: the waits measured here are the ones a user's program would sit through.
import { ApiError, RateLimitError, ServerError } from "@community-api/client";
import { describe, expect, it } from "vitest";
import { invitedUser, page, sendJson, useChaosServer } from "../support/chaos-server.js";
import { clientOf } from "../support/fault-client.js";
import { guardAgainstLeaks, rejectionOf, SECRET_TOKEN } from "../support/leak-guard.js";

const leaks = guardAgainstLeaks(SECRET_TOKEN, 3);
const ONE_PAGE = page([invitedUser(1), invitedUser(2)]);

const server = useChaosServer({ scope: "test" });

const clientFor = (maxRetries: number) => clientOf(server, { maxRetries, timeout: 5_000 });

/** Milliseconds between consecutive requests the server received. */
const gaps = () => server.received.slice(1).map((r, i) => r.at - (server.received[i]?.at ?? 0));

describe("a server that fails, then recovers", () => {
  it("retries 500, 502 and 503 with exponential backoff and returns the page", async () => {
    const failures = [500, 502, 503];
    server.reply = (_, res, i) => {
      const status = failures[i];
      if (status) sendJson(res, status, { detail: `failure ${i + 1}` });
      else sendJson(res, 200, ONE_PAGE);
    };

    const result = await clientFor(3).getCourseInvitedUsers(1, { limit: 2 });

    expect(result).toEqual(ONE_PAGE);
    expect(server.received.map((r) => r.url)).toEqual(
      Array(4).fill("/api/v2/course/1/invite/?limit=2"),
    );
    for (const request of server.received) {
      expect(request.headers.authorization).toBe(`Bearer ${SECRET_TOKEN}`);
    }
    // Documented policy: min(500 ms * 2^n, 8 s) minus up to 25 % jitter before retry n.
    gaps().forEach((gap, n) => {
      const full = 500 * 2 ** n;
      expect(gap).toBeGreaterThanOrEqual(full * 0.75 - 15);
      expect(gap).toBeLessThan(full + 400);
    });
  });

  it("gives up on a 503 that never ends after maxRetries with a ServerError holding the last answer", async () => {
    server.reply = (_, res, i) =>
      sendJson(res, 503, { detail: `unavailable, attempt ${i + 1}` }, { "x-request-id": `r${i}` });

    const error = leaks.keep(await rejectionOf(clientFor(2).getCourseInvitedUsers(1)));

    expect(server.received).toHaveLength(3);
    expect(error).toBeInstanceOf(ServerError);
    const failure = error as ServerError;
    expect(failure.status).toBe(503);
    expect(failure.body).toEqual({ detail: "unavailable, attempt 3" });
    expect(failure.requestId).toBe("r2");
    expect(failure.operationId).toBe("getCourseInvitedUsers");
    expect(failure.message).toContain("503");
    expect(failure.message).toContain("unavailable, attempt 3");
  });
});

describe("429 with Retry-After", () => {
  it("waits the seconds Retry-After gives, then succeeds", async () => {
    server.reply = (_, res, i) =>
      i === 0
        ? sendJson(res, 429, { detail: "Request was throttled." }, { "retry-after": "1" })
        : sendJson(res, 200, ONE_PAGE);

    expect(await clientFor(2).getEventInvitedUsers(1)).toEqual(ONE_PAGE);

    expect(server.received).toHaveLength(2);
    const [wait] = gaps();
    // The backoff alone would have waited at most 500 ms.
    expect(wait).toBeGreaterThanOrEqual(1_000 - 15);
    expect(wait).toBeLessThan(1_600);
  });

  it("waits until the HTTP date Retry-After gives, then succeeds", async () => {
    let wanted = 0;
    server.reply = (_, res, i) => {
      if (i > 0) return sendJson(res, 200, ONE_PAGE);
      // HTTP dates have whole seconds: the second after the next full one, 1 to 2 s away.
      const date = Math.ceil(Date.now() / 1000) * 1000 + 1000;
      wanted = date - Date.now();
      sendJson(res, 429, { detail: "Slow down." }, { "retry-after": new Date(date).toUTCString() });
    };

    expect(await clientFor(2).getCourseDashboardUsers(1)).toEqual(ONE_PAGE);

    expect(server.received).toHaveLength(2);
    const [wait] = gaps();
    expect(wanted).toBeGreaterThan(1_000);
    expect(wait).toBeGreaterThanOrEqual(wanted - 20);
    expect(wait).toBeLessThan(wanted + 600);
  });

  it("does not wait for a Retry-After over a minute: a RateLimitError at once, with the header", async () => {
    server.reply = (_, res) =>
      sendJson(res, 429, { detail: "Request was throttled." }, { "retry-after": "120" });

    const started = performance.now();
    const error = leaks.keep(await rejectionOf(clientFor(2).getCourseInvitedUsers(1)));

    expect(performance.now() - started).toBeLessThan(1_000);
    expect(server.received).toHaveLength(1);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).status).toBe(429);
    expect((error as RateLimitError).headers?.get("retry-after")).toBe("120");
  });
});

describe("what is retried", () => {
  it("never retries a request that is not a GET", async () => {
    server.reply = (_, res) => sendJson(res, 503, { detail: "Down." }, { "retry-after": "0" });
    // The API has no POST operation; the raw openapi-fetch method still sends one.
    const post = clientFor(3).POST as unknown as (
      path: string,
      init: object,
    ) => Promise<{ error?: unknown; response: Response }>;

    const { error, response } = await post("/api/v2/course/{id}/users/", {
      params: { path: { id: "1" } },
    });

    expect(response.status).toBe(503);
    expect(error).toEqual({ detail: "Down." });
    expect(server.received.map((r) => r.method)).toEqual(["POST"]);
  });

  it("does not retry a final status: one 404, a NotFoundError", async () => {
    server.reply = (_, res) => sendJson(res, 404, { detail: "Not found." });

    const error = leaks.keep(await rejectionOf(clientFor(3).getCourseInvitedUsers(99)));

    expect(server.received).toHaveLength(1);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).name).toBe("NotFoundError");
  });
});
