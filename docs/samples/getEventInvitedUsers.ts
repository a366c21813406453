// The first page of pending invitations to event 1, with typed errors.
import { createCommunityClient, NotFoundError, PermissionDeniedError } from "@community-api/client";

const client = createCommunityClient({
  baseUrl: process.env.COMMUNITY_API_URL ?? "http://127.0.0.1:4010",
  token: process.env.COMMUNITY_API_TOKEN ?? "event-1-manager",
});

try {
  const page = await client.getEventInvitedUsers(1, { limit: 20 });
  console.log(`${page.count} pending invitations`);
  for (const user of page.results) {
    console.log(user.id, user.username, user.real_name);
  }
} catch (error) {
  if (error instanceof PermissionDeniedError) {
    console.error("this token's user is not a manager of event 1");
  } else if (error instanceof NotFoundError) {
    console.error("there is no event 1");
  }
  throw error;
}
