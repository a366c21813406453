// How the verdict follows from what happened, with an injected fetch: nothing contradicts the
// spec but a list kept failing -> incomplete, exit 2; a body that is not JSON -> exit 1; a
// `next` that does not advance -> a pagination finding.
import { describe, expect, it } from "vitest";
import { verify } from "../src/index.js";

const TOKEN = "tok_injected-0123456789";
const EMPTY = { count: 0, next: null, previous: null, results: [] };

/** A fetch that answers by path: a JSON value (200), or [status, body, content-type]. */
function answering(route: (url: URL) => unknown): typeof fetch {
  return async (input) => {
    const request = input as Request;
    const url = new URL(request.url);
    if (!request.headers.get("authorization")) {
      return Response.json(
        { detail: "Authentication credentials were not provided." },
        { status: 401 },
      );
    }
    if (url.searchParams.get("limit") === "0") {
      return Response.json(
        { errors: [{ field: "limit", messages: [{ code: "invalid", message: "Too small." }] }] },
        { status: 400 },
      );
    }
    const answer = route(url);
    if (Array.isArray(answer)) {
      const [status, body, type] = answer as [number, string, string];
      return new Response(body, { status, headers: { "content-type": type } });
    }
    return Response.json(answer);
  };
}

const run = (route: (url: URL) => unknown) =>
  verify({
    baseUrl: "https://community.example.com",
    token: TOKEN,
    ids: { course: 1, event: 1 },
    fetch: answering(route),
    maxRetries: 0,
  });

describe("the verdict", () => {
  it("is incomplete (exit 2) when nothing contradicts the spec but a list kept failing", async () => {
    const report = await run((url) =>
      url.pathname.startsWith("/api/v2/event/")
        ? [503, JSON.stringify({ detail: "A server error occurred." }), "application/json"]
        : EMPTY,
    );
    expect(report.findings).toEqual([]);
    expect(report.outcome).toBe("incomplete");
    expect(report.exitCode).toBe(2);
    expect(report.notes).toEqual([]);
    const event = report.operations.find((o) => o.operationId === "getEventInvitedUsers");
    expect(event?.notChecked).toMatch(
      new RegExp(
        `^HTTP 503 to \\d+ of ${event?.combinations.length} combinations: the server failed$`,
      ),
    );
  });

  it("is contradicted (exit 1) by an HTML page where the spec promises JSON", async () => {
    const report = await run((url) =>
      url.pathname.startsWith("/api/v2/event/")
        ? [200, "<!doctype html><p>Welcome, Anna</p>", "text/html"]
        : EMPTY,
    );
    expect(report.exitCode).toBe(1);
    const html = report.findings.find((f) => f.kind === "not-json");
    expect(html).toMatchObject({
      operationId: "getEventInvitedUsers",
      pointer: "",
      actual: { type: "text/html", value: "markup, 35 chars (text/html)" },
    });
    expect(html?.spec).toMatch(/^JSON: \w+Page \(object with count, next, previous, results\)$/);
  });

  it("names a next link whose offset does not move forward", async () => {
    const report = await run((url) =>
      url.pathname.startsWith("/api/v2/course/1/invite/")
        ? {
            count: 9,
            next: `${url.origin}${url.pathname}?limit=2&offset=0`,
            previous: null,
            results: [],
          }
        : EMPTY,
    );
    const stuck = report.findings.filter((f) => f.kind === "pagination");
    expect(stuck.map((f) => f.operationId)).toEqual(["getCourseInvitedUsers"]);
    expect(stuck[0]?.actual.value).toMatch(/does not advance past 0/);
    expect(report.exitCode).toBe(1);
  });
});
