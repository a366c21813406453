import { createCommunityClient } from "@community-api/client";

const client = createCommunityClient({
  baseUrl: process.env.COMMUNITY_API_URL ?? "http://127.0.0.1:4010",
  token: process.env.COMMUNITY_API_TOKEN ?? "course-1-manager",
});

// Members and managers of course 1 who match "anna", most recently active first.
const page = await client.getCourseDashboardUsers(1, {
  limit: 20,
  statuses: ["joined", "manager"], // sent as statuses=["joined","manager"]
  ordering: "-last_active_at",
  search: "anna",
});
console.log(`${page.count} members`);
for (const user of page.results) {
  console.log(user.username, user.join_status, `${user.user_completion_rate}%`);
}
