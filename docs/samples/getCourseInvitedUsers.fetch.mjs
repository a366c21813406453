// Every pending invitation to course 1, following `next` (an absolute URL) until it is null.
const baseUrl = process.env.COMMUNITY_API_URL ?? "http://127.0.0.1:4010";
const token = process.env.COMMUNITY_API_TOKEN ?? "course-1-manager";

let url = `${baseUrl}/api/v2/course/1/invite/?limit=50`;
while (url) {
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
  });
  if (!response.ok) {
    throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  }
  const page = await response.json();
  for (const user of page.results) {
    console.log(user.id, user.username, user.real_name);
  }
  url = page.next;
}
