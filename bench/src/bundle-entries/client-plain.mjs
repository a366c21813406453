import { createCommunityCoreClient } from "@community-api/client";

/** @param {string} baseUrl @param {string} token */
export function listCourseUsers(baseUrl, token) {
  return createCommunityCoreClient({ baseUrl, token }).getCourseDashboardUsers(1, { limit: 20 });
}
