// A bad day in your tests, staged with MSW: the client's requests never leave the process.
import {
  createCommunityClient,
  RateLimitError,
  ServerError,
  TimeoutError,
} from "@community-api/client";
import { TEST_TOKENS } from "@community-api/mock";
import { createMswHandlers, scenario } from "@community-api/mock/msw";
import { setupServer } from "msw/node";

const server = setupServer(...createMswHandlers());
server.listen({ onUnhandledRequest: "error" });
const client = createCommunityClient({
  baseUrl: "https://community.example.com",
  token: TEST_TOKENS.courseManager,
});

// 503 twice, then the normal answer: the client retries and resolves.
server.use(scenario("getCourseDashboardUsers", { status: 503, times: 2, retryAfter: 0 }));
const page = await client.getCourseDashboardUsers(1, { limit: 1 });
console.log(`after two 503s: ${page.results.length} user`);

// 429 with Retry-After: 1 on every request: the client waits 1 s, retries once, then throws.
server.use(scenario("getCourseDashboardUsers", { status: 429, retryAfter: 1 }));
await client.getCourseDashboardUsers(1, {}, { maxRetries: 1 }).catch((error: unknown) => {
  if (!(error instanceof RateLimitError)) throw error;
  console.log(`429, retry after ${error.headers?.get("retry-after")} s`);
});
server.resetHandlers();

// An answer slower than the client's timeout.
server.use(scenario("getCourseDashboardUsers", { status: 200, delayMs: 2_000, times: 1 }));
await client
  .getCourseDashboardUsers(1, {}, { timeout: 500, maxRetries: 0 })
  .catch((error: unknown) => {
    if (!(error instanceof TimeoutError)) throw error;
    console.log("timed out");
  });
server.resetHandlers();

// A 503 on page 3 of a walk: staged once two pages of 5 are read.
const seen: number[] = [];
try {
  for await (const user of client.paginate.courseDashboardUsers(1, {
    pageSize: 5,
    maxRetries: 0,
  })) {
    seen.push(user.id);
    if (seen.length === 10)
      server.use(scenario("getCourseDashboardUsers", { status: 503, times: 1 }));
  }
} catch (error) {
  if (!(error instanceof ServerError)) throw error;
  console.log(`${error.status} after ${seen.length} users`);
}
server.close();
