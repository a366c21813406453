// Calls a consumer could get wrong. Each line after a `@ts-expect-error TS<code>` marker must be
// a type error with that code, whose message contains the text in backticks; the consumer test
// removes the markers and checks that tsc reports exactly these errors against the tarballs.
import { createCommunityClient } from "@community-api/client";
import { testToken } from "@community-api/mock";

// @ts-expect-error TS2561 `Did you mean to write 'baseUrl'?`
createCommunityClient({ baseURL: "https://community.example.com" });

const client = createCommunityClient({ baseUrl: "https://community.example.com" });
// @ts-expect-error TS2322 `"newest"`
await client.getCourseDashboardUsers(1, { ordering: "newest" });
// @ts-expect-error TS2322 `"member"`
await client.getCourseDashboardUsers(1, { statuses: ["joined", "member"] });
// @ts-expect-error TS2353 `'pageSize' does not exist`
await client.getCourseInvitedUsers(1, { pageSize: 10 });
// @ts-expect-error TS2339 `Property 'email' does not exist`
export const emails = (await client.getCourseDashboardUsers(1)).results.map((user) => user.email);
// @ts-expect-error TS2322 `"owner"`
testToken({ resource: "course", id: 1, role: "owner" });
