// Members of course 1 with their progress, most recently active first.
const baseUrl = process.env.COMMUNITY_API_URL ?? "http://127.0.0.1:4010";
const token = process.env.COMMUNITY_API_TOKEN ?? "course-1-manager";

const query = new URLSearchParams({
  limit: "20",
  statuses: JSON.stringify(["joined", "manager"]), // ONE parameter holding a JSON array
  ordering: "-last_active_at",
});
const response = await fetch(`${baseUrl}/api/v2/course/1/users/?${query}`, {
  headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
});
if (!response.ok) {
  throw new Error(`HTTP ${response.status}: ${await response.text()}`);
}

const page = await response.json();
console.log(`${page.count} members`);
for (const member of page.results) {
  console.log(member.username, member.join_status, `${member.user_completion_rate}%`);
}
