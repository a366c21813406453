// Opens the built site (docs/dist/) in a real Chromium, served by scripts/serve.mjs, and checks
// what a reader sees: the navigation, every operation's parameters, responses and code samples,
// the search, the spec fingerprint; and that the page logs no error and talks to no other host.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SPEC_SHA256 } from "@community-api/client";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSamples } from "../scripts/samples.mjs";
import { serveDocs } from "../scripts/serve.mjs";
import { readBundledSpec, readOperationFacts } from "../scripts/spec.mjs";
import { CHROMIUM_FLAGS, findChromium, INSTALL_HINT } from "./chromium.js";
import { artifactsDir, distDir } from "./paths.js";
import { operations, specFingerprint } from "./spec-walk.js";

const executablePath = findChromium();
const samples = generateSamples(readOperationFacts(readBundledSpec()));
const squash = (text: string) => text.replace(/\s+/g, "");

if (!executablePath) {
  if (process.env.CI) {
    it("runs in Chromium", () => {
      throw new Error(INSTALL_HINT);
    });
  } else {
    console.warn(`\n!!! SKIPPING the docs browser test: no Chromium found.\n!!! ${INSTALL_HINT}\n`);
    it.skip("runs in Chromium (no Chromium on this machine)", () => {});
  }
} else {
  describe("the docs site in Chromium", () => {
    let site: { url: string; stop: () => Promise<void> };
    let context: BrowserContext;
    let page: Page;
    let profile: string;
    const requests: string[] = [];
    const errors: string[] = [];

    beforeAll(async () => {
      const rebuild = "run `pnpm --filter @community-api/docs build`";
      if (!existsSync(join(distDir, "index.html"))) {
        throw new Error(`docs/dist/index.html is missing: ${rebuild}`);
      }
      const built = JSON.parse(readFileSync(join(distDir, "fingerprint.json"), "utf8"));
      if (built.sha256 !== specFingerprint.sha256) {
        throw new Error(`docs/dist/ was built from another spec: ${rebuild}`);
      }
      site = await serveDocs({ port: 0, host: "127.0.0.1" });
      profile = mkdtempSync(join(tmpdir(), "docs-chromium-"));
      context = await chromium.launchPersistentContext(profile, {
        executablePath,
        headless: true,
        args: CHROMIUM_FLAGS,
        viewport: { width: 1400, height: 900 },
      });
      context.on("request", (request) => requests.push(request.url()));
      page = context.pages()[0] ?? (await context.newPage());
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(`console: ${message.text()}`);
      });
      page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
      await page.goto(site.url, { waitUntil: "load" });
      await menuItem(page, "Reference").waitFor();
    });

    afterAll(async () => {
      await context?.close();
      await site?.stop();
      if (profile) rmSync(profile, { recursive: true, force: true });
    });

    it("lists the guides and the three operations in the navigation", async () => {
      for (const guide of [
        "Overview",
        "Authentication",
        "Pagination",
        "The statuses filter",
        "Errors",
        "Roles",
      ]) {
        await expect.poll(() => menuItem(page, guide).isVisible()).toBe(true);
      }
      for (const operation of operations) {
        const link = menuItem(page, operation.summary);
        // A tag's operations show once its group is open; clicking an open group closes it.
        if (!(await link.isVisible())) await menuItem(page, operation.tag).click();
        await expect.poll(() => link.isVisible(), { timeout: 5_000 }).toBe(true);
        await link.click();
        await expect.poll(() => new URL(page.url()).hash).toBe(`#/${operation.slug}`);
      }
    });

    describe.each(operations)("$summary", (operation) => {
      let section: Locator;
      beforeAll(async () => {
        await page.goto(`${site.url}#/${operation.slug}`, { waitUntil: "load" });
        section = page.locator(`[id="${operation.slug}"]`);
        await section.waitFor();
      });

      it("shows its title, role badge and description", async () => {
        await expect.poll(() => shown(section)).toContain(operation.summary);
        const text = await shown(section);
        expect(text.toLowerCase()).toContain(operation.roles.toLowerCase());
        expect(text).toContain("Requires the");
      });

      it("shows every parameter with its enum values and default", async () => {
        for (const parameter of operation.parameters) {
          const row = page.locator(
            `[id="${operation.slug}/t=request&in=${parameter.in}&path=${parameter.name}"]`,
          );
          await row.scrollIntoViewIfNeeded();
          const text = squash(await shown(row));
          expect(text).toContain(parameter.name);
          for (const value of parameter.values)
            expect(text, `${parameter.name}: ${value}`).toContain(squash(value));
          // A default in its own "Default:" line, not only in the prose (issue 18: `statuses`).
          if (parameter.default !== undefined) {
            expect(text, `${parameter.name}'s default`).toMatch(
              new RegExp(`Default:"?${literal(squash(parameter.default))}"?`),
            );
          }
          // What each enum value means (the seed's Enumerated Values), beside the value.
          for (const meaning of parameter.meanings) expect(text).toContain(squash(meaning));
          if (parameter.inferred) expect(text, parameter.name).toContain("(inferred");
        }
      });

      it("describes the 200 response by what it returns", async () => {
        const heading = section.getByRole("button", { name: /^200\b/ }).first();
        await heading.scrollIntoViewIfNeeded();
        const ok = squash(await shown(section));
        const first = operation.okDescription.split(";")[0] ?? "";
        expect(ok).toContain(squash(first.replaceAll("`", "")));
        expect(ok).not.toContain("Responsestatuscode");
      });

      it("shows the response fields, down to the fields of each result", async () => {
        for (const field of operation.fields) {
          await expect
            .poll(() =>
              page.locator(`[id="${operation.slug}/t=response&c=200&path=${field}"]`).count(),
            )
            .toBe(1);
        }
        await page
          .locator(`[id="${operation.slug}/t=response&c=200&path=results"]`)
          .scrollIntoViewIfNeeded();
        for (const field of operation.itemFields) {
          const row = page.locator(
            `[id="${operation.slug}/t=response&c=200&path=results[]/${field}"]`,
          );
          await expect.poll(() => row.count(), { message: `results[].${field}` }).toBe(1);
        }
        // Nothing but the item's own fields (the course invite list shows five, not a User).
        const prefix = `${operation.slug}/t=response&c=200&path=results[]/`;
        const shownFields = await page
          .locator(`[id^="${prefix}"]`)
          .evaluateAll((rows, start) => rows.map((row) => row.id.slice(start.length)), prefix);
        expect(shownFields.filter((field) => !field.includes("/")).sort()).toEqual(
          [...operation.itemFields, ...(operation.itemOpen ? ["property name*"] : [])].sort(),
        );
        // Every inferred field says so where it is shown.
        for (const field of operation.inferredFields) {
          const row = page.locator(`[id="${operation.slug}/t=response&c=200&path=${field}"]`);
          await row.scrollIntoViewIfNeeded();
          expect(await shown(row), field).toContain("(inferred");
        }
      });

      it("shows the TypeScript sample first, then curl and fetch on their tabs", async () => {
        const panel = page.locator(".panel-request-samples").filter({ hasText: operation.path });
        await panel.scrollIntoViewIfNeeded();
        const code = panel.locator("pre").first();
        const source = (label: string) =>
          samples.get(operation.operationId)?.find((sample) => sample.label === label)?.source ??
          "";

        await expect.poll(async () => squash(await shown(code))).toBe(squash(source("TypeScript")));
        for (const label of ["curl", "fetch", "TypeScript"]) {
          await panel.getByRole("button", { name: /^(TypeScript|curl|fetch)$/ }).click();
          await page.getByRole("menuitem", { name: label, exact: true }).click();
          await expect
            .poll(async () => squash(await shown(code)), { message: label })
            .toBe(squash(source(label)));
        }
      });
    });

    it("finds the dashboard operation when searching for 'dashboard'", async () => {
      await page.goto(site.url, { waitUntil: "load" });
      await page.getByTestId("search-trigger").click();
      await page.keyboard.type("dashboard");
      const hits = page
        .getByTestId("search-dialog")
        .locator('[data-component-name="Search/SearchItem"]');
      await expect.poll(() => shown(hits.first())).toContain("Get Course Dashboard Users");
      expect(await shown(hits.first())).toContain("/api/v2/course/{id}/users/");
      await hits.first().click();
      await expect.poll(() => new URL(page.url()).hash).toBe("#/course/getcoursedashboardusers");
    });

    it("links between guides and to the downloadable spec", async () => {
      await page.goto(`${site.url}#/errors`, { waitUntil: "load" });
      await page.locator('[id="errors"] a[href="#/roles"]').first().click();
      await expect.poll(() => new URL(page.url()).hash).toBe("#/roles");

      await page.goto(`${site.url}#/overview/quick-start`, { waitUntil: "load" });
      const download = page.locator('a[href="openapi.json"]').first();
      await download.waitFor();
      const href = await download.evaluate((anchor) => (anchor as HTMLAnchorElement).href);
      const body = Buffer.from(await (await fetch(href)).arrayBuffer());
      expect(createHash("sha256").update(body).digest("hex")).toBe(specFingerprint.sha256);
    });

    it("shows the spec version and the SHA-256 the client was generated from", async () => {
      const footer = page.locator("#spec-fingerprint");
      expect(await footer.getAttribute("data-spec-sha256")).toBe(SPEC_SHA256);
      expect(await shown(footer)).toContain(SPEC_SHA256);
      expect(await page.locator('meta[name="spec-sha256"]').getAttribute("content")).toBe(
        SPEC_SHA256,
      );
    });

    it("saves screenshots to docs/artifacts/ for a person to look at", async () => {
      mkdirSync(artifactsDir, { recursive: true });
      await page.goto(site.url, { waitUntil: "load" });
      // Redoc renders only the sections near the viewport (and unloads the rest on scroll), so
      // a plain full-page shot is mostly blank: grow the viewport to the page until it settles.
      let height = 0;
      for (let round = 0; round < 8; round += 1) {
        const next = await page.evaluate(() => document.documentElement.scrollHeight);
        if (next - height < 100) break;
        height = next;
        await page.setViewportSize({ width: 1400, height: Math.min(next, 16_000) });
        await page.waitForTimeout(300);
      }
      const fullPage = join(artifactsDir, "docs-full-page.png");
      await page.screenshot({ path: fullPage, fullPage: true });

      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(`${site.url}#/course/getcoursedashboardusers`, { waitUntil: "load" });
      await page.locator('[id="course/getcoursedashboardusers"]').waitFor();
      await page.waitForTimeout(500); // let the sidebar finish opening the Course group
      const operation = join(artifactsDir, "docs-dashboard-users.png");
      await page.screenshot({ path: operation });

      for (const file of [fullPage, operation]) {
        expect(readFileSync(file).subarray(1, 4).toString()).toBe("PNG");
      }
    });

    // Last: it judges everything the tests above made the page do.
    it("logged no error and made no request to another host", () => {
      expect(requests.length).toBeGreaterThan(0);
      const external = requests.filter((url) => {
        if (url.startsWith("data:") || url.startsWith("blob:")) return false;
        return !["127.0.0.1", "localhost"].includes(new URL(url).hostname);
      });
      expect(external).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
}

/** `text` as a literal inside a RegExp. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The text a reader sees: rendered text, without hidden nodes. */
function shown(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's rendered text, on purpose.
  return locator.innerText();
}

/** A sidebar entry by its exact label (an operation's entry also holds its badge and method). */
function menuItem(page: Page, label: string): Locator {
  return page.getByTestId("menu-item-label").locator(`span[data-text=${JSON.stringify(label)}]`);
}
