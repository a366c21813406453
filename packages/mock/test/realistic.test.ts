// The realistic mode end to end: a real Prism process validating every exchange between the
// client and the seeded data server. Every call also goes through the in-process kit, which
// must answer identically (same host in both, so even next/previous match).
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import {
  createDataset,
  createMockFetch,
  DEFAULT_RETRY_AFTER,
  type DeclaredStatus,
  type FetchLike,
  MAX_SCENARIOS,
  startMock,
  testToken,
} from "../src/index.js";
import { MAX_TARGET_LENGTH } from "../src/server/request-target.js";
import type { RunningMock } from "../src/server/start-mock.js";
import { type Answer, allPages, call, reportedFields, violationLocations } from "./support/http.js";
import {
  expectedCourseInviteIds,
  expectedDashboardIds,
  expectedEventInviteIds,
} from "./support/oracle.js";

const dataset = createDataset({ seed: 1 });
const log: string[] = [];
let mock: RunningMock;
let kit: FetchLike;
const http: FetchLike = (input, init) => fetch(input, init);

beforeAll(async () => {
  mock = await startMock({ port: 0, seed: 1, log: (line) => log.push(line) });
  kit = createMockFetch({ seed: 1, baseUrl: mock.url });
});
afterAll(async () => {
  await mock?.stop();
});

/** What every answer must satisfy: no 5xx, and Prism found nothing wrong with what was sent back. */
function assertHonest(url: string, answer: Answer): void {
  expect(answer.status, `${url}: ${answer.text}`).toBeLessThan(500);
  const locations = violationLocations(answer.headers);
  if (answer.status < 400) expect(locations, url).toEqual([]);
  // On a 4xx Prism may confirm the request was invalid; it must never fault the response.
  for (const location of locations) expect(location, url).toMatch(/^request/);
}

/** GET over HTTP through Prism and in process; both must agree exactly. */
async function get(path: string, token?: string): Promise<Answer> {
  const url = path.startsWith("http") ? path : `${mock.url}${path}`;
  const [viaHttp, viaKit] = await Promise.all([call(http, url, token), call(kit, url, token)]);
  assertHonest(url, viaHttp);
  expect(viaHttp.status, url).toBe(viaKit.status);
  expect(viaHttp.body, url).toEqual(viaKit.body);
  return viaHttp;
}

const manager = (id: number) => testToken({ resource: "course", id, role: "manager" });

test("GET /health answers from the front with the spec fingerprint", async () => {
  const specJson = createRequire(import.meta.url).resolve("@community-api/spec/openapi.json");
  const fingerprint = JSON.parse(readFileSync(join(dirname(specJson), "fingerprint.json"), "utf8"));
  const answer = await call(http, `${mock.url}/health`);
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({
    status: "ok",
    mode: "realistic",
    seed: 1,
    specVersion: fingerprint.version,
    specSha256: fingerprint.sha256,
  });
});

describe("every operation, every page", () => {
  const lists = [
    ...dataset.courses.map((c) => ({
      path: `/api/v2/course/${c.id}/users/`,
      token: manager(c.id),
      expected: expectedDashboardIds(dataset, c.id),
    })),
    ...dataset.courses.map((c) => ({
      path: `/api/v2/course/${c.id}/invite/`,
      token: testToken({ resource: "course", id: c.id, role: "creator" }),
      expected: expectedCourseInviteIds(dataset, c.id),
    })),
    ...dataset.events.map((e) => ({
      path: `/api/v2/event/${e.id}/invite/`,
      token: testToken({ resource: "event", id: e.id, role: "manager" }),
      expected: expectedEventInviteIds(dataset, e.id),
    })),
  ];
  test.each(lists)("$path", async ({ path, token, expected }) => {
    for (const query of ["", "?limit=7"]) {
      const pages = await allPages(http, `${mock.url}${path}${query}`, token, (answer) =>
        assertHonest(path, answer),
      );
      const ids = pages.flatMap((p) => p.results.map((r) => r.id));
      expect(ids.length).toBe(pages[0]?.count);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expected);
    }
    // Page by page, the kit agrees too (same host, so the links match).
    await get(`${path}?limit=7&offset=7`, token);
  });
});

describe("dashboard filters and ordering through Prism", () => {
  const all = ["creator", "manager", "joined", "invited", "requested", "payment_waiting"] as const;
  const ids = async (query: string) => {
    const pages = await allPages(
      http,
      `${mock.url}/api/v2/course/1/users/?limit=100${query}`,
      manager(1),
      (a) => assertHonest(query, a),
    );
    return pages.flatMap((p) => p.results.map((r) => r.id));
  };

  test.each(["joined_at", "-joined_at", "last_active_at", "-last_active_at"])(
    "ordering=%s",
    async (ordering) => {
      const statuses = encodeURIComponent(JSON.stringify(all));
      expect(await ids(`&ordering=${ordering}&statuses=${statuses}`)).toEqual(
        expectedDashboardIds(dataset, 1, { ordering, statuses: all }),
      );
    },
  );

  test("statuses, bare and as a JSON array", async () => {
    expect(await ids("&statuses=requested")).toEqual(
      expectedDashboardIds(dataset, 1, { statuses: ["requested"] }),
    );
    const pair = encodeURIComponent('["payment_waiting","creator"]');
    expect(await ids(`&statuses=${pair}`)).toEqual(
      expectedDashboardIds(dataset, 1, { statuses: ["payment_waiting", "creator"] }),
    );
  });

  test("search, unicode and case-insensitive", async () => {
    for (const search of ["ZOË", "łukasz", "o'", "ma ro"]) {
      expect(await ids(`&search=${encodeURIComponent(search)}`), search).toEqual(
        expectedDashboardIds(dataset, 1, { search }),
      );
    }
  });
});

test("logs a request the API would silently misread (statuses[]=…), besides the header", async () => {
  const url = `${mock.url}/api/v2/course/1/users/?statuses[]=joined`;
  const answer = await call(http, url, "course-1-manager");
  expect(answer.status).toBe(200);
  expect(answer.headers.get("community-api-mock-warning")).toContain("statuses[]");
  expect(log.filter((line) => line.startsWith("warning: ")).join("\n")).toContain(
    "GET /api/v2/course/1/users/?statuses[]=joined",
  );
});

describe("roles and errors through Prism", () => {
  test.each([
    ["course-1-creator", "/api/v2/course/1/users/", 200],
    ["course-1-manager", "/api/v2/course/1/invite/", 200],
    ["course-1-member", "/api/v2/course/1/users/", 403],
    ["course-1-member", "/api/v2/course/1/invite/", 403],
    ["course-2-manager", "/api/v2/course/1/users/", 403],
    ["event-1-manager", "/api/v2/event/1/invite/", 200],
    ["event-1-member", "/api/v2/event/1/invite/", 403],
    ["course-1-manager", "/api/v2/event/1/invite/", 403],
    ["event-2-manager", "/api/v2/event/1/invite/", 403],
  ])("%s on %s -> %i", async (token, path, status) => {
    expect((await get(path, token)).status).toBe(status);
  });

  test("401 without a token (Prism agrees) and with an unknown one", async () => {
    const missing = await get("/api/v2/course/1/users/");
    expect(missing.status).toBe(401);
    expect(violationLocations(missing.headers)).toEqual(["request"]);
    expect((await get("/api/v2/course/1/users/", "nope")).status).toBe(401);
    expect((await get("/api/v2/event/1/invite/", "course-99-manager")).status).toBe(401);
  });

  test("404 for unknown ids and malformed ones", async () => {
    expect((await get("/api/v2/course/7/users/", manager(1))).status).toBe(404);
    expect((await get("/api/v2/event/9/invite/", "event-1-manager")).status).toBe(404);
    const malformed = await get("/api/v2/course/abc/invite/", manager(1));
    expect(malformed.status).toBe(404);
    expect(violationLocations(malformed.headers)).toEqual(["request.path.id"]);
    expect((await get("/api/v2/nothing/here/", manager(1))).status).toBe(404);
  });

  test.each([
    ["limit", "0"],
    ["limit", "abc"],
    ["offset", "-1"],
    ["ordering", "name"],
    ["statuses", "bogus"],
    ["statuses", "[]"],
    ["search", "a&search=b"],
  ])("400 for %s=%s, and Prism flags the same parameter", async (name, value) => {
    const answer = await get(`/api/v2/course/1/users/?${name}=${value}`, manager(1));
    expect(answer.status).toBe(400);
    expect(reportedFields(answer.body)).toEqual([name]);
    expect(new Set(violationLocations(answer.headers))).toEqual(new Set([`request.query.${name}`]));
  });

  test("400 where the mock is stricter than Prism's lenient number coercion", async () => {
    for (const value of ["1e2", "0x10", "1.0", "%201"]) {
      const answer = await get(`/api/v2/course/1/invite/?limit=${value}`, manager(1));
      expect(answer.status, value).toBe(400);
      expect(reportedFields(answer.body)).toEqual(["limit"]);
    }
  });
});

describe("staged answers (Prefer, /__mock/scenarios), validated by Prism", () => {
  const dashboard = (id = 1) => `${mock.url}/api/v2/course/${id}/users/?limit=1`;
  const scenarios = () => `${mock.url}/__mock/scenarios`;
  const send = (url: string, prefer?: string) =>
    fetch(url, {
      headers: { authorization: `Bearer ${manager(1)}`, ...(prefer ? { prefer } : {}) },
    });
  const post = (scenario: unknown) =>
    fetch(scenarios(), { method: "POST", body: JSON.stringify(scenario) });
  afterEach(async () => {
    await fetch(scenarios(), { method: "DELETE" });
  });

  test("Prefer: code= gives the kit's staged answer for each 429 and 5xx, Retry-After as asked", async () => {
    const cases: [string, DeclaredStatus<"getCourseDashboardUsers">, number | undefined][] = [
      ["code=429", 429, undefined],
      ["code=429, retry-after=2", 429, 2],
      ["code=500", 500, undefined],
      ["code=502", 502, undefined],
      ['code="503"; x=y, retry-after=7', 503, 7],
      ["CODE=504", 504, undefined],
    ];
    for (const [prefer, status, retryAfter] of cases) {
      const kit = createMockFetch({
        baseUrl: mock.url,
        scenarios: [{ operationId: "getCourseDashboardUsers", status, retryAfter }],
      });
      const [viaHttp, viaKit] = await Promise.all([send(dashboard(), prefer), kit(dashboard())]);
      expect(viaHttp.status, prefer).toBe(status);
      const wait = retryAfter ?? (status === 429 ? DEFAULT_RETRY_AFTER : undefined);
      expect(viaHttp.headers.get("retry-after"), prefer).toBe(
        wait === undefined ? null : `${wait}`,
      );
      expect(violationLocations(viaHttp.headers), prefer).toEqual([]);
      expect(await viaHttp.text(), prefer).toBe(await viaKit.text());
    }
  });

  test("what the spec does not declare, or the mock does not take, is a 400 naming it", async () => {
    for (const [prefer, detail] of [
      [
        "code=418",
        "Prefer: code=418: getCourseDashboardUsers declares 200, 400, 401, 403, 404, 429, 500, 502, 503, 504; not 418",
      ],
      [
        "code=404, retry-after=1",
        "Prefer: code=404: the spec declares no Retry-After header on getCourseDashboardUsers's 404",
      ],
      ["delay=60001", "Prefer: delay must be an integer from 0 to 60000 (ms), not 60001"],
      ["code=abc", 'Prefer: code must be a whole number, not "abc"'],
    ]) {
      const answer = await send(dashboard(), prefer);
      expect(answer.status, prefer).toBe(400);
      expect(await answer.json(), prefer).toEqual({ detail: `community-api-mock: ${detail}` });
    }
  });

  test("Prefer: delay= delays the normal answer", async () => {
    const started = Date.now();
    const answer = await send(dashboard(), "delay=300");
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  test("a scenario answers its next `times` matching requests, then the normal answers resume", async () => {
    const created = await post({
      operationId: "getCourseDashboardUsers",
      status: 503,
      times: 2,
      retryAfter: 1,
      id: 1,
    });
    expect(created.status).toBe(201);
    const listed = await (await fetch(scenarios())).json();
    expect(listed).toEqual({
      scenarios: [
        {
          operationId: "getCourseDashboardUsers",
          status: 503,
          id: 1,
          times: 2,
          remaining: 2,
          delayMs: 0,
          retryAfter: 1,
        },
      ],
    });
    // Another course is not matched (this token may not read it).
    expect((await send(dashboard(2))).status).toBe(403);
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const answer = await send(dashboard());
      statuses.push([answer.status, answer.headers.get("retry-after")]);
      expect(violationLocations(answer.headers)).toEqual([]);
    }
    expect(statuses).toEqual([
      [503, "1"],
      [503, "1"],
      [200, null],
    ]);
    expect(await (await fetch(scenarios())).json()).toEqual({ scenarios: [] });
    await post({ operationId: "getEventInvitedUsers", status: 502 });
    expect(await (await fetch(scenarios(), { method: "DELETE" })).json()).toEqual({ cleared: 1 });
  });

  test("a bad scenario is a 400 naming the problem; their number and size are bounded", async () => {
    for (const [body, detail] of [
      ["{", "the body must be one JSON scenario"],
      [
        { operationId: "getNothing", status: 503 },
        "operationId must be one of getCourseDashboardUsers, getCourseInvitedUsers, getEventInvitedUsers",
      ],
      [{ operationId: "getCourseInvitedUsers", status: 418 }, "getCourseInvitedUsers declares"],
      [{ operationId: "getCourseInvitedUsers", status: 503, time: 2 }, 'unknown field "time"'],
    ] as const) {
      const answer = await fetch(scenarios(), {
        method: "POST",
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { detail: string }).detail).toContain(detail);
    }
    const huge = await fetch(scenarios(), { method: "POST", body: " ".repeat(17_000) });
    expect(huge.status).toBe(413);
    for (let i = 0; i < MAX_SCENARIOS; i++) {
      expect((await post({ operationId: "getEventInvitedUsers", status: 500, id: 4 })).status).toBe(
        201,
      );
    }
    const over = await post({ operationId: "getEventInvitedUsers", status: 500 });
    expect([over.status, await over.json()]).toEqual([
      400,
      {
        detail: `community-api-mock: at most ${MAX_SCENARIOS} scenarios can be active at once; clear them first`,
      },
    ]);
    expect((await fetch(scenarios(), { method: "PUT" })).status).toBe(405);
  });
});

describe("the front", () => {
  test("HEAD is answered like GET, without a body", async () => {
    const response = await fetch(`${mock.url}/api/v2/course/1/users/`, {
      method: "HEAD",
      headers: { authorization: `Bearer ${manager(1)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/json/);
    expect(await response.text()).toBe("");
  });

  test("parameter names are case-sensitive, although Prism lowercases them", async () => {
    const plain = await get("/api/v2/course/1/users/?limit=3", manager(1));
    const shouting = await get("/api/v2/course/1/users/?limit=3&LIMIT=abc&Ordering=x", manager(1));
    expect(shouting.status).toBe(200);
    expect((shouting.body as { results: unknown }).results).toEqual(
      (plain.body as { results: unknown }).results,
    );
  });

  test("Prism's own instructions (__code, __server, Prefer: example=) change nothing", async () => {
    const plain = await get("/api/v2/course/1/users/?limit=3", manager(1));
    const tricked = await get(
      "/api/v2/course/1/users/?limit=3&__code=abc&__server=http://x&__example=y",
      manager(1),
    );
    expect(tricked.status).toBe(200);
    expect((tricked.body as { results: unknown }).results).toEqual(
      (plain.body as { results: unknown }).results,
    );
    const prefer = await fetch(`${mock.url}/api/v2/course/1/users/?limit=3`, {
      headers: { authorization: `Bearer ${manager(1)}`, prefer: "example=lastPage, dynamic=true" },
    });
    expect(prefer.status).toBe(200);
    expect(await prefer.json()).toEqual(plain.body);
  });

  test("next/previous are built from the request's Host header", async () => {
    const body = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        `${mock.url}/api/v2/course/1/users/?limit=2&offset=2`,
        { headers: { host: "community.example.com", authorization: `Bearer ${manager(1)}` } },
        (res) => {
          let text = "";
          res.on("data", (c: Buffer) => (text += c.toString()));
          res.on("end", () => resolve(text));
        },
      );
      req.on("error", reject);
      req.end();
    });
    const page = JSON.parse(body) as { next: string; previous: string };
    expect(page.next).toBe("http://community.example.com/api/v2/course/1/users/?limit=2&offset=4");
    expect(page.previous).toBe("http://community.example.com/api/v2/course/1/users/?limit=2");
  });

  test("a long URL passes every hop; an oversized one gets the front's 431, not a 5xx", async () => {
    // As long as the front reads (MAX_TARGET_LENGTH; past it a 414: front-limits.test.ts).
    const search = "%C3%A9".repeat(Math.floor((MAX_TARGET_LENGTH - 40) / 6));
    const long = await get(`/api/v2/course/1/users/?search=${search}`, manager(1));
    expect(long.status).toBe(200);
    const oversized = await fetch(
      `${mock.url}/api/v2/course/1/users/?search=${"a".repeat(20_000)}`,
      {
        headers: { authorization: `Bearer ${manager(1)}` },
      },
    );
    expect(oversized.status).toBe(431);
    expect((await call(http, `${mock.url}/health`)).status).toBe(200);
  });

  test("a request body is dropped, as the API ignores it", async () => {
    const response = await fetch(`${mock.url}/api/v2/course/1/users/?limit=1`, {
      method: "POST",
      headers: { authorization: `Bearer ${manager(1)}`, "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(405);
  });

  test("no contract breach was logged", () => {
    expect(log.filter((line) => line.includes("contract breach"))).toEqual([]);
  });
});
