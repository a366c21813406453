// The bearer token stays with the configured origin. A second server on another port (another
// origin) records every header it receives; whatever the first server does (redirects, `next`
// links elsewhere, hostile `next` values), the second one never sees the token.
import { InvalidResponseError, type TokenSource } from "@community-api/client";
import { beforeEach, describe, expect, it } from "vitest";
import { invitedUser, page, sendJson, useChaosServer } from "../support/chaos-server.js";
import { clientOf } from "../support/fault-client.js";
import { guardAgainstLeaks, rejectionOf, SECRET_TOKEN } from "../support/leak-guard.js";

const leaks = guardAgainstLeaks(SECRET_TOKEN, 2);

const api = useChaosServer();
const elsewhere = useChaosServer({
  reply: (_, res) => sendJson(res, 200, page([invitedUser(666)], null, 1)),
});
beforeEach(() => {
  api.received.length = 0;
  elsewhere.received.length = 0;
});

const clientFor = (token: TokenSource = SECRET_TOKEN) => clientOf(api, { token, maxRetries: 0 });

/** Everything the other origin received, as one string to search. */
const seenElsewhere = () => JSON.stringify(elsewhere.received);

describe("a redirect to another origin", () => {
  it.each([301, 302, 303, 307, 308])(
    "%i: the other origin never gets the token",
    async (status) => {
      api.reply = (_, res) => {
        res.writeHead(status, { location: `${elsewhere.url}/api/v2/course/1/invite/?limit=5` });
        res.end();
      };

      await clientFor().getCourseInvitedUsers(1, { limit: 5 });

      expect(api.received[0]?.headers.authorization).toBe(`Bearer ${SECRET_TOKEN}`);
      expect(elsewhere.received).toHaveLength(1); // the redirect was followed: the check is real
      expect(elsewhere.received[0]?.headers.authorization).toBeUndefined();
      expect(seenElsewhere()).not.toContain(SECRET_TOKEN);
    },
  );

  it("through a same-origin hop first, with a token function: still never", async () => {
    api.reply = (req, res) => {
      const location = req.url?.startsWith("/hop") ? `${elsewhere.url}/landing` : `${api.url}/hop`;
      res.writeHead(req.url?.startsWith("/hop") ? 307 : 302, { location });
      res.end();
    };

    await clientFor(async () => SECRET_TOKEN).getCourseDashboardUsers(1);

    expect(api.received.map((r) => [r.url, r.headers.authorization])).toEqual([
      ["/api/v2/course/1/users/", `Bearer ${SECRET_TOKEN}`],
      ["/hop", `Bearer ${SECRET_TOKEN}`],
    ]);
    expect(elsewhere.received.map((r) => r.url)).toEqual(["/landing"]);
    expect(seenElsewhere()).not.toContain(SECRET_TOKEN);
  });
});

describe("a `next` link to another origin", () => {
  it("is followed through the configured base URL: the other origin gets no request at all", async () => {
    api.reply = (req, res) => {
      const second = req.url?.includes("offset=2");
      const next = second ? null : `${elsewhere.url}/api/v2/course/99/users/?limit=2&offset=2`;
      sendJson(
        res,
        200,
        page(second ? [invitedUser(3)] : [invitedUser(1), invitedUser(2)], next, 3),
      );
    };

    const ids: number[] = [];
    for await (const user of clientFor().paginate.courseDashboardUsers(1, { pageSize: 2 })) {
      ids.push(user.id);
    }

    expect(ids).toEqual([1, 2, 3]);
    expect(elsewhere.received).toEqual([]);
    // Only limit and offset come from `next`: its host and its path (course 99) are ignored.
    expect(api.received.map((r) => r.url)).toEqual([
      "/api/v2/course/1/users/?limit=2",
      "/api/v2/course/1/users/?limit=2&offset=2",
    ]);
    for (const request of api.received) {
      expect(request.headers.authorization).toBe(`Bearer ${SECRET_TOKEN}`);
    }
  });
});

describe("a hostile `next`", () => {
  it("that never advances stops the iteration with an error instead of looping", async () => {
    api.reply = (_, res, i) =>
      // Gives up after 20 pages itself, so a client that loops fails instead of hanging.
      sendJson(
        res,
        200,
        page([invitedUser(i)], i < 20 ? `${api.url}/x/?limit=1&offset=0` : null, 99),
      );

    const iterate = async () => {
      for await (const _ of clientFor().paginate.courseInvitedUsers(1, { pageSize: 1 })) {
        // drain
      }
    };

    const error = leaks.keep(await rejectionOf(iterate()));

    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(String(error)).toMatch(/does not advance/);
    expect(api.received.length).toBeLessThanOrEqual(3);
  });

  it("that is not a URL rejects the iteration, with no request elsewhere", async () => {
    api.reply = (_, res) => sendJson(res, 200, page([invitedUser(1)], "http://[::1", 2));

    const iterate = async () => {
      for await (const _ of clientFor().paginate.eventInvitedUsers(1)) {
        // drain
      }
    };

    const error = leaks.keep(await rejectionOf(iterate()));

    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({
      status: 200,
      body: "http://[::1",
      message: 'Pagination stopped: the next link "http://[::1" is not a URL',
    });
    expect(elsewhere.received).toEqual([]);
  });
});
