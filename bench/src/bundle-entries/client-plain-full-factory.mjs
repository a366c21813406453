import { createCommunityClient } from "@community-api/client";

/** @param {string} baseUrl @param {string} token */
export function listCourseUsers(baseUrl, token) {
  return createCommunityClient({ baseUrl, token }).getCourseDashboardUsers(1, { limit: 20 });
}
