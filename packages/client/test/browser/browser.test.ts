// The built client, bundled for browsers, run in headless Chromium against the mock: proof that
// it needs nothing but web-standard APIs. The page is served on a made-up origin by playwright,
// so its calls to the mock are real cross-origin requests (CORS preflight included).
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const PAGE_ORIGIN = "http://localhost:9";
// The module is loaded by the page itself (vitest would rewrite an import() in evaluated code).
const PAGE = `<!doctype html><title>client</title>
<script type="module">import * as api from "/client.js"; window.api = api;</script>`;
const packageDir = fileURLToPath(new URL("../../", import.meta.url));
const baseUrl = inject("apiBaseUrl");

let browser: Browser;
let bundle: string;

beforeAll(async () => {
  const result = await build({
    entryPoints: [`${packageDir}dist/index.js`],
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  bundle = result.outputFiles[0]?.text ?? "";
  // playwright gives the browser a fresh temporary profile and removes it on close.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // The page's origin is made up, so Chromium cannot tell it is local: allow it to call the
      // mock on 127.0.0.1 (Local Network Access would otherwise ask the user).
      "--disable-features=LocalNetworkAccessChecks",
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe("in a browser", () => {
  it("calls the API, paginates and throws typed errors", async () => {
    const page = await browser.newPage();
    const external: string[] = [];
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(PAGE_ORIGIN) && !url.startsWith(baseUrl)) external.push(url);
    });
    await page.route(`${PAGE_ORIGIN}/**`, (route) =>
      route.fulfill({
        contentType: route.request().url().endsWith(".js") ? "text/javascript" : "text/html",
        body: route.request().url().endsWith(".js") ? bundle : PAGE,
      }),
    );
    await page.goto(`${PAGE_ORIGIN}/`);
    await page.waitForFunction(() => "api" in window);
    const outcome = await page.evaluate(
      async ({ baseUrl }) => {
        // biome-ignore lint/suspicious/noExplicitAny: the bundle's exports, loaded by the page
        const api = (window as any).api;
        const sent: string[] = [];
        const client = api.createCommunityClient({
          baseUrl,
          token: async () => "course-1-manager",
          fetch: (input: Request, init?: RequestInit) => {
            sent.push(input.url);
            return fetch(input, init);
          },
        });
        const dashboard = await client.getCourseDashboardUsers(1, {
          statuses: ["joined", "manager"],
          ordering: "-last_active_at",
        });
        const users: unknown[] = [];
        for await (const user of client.paginate.courseInvitedUsers(1, {
          pageSize: 2,
          maxPages: 2,
        })) {
          users.push(user);
        }
        const error = await client.getEventInvitedUsers(99).catch((e: unknown) => e);
        return {
          count: dashboard.count,
          sent,
          users: users.length,
          error: {
            isNotFound: error instanceof api.NotFoundError,
            isApiError: error instanceof api.ApiError,
            status: (error as { status?: number }).status,
            message: (error as Error).message,
          },
        };
      },
      { baseUrl },
    );
    await page.close();

    expect(outcome.count).toEqual(expect.any(Number));
    expect(outcome.sent[0]).toBe(
      `${baseUrl}/api/v2/course/1/users/?statuses=%5B%22joined%22%2C%22manager%22%5D&ordering=-last_active_at`,
    );
    expect(outcome.sent.slice(1, 3)).toEqual([
      `${baseUrl}/api/v2/course/1/invite/?limit=2`,
      `${baseUrl}/api/v2/course/1/invite/?limit=2&offset=2`,
    ]);
    expect(outcome.users).toBeGreaterThan(0);
    expect(outcome.error).toEqual({
      isNotFound: true,
      isApiError: true,
      status: 404,
      message: "getEventInvitedUsers failed with HTTP 404: Not found.",
    });
    expect(external).toEqual([]);
  });

  it("stops a body past maxResponseSize with a ResponseTooLargeError, whatever its status", async () => {
    // Chromium rejects the read of a stream that errors with its own TypeError ("Failed to
    // fetch"), not the stream's error: the client must still name the limit.
    const page = await browser.newPage();
    await page.route(`${PAGE_ORIGIN}/**`, (route) =>
      route.fulfill({
        contentType: route.request().url().endsWith(".js") ? "text/javascript" : "text/html",
        body: route.request().url().endsWith(".js") ? bundle : PAGE,
      }),
    );
    await page.goto(`${PAGE_ORIGIN}/`);
    await page.waitForFunction(() => "api" in window);
    const outcomes = await page.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: the bundle's exports, loaded by the page
      const api = (window as any).api;
      const outcomes: Array<{ status: number; name: string; message: string }> = [];
      for (const status of [200, 404, 500]) {
        const client = api.createCommunityClient({
          baseUrl: "https://community.test",
          maxRetries: 0,
          maxResponseSize: 1_000,
          fetch: async () => new Response(`{"detail":"${"x".repeat(5_000)}"}`, { status }),
        });
        const error = await client.getCourseInvitedUsers(1).catch((e: unknown) => e);
        outcomes.push({ status, name: error.name, message: error.message });
      }
      return outcomes;
    });
    await page.close();

    expect(outcomes).toEqual(
      [200, 404, 500].map((status) => ({
        status,
        name: "ResponseTooLargeError",
        message: `getCourseInvitedUsers failed: the HTTP ${status} response body is larger than maxResponseSize (1000 bytes)`,
      })),
    );
  });
});
