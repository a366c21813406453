// Staged answers in process: the kit's `scenarios` and MSW's `scenario()` give the realistic
// 429/5xx answers (judged by the contract check), count down their `times`, wait `delayMs`, and
// refuse what the spec does not declare, naming it.
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createContractCheck } from "../src/contract/index.js";
import { createMockFetch, type Scenario, TEST_TOKENS } from "../src/kit/index.js";
import { createMswHandlers, scenario } from "../src/msw/index.js";
import { call } from "./support/http.js";

const BASE = "https://community.example.com";
const users = (id: number) => `${BASE}/api/v2/course/${id}/users/`;
const manager = TEST_TOKENS.courseManager;
const breaches: unknown[] = [];
const kitWith = (...scenarios: Scenario[]) =>
  createMockFetch({
    baseUrl: BASE,
    scenarios,
    contract: createContractCheck({ onBreach: (b) => breaches.push(b) }),
  });
afterEach(() => expect(breaches).toEqual([]));

describe("createMockFetch({ scenarios })", () => {
  test("503 twice, then the normal answers; other operations untouched", async () => {
    const fetch = kitWith({ operationId: "getCourseDashboardUsers", status: 503, times: 2 });
    const invites = await call(fetch, `${BASE}/api/v2/course/1/invite/`, manager);
    expect(invites.status).toBe(200);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await call(fetch, users(1), manager));
    expect(answers.map((a) => a.status)).toEqual([503, 503, 200]);
    expect(answers[0]?.body).toEqual({
      detail: "Service temporarily unavailable, try again later.",
    });
    expect(answers[0]?.headers.get("retry-after")).toBeNull();
  });

  test("429 carries Retry-After (1 s unless given) and DRF's wording; staged even without a token", async () => {
    const fetch = kitWith(
      { operationId: "getCourseDashboardUsers", status: 429, times: 1 },
      { operationId: "getCourseDashboardUsers", status: 429, retryAfter: 2, times: 1 },
    );
    const first = await call(fetch, users(1));
    expect([first.status, first.headers.get("retry-after"), first.body]).toEqual([
      429,
      "1",
      { detail: "Request was throttled. Expected available in 1 second." },
    ]);
    const second = await call(fetch, users(1), manager);
    expect([second.headers.get("retry-after"), second.body]).toEqual([
      "2",
      { detail: "Request was throttled. Expected available in 2 seconds." },
    ]);
    expect((await call(fetch, users(1))).status).toBe(401);
  });

  test("`id` narrows a scenario to one course; a 2xx scenario only delays the normal answer", async () => {
    const fetch = kitWith(
      { operationId: "getCourseDashboardUsers", status: 500, id: 2 },
      { operationId: "getCourseDashboardUsers", status: 200, delayMs: 150, times: 1 },
    );
    expect((await call(fetch, users(2), TEST_TOKENS.courseManager)).status).toBe(500);
    const started = Date.now();
    expect((await call(fetch, users(1), manager)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await call(fetch, users(2), manager)).status).toBe(500);
  });

  test("a delayed answer gives way to the caller's abort, with its reason", async () => {
    const fetch = kitWith({ operationId: "getCourseDashboardUsers", status: 503, delayMs: 5_000 });
    const reason = new Error("gave up");
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 20);
    await expect(fetch(users(1), { signal: controller.signal })).rejects.toBe(reason);
  });

  test.each([
    [
      { status: 418 },
      "getCourseDashboardUsers declares 200, 400, 401, 403, 404, 429, 500, 502, 503, 504; not 418",
    ],
    [
      { status: 404, retryAfter: 1 },
      "the spec declares no Retry-After header on getCourseDashboardUsers's 404",
    ],
    [
      { status: 503, delayMs: 60_001 },
      "delayMs must be an integer from 0 to 60000 (ms), not 60001",
    ],
    [{ status: 503, times: 0 }, "times must be a positive integer, not 0"],
    [{ status: 503, id: "x" }, 'id must be a course or event id (a positive integer), not "x"'],
  ])("refuses %j, naming the problem", (options, problem) => {
    const bad = { operationId: "getCourseDashboardUsers", ...options } as unknown as Scenario;
    expect(() => createMockFetch({ scenarios: [bad] })).toThrow(`invalid scenario: ${problem}`);
  });
});

describe("scenario() with MSW", () => {
  const server = setupServer(...createMswHandlers({ baseUrl: BASE }));
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  const get = (url: string) => call(fetch, url, manager);

  test("answers `times` times, then the normal handlers answer again", async () => {
    server.use(scenario("getCourseDashboardUsers", { status: 429, retryAfter: 2, times: 1 }));
    const throttled = await get(users(1));
    expect([throttled.status, throttled.headers.get("retry-after")]).toEqual([429, "2"]);
    // The very answer the kit (and the HTTP mock) stage.
    const kit = await call(
      kitWith({ operationId: "getCourseDashboardUsers", status: 429, retryAfter: 2 }),
      users(1),
      manager,
    );
    expect(throttled.text).toBe(kit.text);
    expect((await get(users(1))).status).toBe(200);
  });

  test("matches its operation only; delayMs delays a 2xx's normal answer", async () => {
    server.use(
      scenario("getEventInvitedUsers", { status: 502 }),
      scenario("getCourseDashboardUsers", { status: 200, delayMs: 150, baseUrl: BASE }),
    );
    const started = Date.now();
    expect((await get(users(1))).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const event = await call(fetch, `${BASE}/api/v2/event/1/invite/`, TEST_TOKENS.eventManager);
    expect([event.status, event.body]).toEqual([502, { detail: "Bad gateway." }]);
  });

  test("an undeclared status fails at once, naming the declared ones", () => {
    // @ts-expect-error 418 is not a status getCourseDashboardUsers declares
    expect(() => scenario("getCourseDashboardUsers", { status: 418 })).toThrow(
      "getCourseDashboardUsers declares 200, 400, 401, 403, 404, 429, 500, 502, 503, 504; not 418",
    );
  });
});
