import { createCommunityCoreClient, NotFoundError } from "@community-api/client";

/** @param {string} baseUrl @param {string} token */
export async function listCourseUsers(baseUrl, token) {
  try {
    return await createCommunityCoreClient({ baseUrl, token }).getCourseDashboardUsers(1, {
      limit: 20,
    });
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
