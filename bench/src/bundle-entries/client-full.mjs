import {
  createCommunityClient,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from "@community-api/client";

/** @param {string} baseUrl @param {string} token */
export async function listCourseUsers(baseUrl, token) {
  const client = createCommunityClient({ baseUrl, token, maxRetries: 3, timeout: 10_000 });
  try {
    const users = [];
    for await (const user of client.paginate.courseDashboardUsers(1, { pageSize: 20 })) {
      users.push(user);
    }
    return users;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    if (error instanceof PermissionDeniedError || error instanceof RateLimitError) return [];
    throw error;
  }
}
