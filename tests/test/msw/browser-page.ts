// The page the browser test loads (bundled by esbuild): an app that calls the API through the
// client with the browser's own fetch, while MSW's service worker answers with the mock's
// handlers. It lists course 1's first users and marks the body when done (or failed).
import { createCommunityClient } from "@community-api/client";
import { TEST_TOKENS } from "@community-api/mock/kit";
import { createMswHandlers } from "@community-api/mock/msw";
import { setupWorker } from "msw/browser";

/** The API's host as the app knows it (browser.test.ts checks no request to it leaves the page). */
const API_BASE_URL = "https://community.example.com";

async function main(): Promise<void> {
  const worker = setupWorker(...createMswHandlers({ baseUrl: API_BASE_URL }));
  await worker.start({ onUnhandledRequest: "error", quiet: true });
  const client = createCommunityClient({ baseUrl: API_BASE_URL, token: TEST_TOKENS.courseManager });
  const page = await client.getCourseDashboardUsers(1, { limit: 5 });
  const list = document.createElement("ul");
  list.id = "users";
  for (const user of page.results) {
    const item = document.createElement("li");
    item.textContent = user.real_name;
    list.append(item);
  }
  document.body.append(list);
  document.body.dataset.state = "listed";
}

main().catch((error: unknown) => {
  document.body.dataset.state = "failed";
  document.body.dataset.error = String(error);
});
