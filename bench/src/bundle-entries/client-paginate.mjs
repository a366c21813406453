import { createCommunityCoreClient, paginate } from "@community-api/client";

/** @param {string} baseUrl @param {string} token */
export async function listCourseUsers(baseUrl, token) {
  const client = createCommunityCoreClient({ baseUrl, token });
  const users = [];
  for await (const user of paginate(client.getCourseDashboardUsers, 1, { pageSize: 20 })) {
    users.push(user);
  }
  return users;
}
