import { createCommunityCoreClient, paginate } from "@community-api/client";

// The same client without the `paginate`/`pages` properties: a bundle that never paginates
// leaves the pagination code out.
const client = createCommunityCoreClient({
  baseUrl: process.env.COMMUNITY_API_URL ?? "http://127.0.0.1:4010",
  token: process.env.COMMUNITY_API_TOKEN ?? "course-1-manager",
});

const first = await client.getCourseDashboardUsers(1, { limit: 5 });
console.log(`${first.results.length} of ${first.count} members`);

// paginate() walks any named list method; the options are that list's filters plus
// pageSize, offset, maxPages and the per-call options. paginatePages() yields whole pages.
let joined = 0;
for await (const user of paginate(client.getCourseDashboardUsers, 1, {
  statuses: ["joined"],
  pageSize: 100,
  maxPages: 2, // optional cap
})) {
  if (user.join_status === "joined") joined += 1;
}
console.log(`${joined} joined members`);
