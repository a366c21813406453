import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NetworkError, TimeoutError, UnauthorizedError } from "../../src/index.js";
import { hang, json, observedClient, page } from "../helpers/observed-fetch.js";

const SECRET = "s3cr3t-t0k3n-value";
const ok = () => json(page([]));

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("auth", () => {
  it("sends a string token as a bearer token on named and raw calls", async () => {
    const { client, sent } = observedClient(ok, { token: SECRET });
    await client.getCourseInvitedUsers(1);
    await client.GET("/api/v2/event/{id}/invite/", { params: { path: { id: "1" } } });
    expect(sent.map((r) => r.headers.get("authorization"))).toEqual([
      `Bearer ${SECRET}`,
      `Bearer ${SECRET}`,
    ]);
  });

  it("calls a token function for every request, sync or async", async () => {
    let n = 0;
    const sync = observedClient(ok, { token: () => `sync-${++n}` });
    await sync.client.getCourseInvitedUsers(1);
    await sync.client.getCourseInvitedUsers(1);
    const async = observedClient(ok, { token: async () => `async-${++n}` });
    await async.client.getEventInvitedUsers(1);
    expect([...sync.sent, ...async.sent].map((r) => r.headers.get("authorization"))).toEqual([
      "Bearer sync-1",
      "Bearer sync-2",
      "Bearer async-3",
    ]);
  });

  it("asks the token function again on a retry, so a refreshed token is used", async () => {
    let n = 0;
    const { client, sent } = observedClient(
      (_, attempt) =>
        attempt === 1 ? json({ detail: "down" }, 503, { "retry-after": "0" }) : ok(),
      { token: () => `tok-${++n}` },
    );
    await client.getCourseDashboardUsers(1);
    expect(sent.map((r) => r.headers.get("authorization"))).toEqual([
      "Bearer tok-1",
      "Bearer tok-2",
    ]);
  });

  it("sends no Authorization header without a token or with an empty one", async () => {
    const none = observedClient(ok, { token: undefined });
    await none.client.getCourseInvitedUsers(1);
    const empty = observedClient(ok, { token: "" });
    await empty.client.getCourseInvitedUsers(1);
    const emptyFn = observedClient(ok, { token: async () => "" });
    await emptyFn.client.getCourseInvitedUsers(1);
    for (const { sent } of [none, empty, emptyFn]) {
      expect(sent[0]?.headers.has("authorization")).toBe(false);
    }
  });

  it("never shows the token in an error's message, toString, JSON, inspection or a log", async () => {
    const logs = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => {}),
    );
    const errors: unknown[] = [];
    const capture = (promise: Promise<unknown>) =>
      promise.then(
        () => expect.unreachable(),
        (error: unknown) => errors.push(error),
      );

    // 401 (the body echoes nothing secret, but the error must not carry the request either).
    const unauthorized = observedClient(() => json({ detail: "Invalid token." }, 401), {
      token: SECRET,
    });
    await capture(unauthorized.client.getCourseInvitedUsers(1));
    // A network failure whose cause is the platform's error.
    const down = observedClient(
      () => Promise.reject(new TypeError("fetch failed", { cause: new Error("ECONNREFUSED") })),
      { token: SECRET, maxRetries: 0 },
    );
    await capture(down.client.getCourseDashboardUsers(1));
    // A timeout.
    const slow = observedClient(hang, { token: () => SECRET, maxRetries: 0, timeout: 5 });
    await capture(slow.client.getEventInvitedUsers(1));
    // A token that is not a valid header value (here a header injection): the platform's
    // message would quote it.
    const bad = observedClient(ok, { token: `${SECRET}\r\nX-Injected: 1` });
    await capture(bad.client.getEventInvitedUsers(1));

    expect(errors[0]).toBeInstanceOf(UnauthorizedError);
    expect(errors[1]).toBeInstanceOf(NetworkError);
    expect(errors[2]).toBeInstanceOf(TimeoutError);
    expect(errors[3]).toEqual(new TypeError("The token is not a valid HTTP header value"));
    for (const error of errors) {
      const views = [
        String(error),
        JSON.stringify(error),
        inspect(error, { depth: 10, showHidden: true }),
        (error as Error).stack,
      ];
      for (const view of views) expect(view).not.toContain(SECRET);
    }
    for (const log of logs) expect(log).not.toHaveBeenCalled();
  });
});
