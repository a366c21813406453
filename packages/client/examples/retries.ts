import { createCommunityClient } from "@community-api/client";

// GETs are retried after a network error, a timeout, 408, 429 and 5xx, with exponential
// backoff and jitter, waiting as the server's Retry-After says (up to 60 s).
const client = createCommunityClient({
  baseUrl: process.env.COMMUNITY_API_URL ?? "http://127.0.0.1:4010",
  token: process.env.COMMUNITY_API_TOKEN ?? "course-1-manager",
  maxRetries: 4, // default 2
  timeout: 10_000, // per attempt, in ms; default 30 000
});

// Per call: no retries, a 5 s timeout, and your own signal to cancel it.
const controller = new AbortController();
const page = await client.getCourseDashboardUsers(
  1,
  { limit: 10 },
  { maxRetries: 0, timeout: 5_000, signal: controller.signal },
);
console.log(`${page.results.length} of ${page.count}`);
