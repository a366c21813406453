// The first page of pending invitations to event 1.
const baseUrl = process.env.COMMUNITY_API_URL ?? "http://127.0.0.1:4010";
const token = process.env.COMMUNITY_API_TOKEN ?? "event-1-manager";

const response = await fetch(`${baseUrl}/api/v2/event/1/invite/?limit=20`, {
  headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
});
if (!response.ok) {
  throw new Error(`HTTP ${response.status}: ${await response.text()}`);
}

const page = await response.json();
console.log(`${page.count} pending invitations`);
for (const user of page.results) {
  console.log(user.id, user.username, user.real_name);
}
