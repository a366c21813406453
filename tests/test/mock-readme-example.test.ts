// A unit test of your own code against the mock's in-process kit: no server, no network.
import { readFileSync } from "node:fs";
import { createCommunityClient, PermissionDeniedError } from "@community-api/client";
import { createMockFetch, TEST_TOKENS } from "@community-api/mock";
import { expect, test } from "vitest";

const fetch = createMockFetch({ seed: 1 });
const client = createCommunityClient({
  baseUrl: "https://community.example.com",
  token: TEST_TOKENS.courseManager,
  fetch,
});

test("the dashboard lists members and managers, newest first, 20 per page", async () => {
  const page = await client.getCourseDashboardUsers(1);
  expect(page.results).toHaveLength(20);
  expect(page.next).toBe("https://community.example.com/api/v2/course/1/users/?limit=20&offset=20");
  for (const user of page.results) expect(["manager", "joined"]).toContain(user.join_status);
});

test("every invited user, across pages, exactly once", async () => {
  const ids: number[] = [];
  for await (const user of client.paginate.courseInvitedUsers(1, { pageSize: 5 }))
    ids.push(user.id);
  expect(ids.length).toBeGreaterThan(5);
  expect(new Set(ids).size).toBe(ids.length);
});

test("a plain member is refused", async () => {
  const member = createCommunityClient({
    baseUrl: "https://community.example.com",
    token: TEST_TOKENS.courseMember,
    fetch,
  });
  await expect(member.getCourseDashboardUsers(1)).rejects.toBeInstanceOf(PermissionDeniedError);
});

test("is the example packages/mock/README.md shows, verbatim", () => {
  const source = readFileSync(new URL(import.meta.url), "utf8");
  const example = source.slice(0, source.indexOf('\ntest("is the example'));
  const readme = readFileSync(new URL("../../packages/mock/README.md", import.meta.url), "utf8");
  expect(readme.replace(/import \{ readFileSync \} from "node:fs";\n/, "")).toContain(
    example.replace(/import \{ readFileSync \} from "node:fs";\n/, ""),
  );
});
