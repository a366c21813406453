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
import { type Guide, guideSlug, loadGuides } from "../scripts/guides.mjs";
import { generateSamples } from "../scripts/samples.mjs";
import { serveDocs } from "../scripts/serve.mjs";
import { readBundledSpec, readOperationFacts } from "../scripts/spec.mjs";
import { axeViolations } from "./axe.js";
import { CHROMIUM_FLAGS, chromiumFor } from "./chromium.js";
import { consoleCases } from "./console-cases.js";
import { artifactsDir, contentDir, distDir } from "./paths.js";
import { operations, specFingerprint } from "./spec-walk.js";

const executablePath = chromiumFor("docs");
const samples = generateSamples(readOperationFacts(readBundledSpec()));
const squash = (text: string) => text.replace(/\s+/g, "");

if (executablePath) {
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
      // The Copy buttons' test reads what they put on the clipboard.
      await context.grantPermissions(["clipboard-read", "clipboard-write"], {
        origin: new URL(site.url).origin,
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
        await showInMenu(page, operation);
        // Redoc re-renders the menu as the page scrolls: a click on a node it just replaced is
        // retried by dispatching the event to whatever node the label resolves to now.
        await menuItem(page, operation.summary)
          .click({ timeout: 5_000 })
          .catch(() => menuItem(page, operation.summary).dispatchEvent("click"));
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

    it("shows search snippets with their words apart, and links a guide's hit by one hash", async () => {
      await page.goto(site.url, { waitUntil: "load" });
      await page.getByTestId("search-trigger").click();
      await page.keyboard.type("next");
      const dialog = page.getByTestId("search-dialog");
      const hits = dialog.locator('[data-component-name="Search/SearchItem"]');
      await expect.poll(() => hits.count()).toBeGreaterThan(3);
      await page.waitForTimeout(300);
      const text = await shown(dialog);
      // Words that a line break of the source separated (the verify guide's "through `next`").
      for (const glued of [
        "throughnext",
        "andopenapi",
        "acount/next",
        "{id}.(inferred",
        "{id};it",
      ]) {
        expect(text).not.toContain(glued);
      }
      const hrefs = await dialog
        .locator("a[href]")
        .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
      const guides = hrefs.filter((href) => /^#\/(pagination|overview|errors|verify)/.test(href));
      expect(guides.length).toBeGreaterThan(0);
      for (const href of guides) expect(href.split("#"), href).toHaveLength(2);
      await page.keyboard.press("Escape");
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

    describe("reading (issue 18)", () => {
      const guides = loadGuides(contentDir);

      /** Opens a guide; returns its section, sub-sections included. */
      async function openGuide(guide: Guide): Promise<Locator> {
        const slug = guide.title
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, "");
        await page.goto(`${site.url}#/${slug}`, { waitUntil: "load" });
        await page.locator(`[id="${slug}"]`).waitFor();
        await page.waitForTimeout(300);
        return page.locator(`[id="${slug}"], [id^="${slug}/"]`);
      }

      /** The tables under `where`: names split across lines, and whether one is cut off. */
      const tablesIn = (where: Locator) =>
        where.locator("table").evaluateAll((tables) =>
          tables.map((table) => ({
            split: [...table.querySelectorAll("code")]
              .filter((code) => code.getClientRects().length > 1)
              .map((code) => code.textContent),
            cut:
              table.scrollWidth > table.clientWidth + 1 &&
              !["auto", "scroll"].includes(getComputedStyle(table).overflowX),
          })),
        );

      afterAll(() => page.setViewportSize({ width: 1400, height: 900 }));

      it("gives every guide code block a Copy button and cuts none at the right edge", async () => {
        // Tall enough that a whole guide renders (Redoc renders what is near the viewport).
        await page.setViewportSize({ width: 1400, height: 4000 });
        for (const guide of guides) {
          const section = await openGuide(guide);
          const blocks = await section.locator("pre").evaluateAll((pres) =>
            pres.map((pre) => ({
              start: (pre.textContent ?? "").slice(0, 40),
              copy: pre.querySelector(".md-copy-button")?.textContent,
              cut: pre.scrollWidth > pre.clientWidth + 1,
            })),
          );
          // One block per fenced block of the guide.
          expect(blocks, guide.file).toHaveLength(guide.body.match(/^```\w/gm)?.length ?? 0);
          for (const block of blocks) {
            expect(block, `${guide.file}: ${block.start}`).toMatchObject({
              copy: "Copy",
              cut: false,
            });
          }
        }
      });

      it("copies a guide's code block as it is written in the guide", async () => {
        const guide = readFileSync(join(contentDir, "03-pagination.md"), "utf8");
        const fenced = /```json\n([\s\S]*?)```/.exec(guide)?.[1] ?? "";
        await page.goto(`${site.url}#/pagination`, { waitUntil: "load" });
        const pre = page.locator('[id="pagination"] pre').first();
        await pre.scrollIntoViewIfNeeded();
        await pre.locator(".md-copy-button").click();
        await expect.poll(() => shown(pre.locator(".md-copy-button"))).toBe("Copied");
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        expect(copied.trim()).toBe(fenced.trim());
      });

      it("breaks no name in a table across lines, and lets a wide table scroll", async () => {
        await page.setViewportSize({ width: 1400, height: 4000 });
        let count = 0;
        for (const guide of guides) {
          const tables = await tablesIn(await openGuide(guide));
          // One table per separator row (`| --- |`) of the guide, the errors guide's among them.
          expect(tables, guide.file).toHaveLength(guide.body.match(/^\|[ :|-]+\|$/gm)?.length ?? 0);
          for (const table of tables) expect(table, guide.file).toEqual({ split: [], cut: false });
          count += tables.length;
        }
        expect(count).toBeGreaterThan(3);
        // And in the reference: the wire-format table of `statuses`.
        const dashboard = operations.find((operation) =>
          operation.parameters.some((parameter) => parameter.name === "statuses"),
        );
        await page.goto(`${site.url}#/${dashboard?.slug}`, { waitUntil: "load" });
        const row = page.locator(`[id="${dashboard?.slug}/t=request&in=query&path=statuses"]`);
        await row.scrollIntoViewIfNeeded();
        const tables = await tablesIn(row);
        expect(tables.length).toBeGreaterThan(0);
        for (const table of tables) expect(table).toEqual({ split: [], cut: false });
      });

      it("shows each operation's whole role badge in the sidebar", async () => {
        await page.goto(`${site.url}#/${operations[0]?.slug}`, { waitUntil: "load" });
        // Each entry is read while it shows (opening one tag's group may close another's).
        const badges: { text: string | null; cut: boolean }[] = [];
        for (const operation of operations) {
          const label = page
            .getByTestId("menu-item-label")
            .filter({ has: page.locator(`span[data-text=${JSON.stringify(operation.summary)}]`) });
          let found: typeof badges = [];
          // Under load the group may close again between showing the entry and reading it
          // (a late click or re-render): show and read again until the badge is there.
          await expect
            .poll(
              async () => {
                await showInMenu(page, operation);
                found = await label
                  .locator('[data-component-name="Tag/Tag"]:not(.tag-http) > div')
                  .evaluateAll((divs) =>
                    divs.map((div) => ({
                      text: div.textContent,
                      cut: div.scrollWidth > div.clientWidth,
                    })),
                  );
                return found.length;
              },
              { timeout: 60_000, interval: 100 },
            )
            .toBeGreaterThan(0);
          badges.push(...found);
        }
        expect(badges.map((badge) => badge.text).sort()).toEqual(
          operations.map((operation) => operation.roles).sort(),
        );
        for (const badge of badges) expect(badge.cut, badge.text ?? "").toBe(false);
      });

      it("keeps the footer and Redoc's attribution readable in both themes (contrast at least 4.5:1)", async () => {
        await page.goto(site.url, { waitUntil: "load" });
        const footer = page.locator("#spec-fingerprint");
        const logo = page.locator('a[href^="https://redocly.com/redoc"] img');
        const ratios: Record<string, number> = {};
        const logoRatios: Record<string, number> = {};
        const switcher = page.getByTestId("color-mode-switcher");
        for (const theme of ["light", "dark"]) {
          // The switcher is labelled with the current mode.
          if ((await switcher.getAttribute("aria-label")) !== theme) await switcher.click();
          await expect
            .poll(() => page.evaluate(() => document.documentElement.className))
            .toBe(theme);
          ratios[theme] = await footer.evaluate(contrastRatio);
          await logo.evaluate(markInk);
          const ink = page.locator("#ink-probe");
          logoRatios[theme] = await ink.evaluate(contrastRatio);
          await ink.evaluate((probe) => probe.remove());
          if (theme === "dark") {
            mkdirSync(artifactsDir, { recursive: true });
            await footer.screenshot({ path: join(artifactsDir, "docs-dark-footer.png") });
          }
        }
        expect(ratios.light).toBeGreaterThanOrEqual(4.5);
        expect(ratios.dark).toBeGreaterThanOrEqual(4.5);
        expect(logoRatios.light).toBeGreaterThanOrEqual(4.5);
        expect(logoRatios.dark).toBeGreaterThanOrEqual(4.5);
        await switcher.click();
      });

      it("on a phone, closes the navigation drawer once a page is picked", async () => {
        const phone = await context.newPage();
        try {
          await phone.setViewportSize({ width: 390, height: 844 });
          await phone.goto(site.url, { waitUntil: "load" });
          const toggle = phone.getByTestId("floating-button");
          const label = () => toggle.getAttribute("aria-label");
          await toggle.click();
          await expect.poll(label).toBe("Close navigation menu");
          // A section listing operations stays open, so that one can be picked.
          const operation = operations[0];
          if (!operation) throw new Error("no operation");
          await menuItem(phone, operation.tag).click();
          await phone.waitForTimeout(300);
          expect(await label()).toBe("Close navigation menu");
          await menuItem(phone, operation.summary).click();
          await expect.poll(label).toBe("Open navigation menu");
          await expect.poll(() => new URL(phone.url()).hash).toBe(`#/${operation.slug}`);
          // A guide closes it too.
          await toggle.click();
          await menuItem(phone, "Pagination").click();
          await expect.poll(label).toBe("Open navigation menu");
          mkdirSync(artifactsDir, { recursive: true });
          await phone.screenshot({ path: join(artifactsDir, "docs-phone-after-pick.png") });
        } finally {
          await phone.close();
        }
      });
    });

    describe("accessible in both themes, on a desktop and a phone (axe-core, issue 28)", () => {
      // The landing section, each operation (Redoc renders lazily: its hash route first), and
      // the statuses guide with its wide wire-format table.
      const views = ["", ...operations.map((operation) => operation.slug), "the-statuses-filter"];

      afterAll(async () => {
        await page.evaluate(() => localStorage.setItem("redoc.colorMode", "light"));
        await page.reload({ waitUntil: "load" });
        await page.setViewportSize({ width: 1400, height: 900 });
      });

      it.each([
        [1280, "light"],
        [1280, "dark"],
        [390, "light"],
        [390, "dark"],
      ])("at %i px in the %s theme: no violation in any view", async (width, theme) => {
        await page.setViewportSize({ width, height: 900 });
        await page.evaluate((mode) => localStorage.setItem("redoc.colorMode", mode), theme);
        await page.reload({ waitUntil: "load" });
        await expect
          .poll(() => page.evaluate(() => document.documentElement.className))
          .toBe(theme);
        const found: Record<string, string[]> = {};
        for (const view of views) {
          await page.goto(`${site.url}#/${view}`, { waitUntil: "load" });
          await page
            .locator(view ? `[id="${view}"]` : "#api-content h1")
            .first()
            .waitFor();
          await page.waitForTimeout(300); // the page script's fixes run on the next frame
          const violations = await axeViolations(page);
          if (violations.length > 0) found[view || "landing"] = violations;
        }
        expect(found).toEqual({});
      });
    });

    describe("samples and tables that read (issue 28)", () => {
      afterAll(() => page.setViewportSize({ width: 1400, height: 900 }));

      it("at 1280 px every sample reads without sideways scrolling, its copy icon over no line", async () => {
        await page.setViewportSize({ width: 1280, height: 900 });
        for (const operation of operations) {
          await page.goto(`${site.url}#/${operation.slug}`, { waitUntil: "load" });
          const panel = page.locator(".panel-request-samples").filter({ hasText: operation.path });
          await panel.scrollIntoViewIfNeeded();
          // TypeScript last: Redoc keeps the tab picked, and TypeScript is the default.
          for (const label of ["curl", "fetch", "TypeScript"]) {
            await panel.getByRole("button", { name: /^(TypeScript|curl|fetch)$/ }).click();
            await page.getByRole("menuitem", { name: label, exact: true }).click();
            const block = panel.locator('[data-component-name="CodeBlock/CodeBlock"]').first();
            await expect.poll(async () => squash(await shown(block.locator("pre")))).not.toBe("");
            const measured = await block.evaluate((code) => {
              const pre = code.querySelector("pre") as HTMLElement;
              const icon = code
                .querySelector('[data-testid="copy-button"]')
                ?.getBoundingClientRect();
              const first = pre.querySelector(".line, .th-line")?.getBoundingClientRect();
              return {
                hidden: pre.scrollWidth - pre.clientWidth,
                covers: !!icon && !!first && icon.bottom > first.top && icon.left < first.right,
              };
            });
            expect(measured, `${operation.operationId} ${label}`).toEqual({
              hidden: 0,
              covers: false,
            });
          }
          // The response samples (JSON) too.
          const responses = await page
            .locator(`[id="${operation.slug}"] .panel-response-samples pre`)
            .evaluateAll((pres) => pres.map((pre) => pre.scrollWidth - pre.clientWidth));
          expect(responses.length).toBeGreaterThan(0);
          for (const hidden of responses) expect(hidden, operation.operationId).toBe(0);
        }
      });

      it("shows the sample's whole path on a phone, and every role badge whole on its tag's cards", async () => {
        for (const width of [390, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          for (const operation of operations) {
            await page.goto(`${site.url}#/${operation.slug}`, { waitUntil: "load" });
            const header = page
              .locator(".panel-request-samples")
              .filter({ hasText: operation.path })
              .locator('[data-component-name="Panel/PanelHeader"]');
            await header.scrollIntoViewIfNeeded();
            const cut = await header
              .locator("button span, button")
              .evaluateAll(
                (nodes) => nodes.filter((node) => node.scrollWidth > node.clientWidth + 1).length,
              );
            expect(cut, `${operation.operationId} at ${width} px`).toBe(0);
            expect(squash(await shown(header))).toContain(squash(operation.path));
          }
          for (const tag of new Set(operations.map((operation) => operation.tag))) {
            const slug = guideSlug(tag);
            await page.goto(`${site.url}#/${slug}`, { waitUntil: "load" });
            const cards = page.locator(
              `[id="${slug}"] a [data-component-name="Tag/Tag"]:not(.tag-get) > div`,
            );
            await expect.poll(() => cards.count()).toBeGreaterThan(0);
            const badges = await cards.evaluateAll((divs) =>
              divs.map((div) => ({
                text: div.textContent,
                cut:
                  div.scrollWidth > div.clientWidth + 1 ||
                  (div.parentElement?.scrollWidth ?? 0) > (div.parentElement?.clientWidth ?? 0) + 1,
              })),
            );
            for (const badge of badges)
              expect(badge, `${tag} at ${width} px`).toMatchObject({ cut: false });
          }
        }
      });

      it("copies each guide's Markdown with the page-level Copy button; every copy says Copied", async () => {
        await page.setViewportSize({ width: 1280, height: 900 });
        for (const guide of loadGuides(contentDir)) {
          const slug = guideSlug(guide.title);
          await page.goto(`${site.url}#/${slug}`, { waitUntil: "load" });
          await page.evaluate(() => navigator.clipboard.writeText(""));
          const button = page.locator(`[id="${slug}"] [data-testid="page-actions"] button`).first();
          await button.click();
          await expect
            .poll(() => button.getAttribute("data-copied"), { message: guide.file })
            .toBe("");
          expect(await page.locator("#copy-status").textContent()).toBe("Copied");
          const copied = await page.evaluate(() => navigator.clipboard.readText());
          expect(copied, guide.file).toBe(`# ${guide.title}\n\n${guide.body}\n`);
        }
        // An operation's copy is Redoc's own (a spec excerpt): it says Copied too.
        const operation = operations[0];
        if (!operation) throw new Error("no operation");
        await page.goto(`${site.url}#/${operation.slug}`, { waitUntil: "load" });
        const button = page
          .locator(`[id="${operation.slug}"] [data-testid="page-actions"] button`)
          .first();
        await button.click();
        await expect.poll(() => button.getAttribute("data-copied")).toBe("");
        expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(operation.path);
        // A sample's copy icon (Redoc's) copies the sample and says so too.
        const icon = page
          .locator(`[id="${operation.slug}"] .panel-request-samples`)
          .locator('[data-component-name="CodeBlock/CodeBlock"] [data-testid="copy-button"]')
          .first();
        await icon.scrollIntoViewIfNeeded();
        await icon.click();
        await expect.poll(() => icon.getAttribute("data-copied")).toBe("");
        // The sample of the tab shown (Redoc keeps the last tab picked across operations).
        const code = page
          .locator(`[id="${operation.slug}"] .panel-request-samples`)
          .locator('[data-component-name="CodeBlock/CodeBlock"] pre')
          .first();
        const copied = squash(await page.evaluate(() => navigator.clipboard.readText()));
        expect(copied).toBe(squash(await shown(code)));
        const sources = samples.get(operation.operationId)?.map((sample) => squash(sample.source));
        expect(sources).toContain(copied);
      });

      it("on a phone, a wide table scrolls by keyboard and says so; no one-word cell breaks", async () => {
        await page.setViewportSize({ width: 390, height: 900 });
        const dashboard = operations.find((operation) =>
          operation.parameters.some((parameter) => parameter.name === "statuses"),
        );
        let wide = 0;
        for (const view of ["errors", "the-statuses-filter", dashboard?.slug ?? ""]) {
          await page.goto(`${site.url}#/${view}`, { waitUntil: "load" });
          await page.locator(`[id="${view}"]`).waitFor();
          await page.waitForTimeout(300);
          const tables = page.locator(
            "#api-content table.md, #api-content [data-component-name='Markdown/Markdown'] table",
          );
          for (const table of await tables.all()) {
            await table.scrollIntoViewIfNeeded();
            const state = await table.evaluate((node) => ({
              wide: node.scrollWidth > node.clientWidth + 1,
              tabindex: node.getAttribute("tabindex"),
              cue: node.parentElement
                ? getComputedStyle(node.parentElement, "::before").content
                : "none",
              split: [...node.querySelectorAll("td, th")]
                .filter((cell) => !/\s/.test(cell.textContent?.trim() ?? " "))
                .filter((cell) => cell.getClientRects().length > 0)
                .filter((cell) => {
                  // The text's line boxes (a code box sits a few pixels off its text's line).
                  const tops: number[] = [];
                  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
                    const range = document.createRange();
                    range.selectNodeContents(text);
                    for (const rect of range.getClientRects()) tops.push(rect.top);
                  }
                  return Math.max(...tops) - Math.min(...tops) > 8;
                })
                .map((cell) => cell.textContent),
            }));
            expect(state.split, view).toEqual([]);
            if (!state.wide) continue;
            wide += 1;
            expect(state.tabindex, view).toBe("0");
            expect(state.cue, view).toContain("Scroll sideways");
            await table.focus();
            await page.keyboard.press("ArrowRight");
            await expect
              .poll(() => table.evaluate((node) => node.scrollLeft), { message: view })
              .toBeGreaterThan(0);
          }
        }
        expect(wide).toBeGreaterThan(0);
      });

      it("wraps guide code only between words, and gives guides the page's width at 1280 px", async () => {
        await page.setViewportSize({ width: 390, height: 4000 });
        for (const guide of loadGuides(contentDir)) {
          const slug = guideSlug(guide.title);
          await page.goto(`${site.url}#/${slug}`, { waitUntil: "load" });
          await page.locator(`[id="${slug}"]`).waitFor();
          await page.waitForTimeout(300);
          // A word that would fit on a line of its block is never split across two.
          const split = await page
            .locator(`[id="${slug}"] pre, [id^="${slug}/"] pre`)
            .evaluateAll((pres) =>
              pres.flatMap((pre) => {
                const style = getComputedStyle(pre);
                const room =
                  pre.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                const words: string[] = [];
                const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  if (node.parentElement?.closest(".md-copy-button")) continue;
                  const text = node.textContent ?? "";
                  const measure = (start: number, end: number) => {
                    const range = document.createRange();
                    range.setStart(node as Text, start);
                    range.setEnd(node as Text, end);
                    const rects = [...range.getClientRects()];
                    return {
                      width: rects.reduce((sum, rect) => sum + rect.width, 0),
                      lines: new Set(rects.map((rect) => Math.round(rect.top))).size,
                    };
                  };
                  // A chunk between spaces that fits on a line may still break at punctuation
                  // (after a hyphen, before a brace), never inside a word, URL or path.
                  for (const chunk of text.matchAll(/\S+/g)) {
                    const start = chunk.index ?? 0;
                    const whole = measure(start, start + chunk[0].length);
                    if (whole.lines < 2 || whole.width >= room) continue;
                    for (const word of chunk[0].matchAll(/[\w.:/@]+/g)) {
                      const from = start + (word.index ?? 0);
                      if (measure(from, from + word[0].length).lines > 1) words.push(word[0]);
                    }
                  }
                }
                return words;
              }),
            );
          expect(split, guide.file).toEqual([]);
        }
        await page.setViewportSize({ width: 1280, height: 900 });
        for (const guide of loadGuides(contentDir)) {
          const slug = guideSlug(guide.title);
          await page.goto(`${site.url}#/${slug}`, { waitUntil: "load" });
          const middle = page.locator(`[id="${slug}"] [data-testid="middle-panel"]`).first();
          await middle.waitFor();
          const width = await middle.evaluate((node) => node.getBoundingClientRect().width);
          const content = await page.locator("#api-content").evaluate((node) => node.clientWidth);
          expect(width / content, guide.file).toBeGreaterThan(0.8);
        }
      });
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

    consoleCases(() => ({ page, context, url: site.url }));

    // Last: it judges everything the tests above made the page do.
    it("logged no error and made no request to another host", () => {
      expect(requests.length).toBeGreaterThan(0);
      const external = requests.filter((url) => {
        // file: is the built folder itself (the console's file:// case), on no host.
        if (/^(data|blob|file):/.test(url)) return false;
        return !["127.0.0.1", "localhost"].includes(new URL(url).hostname);
      });
      expect(external).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
}

/**
 * The WCAG contrast ratio of an element's text color against the first opaque background
 * behind it (run in the page).
 */
function contrastRatio(element: Element): number {
  const channels = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = (color: string) => {
    const [r = 0, g = 0, b = 0] = channels(color).map((value) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  let background = "rgb(255, 255, 255)";
  for (let node: Element | null = element; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    if ((channels(color)[3] ?? 1) > 0) {
      background = color;
      break;
    }
  }
  const [light, dark] = [luminance(getComputedStyle(element).color), luminance(background)].sort(
    (a, b) => b - a,
  );
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

/**
 * Marks an image's ink for {@link contrastRatio} (run in the page): a span beside the image,
 * `#ink-probe`, coloured like the image's most opaque pixel drawn with the image's CSS filter.
 * The image must be same-origin, as a data: URL is.
 */
function markInk(element: Element): void {
  const image = element as HTMLImageElement;
  const canvas = document.createElement("canvas");
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext("2d");
  if (!context || canvas.width === 0) throw new Error("the image has not loaded");
  context.filter = getComputedStyle(image).filter;
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if ((pixels[i + 3] ?? 0) > (pixels[ink + 3] ?? 0)) ink = i;
  }
  const probe = document.createElement("span");
  probe.id = "ink-probe";
  probe.style.color = `rgb(${pixels[ink]}, ${pixels[ink + 1]}, ${pixels[ink + 2]})`;
  image.after(probe);
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
/**
 * Opens the operation's tag group until its menu entry shows. Navigating to an operation opens
 * its group by itself, a moment later, and clicking an open group closes it: so click, look,
 * and click again until the entry is visible, rather than trust one look.
 */
async function showInMenu(page: Page, operation: { summary: string; tag: string }): Promise<void> {
  const link = menuItem(page, operation.summary);
  await expect
    .poll(
      async () => {
        if (await link.isVisible()) return true;
        await menuItem(page, operation.tag)
          .click({ timeout: 5_000 })
          .catch(() => {});
        await page.waitForTimeout(500);
        return link.isVisible();
      },
      { timeout: 30_000, interval: 50 },
    )
    .toBe(true);
}

function menuItem(page: Page, label: string): Locator {
  return page.getByTestId("menu-item-label").locator(`span[data-text=${JSON.stringify(label)}]`);
}
