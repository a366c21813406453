// The built app in a real Chromium, served as `pnpm start` serves it, against the real mock (the
// Prism-validated HTTP mock on another origin: CORS preflights included). A course manager sees
// course 1's users, filters by a join status, searches, loads more, opens the invited users; the
// page logs no error, talks to no other host and has no serious axe violation. Then
// 401, 403, 404 and an unreachable API each get their state, and the demo build answers from
// MSW's service worker.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCommunityClient } from "@community-api/client";
import { type RunningMock, startMock, TEST_TOKENS } from "@community-api/mock";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_FLAGS, chromiumFor } from "../../../docs/test/chromium.js";
import { exampleUrl, serveExample } from "../scripts/serve.mjs";

const executablePath = chromiumFor("example's");
const require = createRequire(import.meta.url);
const dist = fileURLToPath(new URL("../dist/", import.meta.url));

if (executablePath) {
  describe("the course dashboard in Chromium, against the mock", () => {
    let mock: RunningMock;
    let app: { url: string; stop: () => Promise<void> };
    let context: BrowserContext;
    let page: Page;
    let profile: string;
    const requests: string[] = [];
    const errors: string[] = [];
    /** Every console message of the page, to search for the token. */
    const logged: string[] = [];
    const api = () =>
      createCommunityClient({ baseUrl: mock.url, token: TEST_TOKENS.courseManager });
    const caption = () => page.locator("table caption");
    const rows = () => page.locator("tbody tr");

    beforeAll(async () => {
      for (const file of ["index.html", "demo/index.html", "demo/mockServiceWorker.js"]) {
        if (!existsSync(join(dist, file))) {
          throw new Error(`dist/${file} is missing: run \`pnpm build\``);
        }
      }
      [mock, app] = await Promise.all([startMock({ port: 0 }), serveExample({ port: 0 })]);
      profile = mkdtempSync(join(tmpdir(), "example-chromium-"));
      context = await chromium.launchPersistentContext(profile, {
        executablePath,
        headless: true,
        args: CHROMIUM_FLAGS,
        viewport: { width: 1300, height: 900 },
      });
      context.on("request", (request) => requests.push(request.url()));
      page = context.pages()[0] ?? (await context.newPage());
      page.on("console", (message) => {
        logged.push(message.text());
        if (message.type() === "error") errors.push(`console: ${message.text()}`);
      });
      page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
      await page.goto(exampleUrl(app.url, mock.url), { waitUntil: "load" });
    }, 90_000);

    afterAll(async () => {
      await context?.close();
      await Promise.allSettled([app?.stop(), mock?.stop()]);
      if (profile) rmSync(profile, { recursive: true, force: true });
    });

    it("shows course 1's dashboard users and the count per join status", async () => {
      const first = await api().getCourseDashboardUsers(1, { limit: 20 });
      await expect.poll(() => caption().textContent()).toBe(`20 of ${first.count} users`);
      expect(await rows().first().locator("td").first().textContent()).toBe(
        first.results[0]?.username,
      );
      const joined = await api().getCourseDashboardUsers(1, { statuses: "joined", limit: 1 });
      const counts = page.getByRole("list", { name: "Users per join status" });
      await expect
        .poll(() => counts.getByText(/^joined:/).textContent())
        .toBe(`joined: ${joined.count}`);
    });

    it("filters by a join status (the JSON-array form on the wire)", async () => {
      const invited = await api().getCourseDashboardUsers(1, { statuses: ["invited"], limit: 20 });
      await page.getByRole("checkbox", { name: "invited" }).check();
      await expect
        .poll(() => caption().textContent())
        .toBe(`${invited.results.length} of ${invited.count} users`);
      const statuses = await rows().locator("td:nth-child(3)").allTextContents();
      expect(new Set(statuses)).toEqual(new Set(["invited"]));
      const filtered = requests.map((url) => new URL(url).searchParams.get("statuses"));
      expect(filtered).toContain('["invited"]');
      await page.getByRole("checkbox", { name: "invited" }).uncheck();
    });

    it("searches, once typing pauses", async () => {
      const all = await api().getCourseDashboardUsers(1, { limit: 20 });
      const term = all.results[3]?.username.slice(0, 4) ?? "";
      const found = await api().getCourseDashboardUsers(1, { search: term, limit: 20 });
      const before = requests.length;
      await page.getByRole("searchbox", { name: "Search" }).pressSequentially(term, { delay: 30 });
      await expect
        .poll(() => caption().textContent())
        .toBe(`${found.results.length} of ${found.count} users`);
      // Debounced: one request for the whole term, not one per key.
      const searches = requests
        .slice(before)
        .map((url) => new URL(url).searchParams.get("search"))
        .filter((value) => value !== null);
      expect(searches).toEqual([term]);
      await page.getByRole("searchbox", { name: "Search" }).fill("");
    });

    it("loads more on demand", async () => {
      const { count } = await api().getCourseDashboardUsers(1, { limit: 1 });
      await expect.poll(() => caption().textContent()).toBe(`20 of ${count} users`);
      await page.getByRole("button", { name: "Load more" }).click();
      await expect
        .poll(() => caption().textContent())
        .toBe(`${Math.min(40, count)} of ${count} users`);
      expect(await rows().count()).toBe(Math.min(40, count));
    });

    it("lists the course's invited users in the second tab", async () => {
      const invited = await api().getCourseInvitedUsers(1, { limit: 20 });
      await page.getByRole("tab", { name: "Invited users" }).click();
      await expect
        .poll(() => caption().textContent())
        .toBe(`${invited.results.length} of ${invited.count} invited users`);
      await page.getByRole("tab", { name: "Dashboard users" }).click();
    });

    it("logs no error, talks to its own origin and the API only, has no serious axe violation", async () => {
      expect(errors).toEqual([]);
      const origins = new Set(requests.map((url) => new URL(url).origin));
      expect([...origins].sort()).toEqual([new URL(app.url).origin, mock.url].sort());
      await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(
                context: Document,
              ): Promise<{ violations: { id: string; impact: string | null }[] }>;
            };
          }
        ).axe;
        const result = await axe.run(document);
        return result.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.impact}: ${v.id}`);
      });
      expect(violations).toEqual([]);
    });

    it("says which role a member's token lacks (403)", async () => {
      await page.getByText("Settings").click();
      await page.getByLabel("Token").fill(TEST_TOKENS.courseMember);
      await page.getByRole("button", { name: "Apply" }).click();
      const alert = page.getByRole("alert").first();
      await expect
        .poll(() => alert.textContent())
        .toContain("This token may not see this list (403).");
      expect(await alert.textContent()).toContain(
        "It needs the course role creator or manager on course 1.",
      );
      // The token never reaches the page's address or its console.
      expect(page.url()).not.toContain(TEST_TOKENS.courseMember);
      expect(logged.join("\n")).not.toContain(TEST_TOKENS.courseMember);
    });

    it("says what to change for a refused token (401), an unknown course (404) and no API", async () => {
      const apply = async (label: string, value: string) => {
        await page.getByLabel(label).fill(value);
        await page.getByRole("button", { name: "Apply" }).click();
      };
      const alert = page.getByRole("alert").first();
      await apply("Token", TEST_TOKENS.invalid);
      await expect.poll(() => alert.textContent()).toContain("The API refused the token (401).");
      await apply("Token", TEST_TOKENS.courseManager);
      await apply("Course id", "99");
      await expect.poll(() => alert.textContent()).toContain("Course 99 was not found (404).");
      // A port nothing listens on: TanStack retries twice (the client's policy), then the state.
      await apply("Base URL", "http://127.0.0.1:9");
      await expect
        .poll(() => alert.textContent(), { timeout: 15_000 })
        .toContain("Cannot reach http://127.0.0.1:9.");
    });

    it("runs on MSW's service worker in the demo build, with no server behind it", async () => {
      const demo = await context.newPage();
      const demoErrors: string[] = [];
      demo.on("console", (m) => {
        if (m.type() === "error") demoErrors.push(m.text());
      });
      const before = requests.length;
      await demo.goto(`${app.url}demo/`, { waitUntil: "load" });
      await expect
        .poll(() => demo.locator("table caption").textContent())
        .toMatch(/^20 of \d+ users$/);
      expect(demoErrors).toEqual([]);
      // Every API call was answered in the page: none reached the mock.
      expect(requests.slice(before).filter((url) => url.startsWith(mock.url))).toEqual([]);
      await demo.close();
    });
  });
}
