// MSW in a real browser: a page bundles msw/browser's setupWorker with the mock's MSW handlers
// and the client, and lists course 1's users through the client, with no fetch injected. MSW's
// service worker (the script that ships with msw) answers every API call: the names are the
// kit's, and no request leaves the page for the API's host or any other.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMockFetch, TEST_TOKENS } from "@community-api/mock";
import { build } from "esbuild";
import { type BrowserContext, chromium, type Request as PageRequest } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CHROMIUM_FLAGS, chromiumFor } from "../../../docs/test/chromium.js";

/** The API host the page calls (browser-page.ts). */
const API_BASE_URL = "https://community.example.com";
const executablePath = chromiumFor("MSW");
// `data:` icon: no favicon request to muddy the record of what the server was asked.
const PAGE = `<!doctype html><title>msw</title><link rel="icon" href="data:,"><script type="module" src="/page.js"></script>`;

let server: Server | undefined;
let origin = "";
/** Paths the local server was asked for: the page, its bundle and the worker script only. */
const served: string[] = [];
let context: BrowserContext | undefined;
let profile: string | undefined;

beforeAll(async () => {
  if (!executablePath) return;
  const bundle = await build({
    entryPoints: [new URL("./browser-page.ts", import.meta.url).pathname],
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const files: Record<string, { type: string; body: string }> = {
    "/": { type: "text/html", body: PAGE },
    "/page.js": { type: "text/javascript", body: bundle.outputFiles[0]?.text ?? "" },
    // The worker script msw ships, served from the root so that its scope covers the page.
    "/mockServiceWorker.js": {
      type: "text/javascript",
      body: readFileSync(
        createRequire(import.meta.url).resolve("msw/mockServiceWorker.js"),
        "utf8",
      ),
    },
  };
  server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    served.push(path);
    const file = files[path];
    res.writeHead(file ? 200 : 404, { "content-type": file?.type ?? "text/plain" });
    res.end(file?.body ?? "not here");
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  profile = mkdtempSync(join(tmpdir(), "msw-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

if (executablePath) {
  it("lists course 1's users through the client, answered by MSW's service worker", async () => {
    if (!context) throw new Error("Chromium did not start");
    const page = context.pages()[0] ?? (await context.newPage());
    const requests: PageRequest[] = [];
    page.on("request", (request) => requests.push(request));
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${origin}/`);
    await page.waitForSelector("body[data-state]", { state: "attached" });
    expect(await page.evaluate(() => document.body.dataset.error)).toBeUndefined();
    expect(await page.locator("body").getAttribute("data-state")).toBe("listed");

    // The names the kit gives for the same call.
    const expected = (await (
      await createMockFetch({ seed: 1 })(`${API_BASE_URL}/api/v2/course/1/users/?limit=5`, {
        headers: { authorization: `Bearer ${TEST_TOKENS.courseManager}` },
      })
    ).json()) as { results: { real_name: string }[] };
    expect(expected.results).toHaveLength(5);
    expect(await page.locator("#users li").allTextContents()).toEqual(
      expected.results.map((user) => user.real_name),
    );

    // The API call reached the page's fetch and was answered by the service worker, not the
    // network; nothing else went anywhere but the local server, which served only the page.
    const api = requests.filter((r) => r.url().startsWith(`${API_BASE_URL}/`));
    expect(api.map((r) => new URL(r.url()).pathname)).toEqual(["/api/v2/course/1/users/"]);
    for (const request of api) expect((await request.response())?.fromServiceWorker()).toBe(true);
    const elsewhere = requests.filter(
      (r) => !r.url().startsWith(`${API_BASE_URL}/`) && !r.url().startsWith(`${origin}/`),
    );
    expect(elsewhere.map((r) => r.url())).toEqual([]);
    expect([...new Set(served)].sort()).toEqual(["/", "/mockServiceWorker.js", "/page.js"]);
    expect(errors).toEqual([]);
  });
}
