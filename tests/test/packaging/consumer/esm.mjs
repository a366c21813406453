// A consumer's ES module: the client from its installed tarball against the mock started from
// its installed tarball (COMMUNITY_API_URL). Prints what it saw as one JSON line.
import { createCommunityClient, NotFoundError, SPEC_SHA256 } from "@community-api/client";
import { TEST_TOKENS } from "@community-api/mock";
import { createCommunityQueries } from "@community-api/query";
import { QueryClient } from "@tanstack/query-core";

const client = createCommunityClient({
  baseUrl: process.env.COMMUNITY_API_URL,
  token: TEST_TOKENS.courseManager,
});

const page = await client.getCourseDashboardUsers(1, {
  limit: 5,
  statuses: ["joined", "manager"],
  ordering: "-last_active_at",
});

const { count: invitedCount } = await client.getCourseInvitedUsers("1", { limit: 1 });
const invited = [];
for await (const user of client.paginate.courseInvitedUsers(1, { pageSize: 7 })) {
  invited.push(user.id);
}

let missing;
try {
  await client.getCourseInvitedUsers(99);
} catch (error) {
  missing = error instanceof NotFoundError ? error.status : String(error);
}

// The query package on the same client, through query-core (its peer, installed beside it).
const queries = createCommunityQueries(client);
const walked = await new QueryClient().fetchInfiniteQuery({
  ...queries.infinite.courseInvitedUsers(1, { pageSize: 7 }),
  pages: 2,
});

console.log(
  JSON.stringify({
    resolved: import.meta.resolve("@community-api/client"),
    count: page.count,
    results: page.results.length,
    statuses: [...new Set(page.results.map((user) => user.join_status))].sort(),
    invitedCount,
    invited: invited.length,
    uniqueInvited: new Set(invited).size,
    missing,
    specSha256: SPEC_SHA256,
    queryResolved: import.meta.resolve("@community-api/query"),
    queryItems: walked.pages.flatMap((page) => page.results).length,
  }),
);
