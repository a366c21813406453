// How the client handles the token itself: a function is asked before every attempt (a refreshed
// token is used at once, nothing is cached), and a token that cannot go into a header, or a
// token function that fails, ends the call without sending anything and without quoting it.
import { createCommunityClient } from "@community-api/client";
import { describe, expect, it } from "vitest";
import { invitedUser, page, sendJson, useChaosServer } from "../support/chaos-server.js";
import { guardAgainstLeaks, rejectionOf, SECRET_TOKEN } from "../support/leak-guard.js";

const leaks = guardAgainstLeaks(SECRET_TOKEN, 2);
const ONE_PAGE = page([invitedUser(1)]);

const server = useChaosServer({ scope: "test", reply: (_, res) => sendJson(res, 200, ONE_PAGE) });

describe("a token function", () => {
  it("is called before every attempt, so each retry sends the fresh token", async () => {
    let calls = 0;
    const token = async () => `${SECRET_TOKEN}-${++calls}`;
    server.reply = (_, res, i) =>
      i < 2
        ? sendJson(res, 503, { detail: "Try again." }, { "retry-after": "0" })
        : sendJson(res, 200, ONE_PAGE);
    const client = createCommunityClient({ baseUrl: server.url, token, maxRetries: 2 });

    expect(await client.getCourseInvitedUsers(1)).toEqual(ONE_PAGE);

    expect(calls).toBe(3);
    expect(server.received.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${SECRET_TOKEN}-1`,
      `Bearer ${SECRET_TOKEN}-2`,
      `Bearer ${SECRET_TOKEN}-3`,
    ]);
  });

  it("is not cached between calls", async () => {
    let current = `${SECRET_TOKEN}-old`;
    const client = createCommunityClient({ baseUrl: server.url, token: () => current });

    await client.getEventInvitedUsers(1);
    current = `${SECRET_TOKEN}-new`;
    await client.getEventInvitedUsers(1);

    expect(server.received.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${SECRET_TOKEN}-old`,
      `Bearer ${SECRET_TOKEN}-new`,
    ]);
  });

  it("that rejects ends the call with its error, before anything is sent", async () => {
    const failure = new Error("the refresh endpoint is down");
    const client = createCommunityClient({
      baseUrl: server.url,
      token: () => Promise.reject(failure),
    });

    expect(leaks.keep(await rejectionOf(client.getCourseInvitedUsers(1)))).toBe(failure);
    expect(server.received).toEqual([]);
  });
});

describe("a token that cannot be a header value", () => {
  it.each([
    ["a line break", `${SECRET_TOKEN}\r\nX-Injected: 1`],
    ["a NUL", `${SECRET_TOKEN}\0`],
    ["a character outside Latin-1", `${SECRET_TOKEN}\u2603`],
  ])("(%s) is refused before sending, without quoting it", async (_, token) => {
    const client = createCommunityClient({ baseUrl: server.url, token });

    const error = leaks.keep(await rejectionOf(client.getCourseDashboardUsers(1)));

    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/not a valid HTTP header value/);
    expect(server.received).toEqual([]);
  });
});

describe("an empty token", () => {
  it("sends no Authorization header at all", async () => {
    await createCommunityClient({ baseUrl: server.url, token: "" }).getCourseInvitedUsers(1);
    await createCommunityClient({ baseUrl: server.url, token: () => "" }).getCourseInvitedUsers(1);

    expect(server.received.map((r) => r.headers.authorization)).toEqual([undefined, undefined]);
  });
});
