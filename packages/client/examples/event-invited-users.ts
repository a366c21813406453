import { createCommunityClient } from "@community-api/client";

const client = createCommunityClient({
  baseUrl: process.env.COMMUNITY_API_URL ?? "http://127.0.0.1:4010",
  // A function is called before every request: return a fresh token when yours expires.
  token: async () => process.env.COMMUNITY_API_TOKEN ?? "event-1-manager",
});

// Pending invitations to event 1, with the server's default page size.
const page = await client.getEventInvitedUsers(1);
console.log(`${page.count} pending invitations`);
for (const user of page.results) console.log(user.id, user.username);
