import { CourseService, http } from "@selfcommunity/api-services";

/** @param {string} baseUrl @param {string} token */
export function listCourseUsers(baseUrl, token) {
  http.setBasePortal(baseUrl);
  http.setAuthorizeToken(token);
  return CourseService.getCourseDashboardUsers(1, { limit: 20 });
}
