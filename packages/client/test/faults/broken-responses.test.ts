// The client against answers that are broken in the ways proxies and overloaded servers break
// them: a connection reset mid-body, truncated JSON, an HTML error page (with 200 and with 502),
// an empty 200, and a very large body. Each call ends in data or in an `ApiError` the caller can
// catch by type: never a bare SyntaxError/TypeError, never a page that is `undefined`.
import { ApiError, NetworkError, ServerError } from "@community-api/client";
import { describe, expect, it } from "vitest";
import {
  invitedUser,
  page,
  type Reply,
  sendJson,
  useChaosServer,
} from "../support/chaos-server.js";
import { clientOf } from "../support/fault-client.js";
import { guardAgainstLeaks, rejectionOf, SECRET_TOKEN } from "../support/leak-guard.js";

const leaks = guardAgainstLeaks(SECRET_TOKEN, 6);

const HTML_PAGE =
  "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";

const server = useChaosServer();

/** One call of the dashboard list against `reply`, with no retries: the answer is final. */
async function callWith(reply: Reply) {
  server.reply = reply;
  return clientOf(server, { maxRetries: 0 }).getCourseDashboardUsers(1, { limit: 5 });
}

/** The call must reject with an ApiError whose message names the operation. */
async function expectApiError(reply: Reply): Promise<ApiError> {
  const error = leaks.keep(await rejectionOf(callWith(reply)));
  expect(error, `got ${String(error)}`).toBeInstanceOf(ApiError);
  expect((error as ApiError).message).toContain("getCourseDashboardUsers");
  return error as ApiError;
}

describe("a body the client cannot read", () => {
  // openapi-fetch reads an error response's body itself, before the client sees the status:
  // that reset is a NetworkError too, not a bare TypeError.
  it.each([
    ["mid-body", 200, '{"count": 40, "next": null, "previous": null, "results": [{"id": 1, '],
    ["in the middle of an error body", 404, '{"detail": "Not'],
  ])("connection reset %s: a NetworkError", async (_, status, start) => {
    const error = await expectApiError((_, res) => {
      res.writeHead(status, { "content-type": "application/json", "content-length": "4000" });
      res.write(start);
      setTimeout(() => res.socket?.resetAndDestroy(), 20);
    });
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/^getCourseDashboardUsers failed while reading the response: /);
  });

  it("truncated JSON with status 200: an ApiError", async () => {
    await expectApiError((_, res) => {
      const text = JSON.stringify(page([invitedUser(1), invitedUser(2)])).slice(0, 40);
      res.writeHead(200, { "content-type": "application/json", "content-length": text.length });
      res.end(text);
    });
  });

  it("an HTML page with status 200: an ApiError", async () => {
    await expectApiError((_, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(HTML_PAGE);
    });
  });

  it("an empty 200 with Content-Length 0: an ApiError, not an undefined page", async () => {
    await expectApiError((_, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "0" });
      res.end();
    });
  });

  it("an empty chunked 200: an ApiError, not an undefined page", async () => {
    await expectApiError((_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end();
    });
  });

  it("an empty 200 in the middle of pagination: an ApiError, not a TypeError", async () => {
    let calls = 0;
    server.reply = (_, res) => {
      if (calls++ === 1) {
        res.writeHead(200, { "content-length": "0" });
        return res.end();
      }
      sendJson(
        res,
        200,
        page([invitedUser(1)], `${server.url}/api/v2/course/1/invite/?offset=1`, 2),
      );
    };
    const client = clientOf(server, { maxRetries: 0 });
    const seen: number[] = [];
    const iterate = async () => {
      for await (const user of client.paginate.courseInvitedUsers(1)) seen.push(user.id);
    };

    const error = leaks.keep(await rejectionOf(iterate()));

    expect(seen).toEqual([1]);
    expect(error, `got ${String(error)}`).toBeInstanceOf(ApiError);
  });
});

describe("an error page instead of JSON", () => {
  it("HTML with status 502: a ServerError with the page as text and a one-line message", async () => {
    const error = await expectApiError((_, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end(HTML_PAGE);
    });
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(502);
    expect(error.body).toBe(HTML_PAGE);
    expect(error.message).not.toContain("<");
  });

  it("JSON of an undocumented shape with status 500: a ServerError that keeps it readable", async () => {
    const error = await expectApiError((_, res) => sendJson(res, 500, { oops: [1, 2] }));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.body).toBe('{"oops":[1,2]}');
  });
});

describe("a 2 MB body", () => {
  it("is read whole and returned as the page", async () => {
    const results = Array.from({ length: 9_000 }, (_, i) => ({
      ...invitedUser(i + 1),
      real_name: `User ${i + 1} ${"x".repeat(160)}`,
    }));
    const big = page(results, null, results.length);
    const text = JSON.stringify(big);
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);

    const got = await callWith((_, res) => {
      // Chunked, in pieces: the client must not depend on one write or a Content-Length.
      res.writeHead(200, { "content-type": "application/json" });
      for (let at = 0; at < text.length; at += 64 * 1024) res.write(text.slice(at, at + 64 * 1024));
      res.end();
    });

    expect(got.results).toHaveLength(9_000);
    expect(got).toEqual(big);
  });
});
