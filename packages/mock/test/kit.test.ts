// The API's semantics, checked on the in-process kit (the same handler the HTTP mock runs).
import { describe, expect, test } from "vitest";
import {
  createDataset,
  createMockFetch,
  createMockHandler,
  DEFAULT_PAGE_SIZE,
  handleRequest,
  TEST_TOKENS,
  testToken,
  WARNING_HEADER,
} from "../src/kit/index.js";
import { allPages, call, reportedFields } from "./support/http.js";
import {
  expectedCourseInviteIds,
  expectedDashboardIds,
  expectedEventInviteIds,
} from "./support/oracle.js";

const BASE = "http://mock.test";
const dataset = createDataset({ seed: 1 });
const fetcher = createMockFetch({ dataset, baseUrl: BASE });
const manager = TEST_TOKENS.courseManager;
const users = (id: number) => `${BASE}/api/v2/course/${id}/users/`;

describe("paging", () => {
  test("defaults to 20 per page with DRF-style absolute links", async () => {
    const { status, body } = await call(fetcher, users(1), manager);
    expect(status).toBe(200);
    const page = body as { count: number; next: string; previous: null; results: unknown[] };
    expect(DEFAULT_PAGE_SIZE).toBe(20);
    expect(page.results).toHaveLength(20);
    expect(page.next).toBe(`${BASE}/api/v2/course/1/users/?limit=20&offset=20`);
    expect(page.previous).toBeNull();
  });

  test("next keeps other parameters (sorted, as DRF writes them); previous drops offset at 0", async () => {
    const url = `${users(1)}?search=a&ordering=last_active_at&offset=3&limit=2`;
    const page = (await call(fetcher, url, manager)).body as { next: string; previous: string };
    expect(page.next).toBe(`${users(1)}?limit=2&offset=5&ordering=last_active_at&search=a`);
    expect(page.previous).toBe(`${users(1)}?limit=2&offset=1&ordering=last_active_at&search=a`);
    const second = (await call(fetcher, `${users(1)}?limit=2&offset=2`, manager)).body as {
      previous: string;
    };
    expect(second.previous).toBe(`${users(1)}?limit=2`);
  });

  test("links encode like DRF: JSON statuses, spaces as +, unicode", async () => {
    const statuses = encodeURIComponent('["joined","manager"]');
    const url = `${users(1)}?statuses=${statuses}&search=${encodeURIComponent("a ü")}&limit=1`;
    const page = (await call(fetcher, url, manager)).body as { next: string | null; count: number };
    expect(page.count).toBeGreaterThan(1);
    expect(page.next).toBe(
      `${users(1)}?limit=1&offset=1&search=a+%C3%BC&statuses=%5B%22joined%22%2C%22manager%22%5D`,
    );
  });

  test("walking every page of every list covers count exactly, without duplicates", async () => {
    const lists = [
      ...dataset.courses.map((c) => ({
        url: users(c.id),
        token: testToken({ resource: "course", id: c.id, role: "creator" }),
      })),
      ...dataset.courses.map((c) => ({
        url: `${BASE}/api/v2/course/${c.id}/invite/`,
        token: testToken({ resource: "course", id: c.id, role: "manager" }),
      })),
      ...dataset.events.map((e) => ({
        url: `${BASE}/api/v2/event/${e.id}/invite/`,
        token: testToken({ resource: "event", id: e.id, role: "manager" }),
      })),
    ];
    for (const { url, token } of lists) {
      for (const limit of [1, 7, 20, 1000]) {
        const pages = await allPages(fetcher, `${url}?limit=${limit}`, token);
        const ids = pages.flatMap((p) => p.results.map((r) => r.id));
        expect(new Set(ids).size, url).toBe(ids.length);
        expect(ids.length, url).toBe(pages[0]?.count);
      }
    }
  });

  test("an offset past the end gives an empty page with a previous link", async () => {
    const page = (await call(fetcher, `${users(1)}?offset=100000&limit=5`, manager)).body as {
      results: unknown[];
      next: null;
      previous: string;
    };
    expect(page.results).toEqual([]);
    expect(page.next).toBeNull();
    expect(page.previous).toBe(`${users(1)}?limit=5&offset=99995`);
  });

  test("huge limit and offset values stay exact in links", async () => {
    const big = "123456789012345678901234567890";
    const page = (await call(fetcher, `${users(1)}?offset=${big}&limit=${big}`, manager)).body as {
      previous: string;
    };
    expect(page.previous).toBe(`${users(1)}?limit=${big}`);
  });
});

describe("filters and ordering", () => {
  const ids = async (query: string, course = 1) => {
    const pages = await allPages(
      fetcher,
      `${users(course)}?limit=50${query}`,
      testToken({ resource: "course", id: course, role: "manager" }),
    );
    return pages.flatMap((p) => p.results.map((r) => r.id));
  };

  test("the default is statuses manager+joined, newest join first", async () => {
    for (const course of dataset.courses) {
      expect(await ids("", course.id)).toEqual(expectedDashboardIds(dataset, course.id));
    }
  });

  test.each(["joined_at", "-joined_at", "last_active_at", "-last_active_at"])(
    "ordering=%s (nulls last, ties by id)",
    async (ordering) => {
      const statuses = [
        "creator",
        "manager",
        "joined",
        "invited",
        "requested",
        "payment_waiting",
      ] as const;
      const query = `&ordering=${ordering}&statuses=${encodeURIComponent(JSON.stringify(statuses))}`;
      const got = await ids(query);
      expect(got).toEqual(expectedDashboardIds(dataset, 1, { ordering, statuses }));
    },
  );

  test("statuses as a bare value or a JSON array", async () => {
    expect(await ids("&statuses=creator")).toEqual(
      expectedDashboardIds(dataset, 1, { statuses: ["creator"] }),
    );
    expect(await ids("&statuses=payment_waiting")).toHaveLength(
      dataset.courses[0]?.members.filter((m) => m.join_status === "payment_waiting").length ?? -1,
    );
    const both = encodeURIComponent('[ "invited" ,"requested"]');
    expect(await ids(`&statuses=${both}`)).toEqual(
      expectedDashboardIds(dataset, 1, { statuses: ["invited", "requested"] }),
    );
  });

  test("search is a case-insensitive substring of username or real name, per term", async () => {
    const someone = dataset.users.find(
      (u) => u.real_name.includes(" ") && /[^ -~]/.test(u.real_name),
    );
    expect(someone).toBeDefined();
    for (const search of [
      "a",
      "ANNA",
      "zoë",
      "ZOË",
      "o'",
      someone?.real_name.toUpperCase() ?? "",
      "rossi anna",
      "xyz-none",
      "_",
    ]) {
      const got = await ids(
        `&search=${encodeURIComponent(search)}&statuses=${encodeURIComponent(JSON.stringify(["creator", "manager", "joined", "invited", "requested", "payment_waiting"]))}`,
      );
      expect(got, search).toEqual(
        expectedDashboardIds(dataset, 1, {
          search,
          statuses: ["creator", "manager", "joined", "invited", "requested", "payment_waiting"],
        }),
      );
    }
  });

  test("invite lists hold exactly the pending invitations, by id", async () => {
    for (const course of dataset.courses) {
      const pages = await allPages(
        fetcher,
        `${BASE}/api/v2/course/${course.id}/invite/?limit=100`,
        testToken({ resource: "course", id: course.id, role: "creator" }),
      );
      const results = pages.flatMap((p) => p.results);
      expect(results.map((r) => r.id)).toEqual(expectedCourseInviteIds(dataset, course.id));
      for (const r of results)
        expect(Object.keys(r).sort()).toEqual(["avatar", "ext_id", "id", "real_name", "username"]);
    }
    for (const event of dataset.events) {
      const pages = await allPages(
        fetcher,
        `${BASE}/api/v2/event/${event.id}/invite/?limit=100`,
        testToken({ resource: "event", id: event.id, role: "manager" }),
      );
      expect(pages.flatMap((p) => p.results.map((r) => r.id))).toEqual(
        expectedEventInviteIds(dataset, event.id),
      );
    }
  });
});

describe("roles and errors", () => {
  const matrix = [
    { token: "course-1-creator", course: 200, invite: 200, event: 403 },
    { token: "course-1-manager", course: 200, invite: 200, event: 403 },
    { token: "course-1-member", course: 403, invite: 403, event: 403 },
    { token: "course-2-manager", course: 403, invite: 403, event: 403 },
    { token: "event-1-manager", course: 403, invite: 403, event: 200 },
    { token: "event-1-member", course: 403, invite: 403, event: 403 },
    { token: "event-2-manager", course: 403, invite: 403, event: 403 },
  ];
  test.each(matrix)("$token", async ({ token, course, invite, event }) => {
    expect((await call(fetcher, users(1), token)).status).toBe(course);
    expect((await call(fetcher, `${BASE}/api/v2/course/1/invite/`, token)).status).toBe(invite);
    expect((await call(fetcher, `${BASE}/api/v2/event/1/invite/`, token)).status).toBe(event);
  });

  test("401: no token says so in {detail}; an unknown token in {errors}", async () => {
    const missing = await call(fetcher, users(1));
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ detail: "Authentication credentials were not provided." });
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    for (const token of [
      "nope",
      "course-99-manager",
      "event-1-creator",
      "course-1-manager x",
      "",
    ]) {
      const answer = await call(fetcher, users(1), token);
      expect(answer.status, token).toBe(401);
    }
    const unknown = await call(fetcher, users(1), "nope");
    expect(unknown.body).toEqual({
      errors: [{ code: "authentication_failed", message: "Invalid token." }],
    });
    const basic = await fetcher(users(1), { headers: { authorization: "Basic abc" } });
    expect(basic.status).toBe(401);
  });

  test("404 for unknown ids (before 403) and unknown paths (before 401)", async () => {
    expect((await call(fetcher, users(7), "course-1-member")).status).toBe(404);
    expect((await call(fetcher, `${BASE}/api/v2/event/5/invite/`, "course-1-member")).status).toBe(
      404,
    );
    expect((await call(fetcher, users(0), manager)).body).toEqual({ detail: "Not found." });
    for (const path of [
      "/api/v2/course/abc/users/",
      "/api/v2/course/1/users",
      "/api/v2/event/1/users/",
      "/",
      "/api/v2/course/%31/users/",
      `/api/v2/course/${"9".repeat(19)}/users/`,
    ]) {
      expect((await call(fetcher, `${BASE}${path}`)).status, path).toBe(404);
    }
    expect((await call(fetcher, `${BASE}/api/v2/course/001/users/`, manager)).status).toBe(200);
  });

  test("400 names every invalid parameter, after auth and permission", async () => {
    const bad = await call(
      fetcher,
      `${users(1)}?limit=0&offset=-1&statuses=bogus&ordering=name&search=a&search=b`,
      manager,
    );
    expect(bad.status).toBe(400);
    expect(reportedFields(bad.body)).toEqual(["limit", "offset", "search", "statuses", "ordering"]);
    expect(bad.body).toMatchObject({
      errors: [
        { field: "limit", messages: [{ code: "min_value" }] },
        // -1 is an integer below the minimum, not a malformed one: the message says which.
        {
          field: "offset",
          messages: [
            { code: "min_value", message: "Ensure this value is greater than or equal to 0." },
          ],
        },
        { field: "search", messages: [{ code: "invalid" }] },
        {
          field: "statuses",
          messages: [{ code: "invalid_choice", message: '"bogus" is not a valid choice.' }],
        },
        { field: "ordering", messages: [{ code: "invalid_choice" }] },
      ],
    });
    expect((await call(fetcher, `${users(1)}?limit=0`)).status).toBe(401);
    expect((await call(fetcher, `${users(1)}?limit=0`, "course-1-member")).status).toBe(403);
    expect((await call(fetcher, `${users(9)}?limit=0`, manager)).status).toBe(404);
  });

  test.each([
    ["limit", "abc"],
    ["limit", "1.0"],
    ["limit", "1e2"],
    ["limit", " 1"],
    ["limit", "0x10"],
    ["limit", "-1"],
    ["offset", "x"],
    ["statuses", "[]"],
    ["statuses", '["joined",]'],
    ["statuses", '["jo\\u0069ned"]'],
    ["statuses", '"joined"'],
    ["statuses", "joined,manager"],
    ["statuses", '[\u00a0"joined"]'],
    ["ordering", "joined"],
  ])("400 for %s=%s", async (name, value) => {
    const answer = await call(fetcher, `${users(1)}?${name}=${encodeURIComponent(value)}`, manager);
    expect(answer.status).toBe(400);
    expect(reportedFields(answer.body)).toEqual([name]);
  });

  test("empty values count as absent; unknown and invite-irrelevant parameters are ignored", async () => {
    const plain = (await call(fetcher, users(1), manager)).body as { results: unknown };
    const empty = (
      await call(fetcher, `${users(1)}?limit=&offset=&statuses=&ordering=&search=`, manager)
    ).body as { results: unknown };
    expect(empty.results).toEqual(plain.results);
    expect(
      (await call(fetcher, `${BASE}/api/v2/course/1/invite/?ordering=bogus&foo=1`, manager)).status,
    ).toBe(200);
  });

  test("other methods are 405 once authenticated; HEAD is GET without a body", async () => {
    expect(
      (await fetcher(users(1), { method: "POST", headers: { authorization: `Bearer ${manager}` } }))
        .status,
    ).toBe(405);
    expect((await fetcher(users(1), { method: "DELETE" })).status).toBe(401);
    const head = await fetcher(users(1), {
      method: "HEAD",
      headers: { authorization: `Bearer ${manager}` },
    });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });
});

describe("kit entry points", () => {
  test("createMockFetch takes strings, URLs and Requests; relative strings use baseUrl", async () => {
    const init = { headers: { authorization: `Bearer ${manager}` } };
    const local = createMockFetch();
    const relative = await local("/api/v2/course/1/users/?limit=1", init);
    expect(((await relative.json()) as { next: string }).next).toBe(
      "http://127.0.0.1:4010/api/v2/course/1/users/?limit=1&offset=1",
    );
    expect((await local(new URL(`${BASE}/api/v2/course/1/users/`), init)).status).toBe(200);
    expect((await local(new Request(`${BASE}/api/v2/course/1/users/`, init))).status).toBe(200);
  });

  test("an aborted signal rejects like fetch", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(fetcher(users(1), { signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
  });

  test("handleRequest serves seed 1; createMockHandler({ seed }) another dataset", async () => {
    const request = () =>
      new Request(users(1), { headers: { authorization: `Bearer ${manager}` } });
    const a = await (await handleRequest(request())).json();
    const b = await (await createMockHandler({ seed: 1 })(request())).json();
    const c = await (await createMockHandler({ seed: 2 })(request())).json();
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });
});

describe("request forms the API silently misreads", () => {
  test("statuses[] is ignored, as the API ignores it, and the answer says so", async () => {
    const warnings: string[] = [];
    const warned = createMockFetch({ dataset, baseUrl: BASE, onWarning: (w) => warnings.push(w) });
    const init = { headers: { Authorization: `Bearer ${manager}` } };
    const brackets = await warned(`${users(1)}?statuses[]=invited&statuses[]=requested`, init);
    const plain = await warned(users(1), init);
    expect(brackets.status).toBe(200);
    // The default filter applies, exactly as without the parameter (links keep it, as DRF's do).
    const [got, want] = [await brackets.json(), await plain.json()];
    expect([got.count, got.results]).toEqual([want.count, want.results]);
    const header = brackets.headers.get(WARNING_HEADER) ?? "";
    expect(header).toContain("statuses[] is not a parameter of this API");
    expect(header).toContain('statuses=["creator","manager"]');
    expect(plain.headers.get(WARNING_HEADER)).toBeNull();
    expect(warnings).toEqual([
      `GET /api/v2/course/1/users/?statuses[]=invited&statuses[]=requested: ${header}`,
    ]);
  });
});
