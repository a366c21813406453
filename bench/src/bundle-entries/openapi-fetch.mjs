import createClient from "openapi-fetch";

/** @param {string} baseUrl @param {string} token */
export async function listCourseUsers(baseUrl, token) {
  /** @type {import("openapi-fetch").Client<import("@community-api/types").paths>} */
  const client = createClient({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
  const { data, error } = await client.GET("/api/v2/course/{id}/users/", {
    params: { path: { id: "1" }, query: { limit: 20 } },
  });
  if (error) throw new Error("request failed");
  return data;
}
