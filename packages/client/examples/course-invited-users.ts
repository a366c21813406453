import { createCommunityClient } from "@community-api/client";

const client = createCommunityClient({
  baseUrl: process.env.COMMUNITY_API_URL ?? "http://127.0.0.1:4010",
  token: process.env.COMMUNITY_API_TOKEN ?? "course-1-manager",
});

// Pending invitations to course 1, 10 per page, second page. The id may be a number or "1".
const page = await client.getCourseInvitedUsers("1", { limit: 10, offset: 10 });
console.log(`${page.count} pending invitations`);
for (const user of page.results) console.log(user.id, user.username);
