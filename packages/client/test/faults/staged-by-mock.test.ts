// The client on a bad day, staged by the realistic mock (a real Prism process, started once for
// this file, its own so that its scenarios reach no other test): 503s that pass, a 429 whose
// Retry-After is honoured, an answer slower than the timeout, a 503 in the middle of a walk.
// Each staged answer is the spec's, validated by Prism on its way out.
import { startMock, TEST_TOKENS } from "@community-api/mock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createCommunityClient,
  RateLimitError,
  ServerError,
  TimeoutError,
} from "../../src/index.js";

let mock: Awaited<ReturnType<typeof startMock>>;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(() => mock?.stop());
afterEach(async () => {
  await fetch(`${mock.url}/__mock/scenarios`, { method: "DELETE" });
});

/** Stages `scenario` on the mock, as an end-to-end test whose app sets no headers would. */
async function stage(scenario: Record<string, unknown>): Promise<void> {
  const created = await fetch(`${mock.url}/__mock/scenarios`, {
    method: "POST",
    body: JSON.stringify({ operationId: "getCourseDashboardUsers", ...scenario }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
}

/** A client on the mock whose requests are timed as they leave. */
function observed(options: { maxRetries?: number; timeout?: number } = {}) {
  const sent: number[] = [];
  const client = createCommunityClient({
    baseUrl: mock.url,
    token: TEST_TOKENS.courseManager,
    ...options,
    fetch: (input, init) => {
      sent.push(Date.now());
      return fetch(input, init);
    },
  });
  return { client, sent };
}

describe("staged by the mock", () => {
  it("503 twice, then 200: the named method resolves after three requests", async () => {
    await stage({ status: 503, times: 2, retryAfter: 0 });
    const { client, sent } = observed();
    const page = await client.getCourseDashboardUsers(1, { limit: 2 });
    expect(page.results).toHaveLength(2);
    expect(sent).toHaveLength(3);
  });

  it("429 with Retry-After: 1: the wait is honoured, then a RateLimitError past maxRetries", async () => {
    await stage({ status: 429, retryAfter: 1 });
    const { client, sent } = observed({ maxRetries: 1 });
    const error = await client.getCourseDashboardUsers(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers?.get("retry-after")).toBe("1");
    expect(sent).toHaveLength(2);
    expect((sent[1] ?? 0) - (sent[0] ?? 0)).toBeGreaterThanOrEqual(1_000);
  });

  it("an answer slower than the timeout is a TimeoutError", async () => {
    await stage({ status: 200, delayMs: 3_000, times: 1 });
    const { client } = observed({ maxRetries: 0, timeout: 300 });
    await expect(client.getCourseDashboardUsers(1)).rejects.toBeInstanceOf(TimeoutError);
  });

  it("a 503 on page 3 stops the walk with a ServerError after the first two pages", async () => {
    const { client } = observed({ maxRetries: 0 });
    const seen: number[] = [];
    const walk = async () => {
      for await (const user of client.paginate.courseDashboardUsers(1, { pageSize: 5 })) {
        seen.push(user.id);
        if (seen.length === 10) await stage({ status: 503, times: 1 });
      }
    };
    const error = await walk().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(503);
    expect(seen).toHaveLength(10);
  });
});
