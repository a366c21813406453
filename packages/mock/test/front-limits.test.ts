// The front bounds what Prism is given to read: a target longer than MAX_TARGET_LENGTH gets a
// 414, more than MAX_QUERY_PARAMETERS query parameters a 400, both naming the limit and before
// Prism sees them. Eight targets of 7,900 empty parameters at once used to make /health answer
// 503 for a live Prism and a plain page take seconds. CORS preflights still reach Prism.
import { afterAll, beforeAll, expect, test } from "vitest";
import { MAX_QUERY_PARAMETERS, MAX_TARGET_LENGTH } from "../src/server/request-target.js";
import { type RunningMock, startMock } from "../src/server/start-mock.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, mode: "realistic", seed: 1, log: () => {} });
});
afterAll(() => mock?.stop());

const PATH = "/api/v2/course/1/users/";
const headers = { authorization: "Bearer course-1-manager" };
/** `count` empty parameters: `a&a&…`. */
const empties = (count: number) => Array.from({ length: count }, () => "a").join("&");

async function get(target: string, timeoutMs = 10_000) {
  const started = performance.now();
  const response = await fetch(`${mock.url}${target}`, {
    headers,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

test("the limits are above any legitimate request of the spec, and answered at their edge", async () => {
  // The longest search a person could type (255 three-byte characters, percent-encoded) passes.
  const search = encodeURIComponent("€".repeat(255));
  expect((await get(`${PATH}?limit=5&offset=0&search=${search}&ordering=joined_at`)).status).toBe(
    200,
  );

  const atLength = `${PATH}?limit=1&search=`;
  const longest = `${atLength}${"x".repeat(MAX_TARGET_LENGTH - atLength.length)}`;
  expect((await get(longest)).status).toBe(200);
  const tooLong = await get(`${longest}x`);
  expect(tooLong.status).toBe(414);
  expect(JSON.parse(tooLong.text)).toEqual({
    detail: `Request-URI too long: the request target has ${MAX_TARGET_LENGTH + 1} characters; the mock reads at most ${MAX_TARGET_LENGTH}.`,
  });

  expect((await get(`${PATH}?${empties(MAX_QUERY_PARAMETERS)}`)).status).toBe(200);
  const tooMany = await get(`${PATH}?${empties(MAX_QUERY_PARAMETERS + 1)}`);
  expect(tooMany.status).toBe(400);
  expect(JSON.parse(tooMany.text)).toEqual({
    detail: `Bad request: ${MAX_QUERY_PARAMETERS + 1} query parameters; the mock reads at most ${MAX_QUERY_PARAMETERS}.`,
  });
});

test("eight parameter-heavy targets at once: /health 200 and a plain page within 1 s", async () => {
  // The target (15.8 KB, 7,900 parameters) and the most parameters that fit the length.
  for (const target of [
    `${PATH}?${empties(7900)}`,
    `${PATH}?${empties(Math.floor((MAX_TARGET_LENGTH - PATH.length) / 2))}`,
  ]) {
    // Settled, not awaited last: a failure below must not leave them as unhandled rejections.
    const heavy = Promise.allSettled(Array.from({ length: 8 }, () => get(target)));
    const [health, page] = await Promise.all([
      fetch(`${mock.url}/health`, { signal: AbortSignal.timeout(5_000) }),
      get(`${PATH}?limit=5`, 1_000),
    ]);
    expect(health.status).toBe(200);
    expect(page.status).toBe(200);
    expect(page.ms).toBeLessThan(1_000);
    for (const answer of await heavy) {
      expect(answer.status === "fulfilled" && answer.value.status).toBe(
        target.length > MAX_TARGET_LENGTH ? 414 : 400,
      );
    }
  }
});

test("CORS preflights are answered as before (browser apps on another origin)", async () => {
  for (const target of [`${PATH}?limit=5`, "/api/v2/event/1/invite/"]) {
    const response = await fetch(`${mock.url}${target}`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization",
      },
    });
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "access-control-allow-origin": "http://localhost:5173",
      "access-control-allow-methods": "GET",
      "access-control-allow-headers": "authorization",
      "access-control-allow-credentials": "true",
    });
  }
});
