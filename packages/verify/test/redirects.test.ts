// Redirects are never left to fetch. One to another origin is a `redirect` finding naming that
// origin, never followed: the other server sees no request at all, so the token never goes
// there. One to the same origin is followed (with the token: it is the base URL's origin) up to
// MAX_REDIRECTS hops, and reported too, since the spec declares no redirect.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_REDIRECTS, type VerifyReport, verify } from "../src/index.js";
import { type HostileServer, startHostileServer } from "./support/hostile-server.js";

const TOKEN = "tok_Redirect-77aa66bb55cc";
const STATUSES = [301, 302, 303, 307, 308];

let other: HostileServer;
let main: HostileServer;
let report: VerifyReport;

beforeAll(async () => {
  other = await startHostileServer(TOKEN);
  let n = 0;
  main = await startHostileServer(TOKEN, (_req, res, url) => {
    const path = `${url.pathname}${url.search}`;
    // Every invite-list request: each redirect status in turn, to the other server.
    if (url.pathname === "/api/v2/course/1/invite/") {
      res.writeHead(STATUSES[n++ % STATUSES.length] as number, { location: `${other.url}${path}` });
      res.end();
      return true;
    }
    // Each ordering of the dashboard: moved on the same origin, where the kit answers.
    if (url.pathname === "/api/v2/course/1/users/" && url.searchParams.has("ordering")) {
      res.writeHead(301, { location: `/moved${path}` });
      res.end();
      return true;
    }
    if (url.pathname.startsWith("/moved/")) return path.slice("/moved".length);
    // The dashboard's search: a redirect to itself, for ever.
    if (url.searchParams.has("search")) {
      res.writeHead(302, { location: path });
      res.end();
      return true;
    }
    return false;
  });
  report = await verify({ baseUrl: main.url, token: TOKEN, ids: { course: 1 } });
});
afterAll(async () => {
  await main?.close();
  await other?.close();
});

const redirects = (operationId: string) =>
  report.findings.filter((f) => f.operationId === operationId && f.kind === "redirect");

describe("a redirect to another origin", () => {
  it("is never followed: the other origin gets no request, so never the token", () => {
    expect(main.seen.filter((r) => r.url.startsWith("/api/v2/course/1/invite/")).length).toBe(
      report.operations.find((o) => o.operationId === "getCourseInvitedUsers")?.combinations.length,
    );
    expect(other.seen).toEqual([]);
  });

  it("is a redirect finding naming the target origin, and leaves the operation not checked", () => {
    const [finding, ...more] = redirects("getCourseInvitedUsers");
    expect(more).toEqual([]);
    expect(finding).toMatchObject({
      severity: "contradiction",
      location: "status",
      spec: "an answer at this URL: the spec declares no redirect",
    });
    expect(finding?.actual.value).toMatch(
      new RegExp(
        `^HTTP 30[12378] to ${other.url} \\(another origin: not followed, the token not sent\\)$`,
      ),
    );
    const invites = report.operations.find((o) => o.operationId === "getCourseInvitedUsers");
    expect(invites?.statuses).toEqual(
      Object.fromEntries(STATUSES.slice(0, invites?.combinations.length).map((s) => [s, 1])),
    );
    expect(invites?.notChecked).toMatch(
      /^redirected to \d+ of \d+ combinations: the answer is a redirect to another origin, not followed; not checked$/,
    );
    expect(report.exitCode).toBe(1);
  });
});

describe("a redirect on the same origin", () => {
  it("is followed with the token, checked there, and reported", () => {
    const moved = main.seen.filter((r) => r.url.startsWith("/moved/"));
    expect(moved.length).toBeGreaterThan(0);
    for (const request of moved) expect(request.authorization).toBe(`Bearer ${TOKEN}`);
    // One finding for the same-origin hops (the orderings' and the loop's first ones).
    const followed = redirects("getCourseDashboardUsers").filter(
      (f) => f.actual.type === "redirect on the same origin",
    );
    expect(followed).toHaveLength(1);
    expect(followed[0]?.actual.value).toMatch(
      new RegExp(
        `^HTTP 30[12] to ${main.url}/(moved/)?api/v2/course/1/users/ \\(same origin: followed\\)$`,
      ),
    );
    expect(followed[0]?.requests).toBeGreaterThan(moved.length);
    // The answers after the redirect held to the spec: nothing else is reported there.
    expect(
      report.findings.filter(
        (f) => f.operationId === "getCourseDashboardUsers" && f.kind !== "redirect",
      ),
    ).toEqual([]);
    expect(
      report.operations.find((o) => o.operationId === "getCourseDashboardUsers")?.notChecked,
    ).toBeNull();
  });

  it(`stops after ${MAX_REDIRECTS} hops of a loop, and says so`, () => {
    const loops = main.seen.filter((r) => r.url.includes("search="));
    expect(loops.length).toBe(1 + MAX_REDIRECTS);
    expect(redirects("getCourseDashboardUsers").map((f) => f.actual.value)).toContain(
      `HTTP 302 to ${main.url}/api/v2/course/1/users/ (same origin: not followed, too many hops)`,
    );
    expect(report.notes.join("\n")).toMatch(
      /getCourseDashboardUsers: redirected to 1 of \d+ combinations: the answer is a redirect that was not followed/,
    );
  });
});
