// Code under test calls the global fetch (no fetch to inject): MSW answers with the mock's handlers.
import { readFileSync } from "node:fs";
import { createCommunityClient, NotFoundError } from "@community-api/client";
import { TEST_TOKENS } from "@community-api/mock";
import { createMswHandlers } from "@community-api/mock/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";

const server = setupServer(...createMswHandlers({ seed: 1 }));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

test("the dashboard's first page, through the global fetch", async () => {
  // No `fetch` given: the client calls the global one (looked up per request), which MSW intercepts.
  const client = createCommunityClient({
    baseUrl: "https://community.example.com",
    token: TEST_TOKENS.courseManager,
  });
  const page = await client.getCourseDashboardUsers(1, { limit: 5 });
  expect(page.results).toHaveLength(5);
  expect(page.next).toBe("https://community.example.com/api/v2/course/1/users/?limit=5&offset=5");
  await expect(client.getCourseDashboardUsers(99)).rejects.toBeInstanceOf(NotFoundError);
});

test("is the example packages/mock/README.md shows, verbatim", () => {
  const source = readFileSync(new URL(import.meta.url), "utf8");
  const example = source.slice(0, source.indexOf('\ntest("is the example'));
  const readme = readFileSync(new URL("../../../packages/mock/README.md", import.meta.url), "utf8");
  const withoutFs = (text: string) =>
    text.replace(/import \{ readFileSync \} from "node:fs";\n/, "");
  expect(withoutFs(readme)).toContain(withoutFs(example));
});
