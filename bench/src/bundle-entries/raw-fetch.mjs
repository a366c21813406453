/** @param {string} baseUrl @param {string} token */
export async function listCourseUsers(baseUrl, token) {
  const response = await fetch(`${baseUrl}/api/v2/course/1/users/?limit=20`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}
