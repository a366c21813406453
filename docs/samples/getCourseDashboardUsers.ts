// Members of course 1 with their progress, most recently active first.
import { createCommunityClient } from "@community-api/client";

const client = createCommunityClient({
  baseUrl: process.env.COMMUNITY_API_URL ?? "http://127.0.0.1:4010",
  token: process.env.COMMUNITY_API_TOKEN ?? "course-1-manager",
});

const page = await client.getCourseDashboardUsers(1, {
  limit: 20,
  // Sent as ONE parameter: statuses=["joined","manager"]
  statuses: ["joined", "manager"],
  ordering: "-last_active_at",
});

console.log(`${page.count} members`);
for (const member of page.results) {
  console.log(member.username, member.join_status, `${member.user_completion_rate}%`);
}
