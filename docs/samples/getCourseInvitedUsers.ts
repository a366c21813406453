// Every pending invitation to course 1; `paginate` follows `next` until the last page.
import { createCommunityClient } from "@community-api/client";

const client = createCommunityClient({
  baseUrl: process.env.COMMUNITY_API_URL ?? "http://127.0.0.1:4010",
  token: process.env.COMMUNITY_API_TOKEN ?? "course-1-manager",
});

for await (const user of client.paginate.courseInvitedUsers(1, { pageSize: 50 })) {
  console.log(user.id, user.username, user.real_name);
}
