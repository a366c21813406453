import { createCommunityClient } from "@community-api/client";

/** @param {string} baseUrl @param {string} token */
export async function listCourseUsers(baseUrl, token) {
  const users = [];
  for await (const user of createCommunityClient({ baseUrl, token }).paginate.courseDashboardUsers(
    1,
    { pageSize: 20 },
  )) {
    users.push(user);
  }
  return users;
}
