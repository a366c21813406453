// Child process of the compression-bomb test: ONE call of the built client, in a fresh process,
// so that its peak resident memory is the call's alone (plus Node's own).
//   node read-bomb-child.mjs <baseUrl> <named|raw> [maxResponseSize]
// The token comes from COMMUNITY_API_TOKEN. Prints one JSON line: the error's name, status and
// message, the ms from the call to the error, and the process's peak RSS in bytes.
import { createCommunityClient } from "@community-api/client";

const [baseUrl = "", how, limit] = process.argv.slice(2);
const client = createCommunityClient({
  baseUrl,
  token: process.env.COMMUNITY_API_TOKEN,
  maxRetries: 0,
  ...(limit && { maxResponseSize: Number(limit) }),
});

const started = performance.now();
let error;
try {
  if (how === "raw") {
    await client.GET("/api/v2/course/{id}/users/", { params: { path: { id: "1" } } });
  } else {
    await client.getCourseDashboardUsers(1);
  }
} catch (caught) {
  error = caught;
}
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({
    name: error?.name,
    status: error?.status,
    message: error?.message,
    ms,
    // resourceUsage() reports kilobytes.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
