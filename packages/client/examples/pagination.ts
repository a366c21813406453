import { createCommunityClient } from "@community-api/client";

const client = createCommunityClient({
  baseUrl: process.env.COMMUNITY_API_URL ?? "http://127.0.0.1:4010",
  token: process.env.COMMUNITY_API_TOKEN ?? "course-1-manager",
});

// Every user, page after page: the client follows `next` through your base URL.
let seen = 0;
for await (const user of client.paginate.courseDashboardUsers(1, {
  statuses: "joined",
  pageSize: 50,
  maxPages: 2, // optional cap
})) {
  seen += 1;
  console.log(user.username);
}

// Page by page, with the total count.
for await (const page of client.pages.courseInvitedUsers(1, { pageSize: 100, maxPages: 1 })) {
  console.log(`page of ${page.results.length}, ${page.count} in total, ${seen} members seen`);
}
// client.paginate.eventInvitedUsers(1) and client.pages.* work the same way.
