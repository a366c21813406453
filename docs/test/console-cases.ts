// The Try-it console in Chromium, run inside browser.test.ts's session (one browser for all the
// docs' browser cases): for every operation of the facts, a 200, a 403 with a member token and a
// 400 with limit=0, served over HTTP and opened from the built folder over file://; answered in
// the page (not one request while sending) with what the mock kit answers in node for the curl
// line it shows; keyboard use; axe-core on the open console in both themes.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createMockFetch, testToken } from "@community-api/mock/kit";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import type { ConsoleOperation } from "../console/request.js";
import { consoleConfig } from "../scripts/console.mjs";
import { readBundledSpec, readOperationFacts } from "../scripts/spec.mjs";
import { axeViolations } from "./axe.js";
import { distDir } from "./paths.js";

/** What the shared browser session lends these cases (read once its `beforeAll` has run). */
export interface ConsoleSession {
  page: Page;
  context: BrowserContext;
  /** The served site's URL, ending in `/`. */
  url: string;
}

const config = consoleConfig(readOperationFacts(readBundledSpec()));
const { operations } = config;
const nodeFetch = createMockFetch();
const slugOf = (operation: ConsoleOperation) =>
  `${operation.tag}/${operation.operationId}`.toLowerCase();
/** The token of a plain member of the resource the console asks for: a role no operation accepts. */
const memberToken = (operation: ConsoleOperation) =>
  testToken({ resource: operation.roles?.resource, id: config.id, role: "member" } as Parameters<
    typeof testToken
  >[0]);

interface Answer {
  status: number;
  body: unknown;
  curl: string;
  headers: string;
  /** Requests the page made while the answer came: the console must make none. */
  requests: string[];
}

/** Opens the operation's route and its console. */
async function openConsole(page: Page, site: string, operation: ConsoleOperation) {
  await page.goto(`${site}#/${slugOf(operation)}`, { waitUntil: "load" });
  const opener = page.locator("#try-it .try-it-open");
  await expect.poll(() => opener.textContent()).toBe(`Try it: ${operation.summary}`);
  await opener.click();
  const dialog = page.locator("#try-it dialog[open]");
  await dialog.locator(`[data-operation="${operation.operationId}"]`).waitFor();
  return dialog;
}

/** Presses Send (or `submit`) and reads the answer the console shows. */
async function send(page: Page, submit = () => page.locator("#try-it .try-it-send").click()) {
  const answer = page.locator("#try-it .try-it-answer");
  await answer.evaluate((node) => delete (node as HTMLElement).dataset.status);
  const requests: string[] = [];
  const record = (request: { url(): string }) => requests.push(request.url());
  page.on("request", record);
  await submit();
  await expect.poll(() => answer.getAttribute("data-status")).not.toBeNull();
  page.off("request", record);
  const text = (selector: string) => answer.locator(selector).textContent();
  return {
    status: Number(await answer.getAttribute("data-status")),
    body: JSON.parse((await text(".try-it-body")) ?? "null"),
    curl: (await text(".try-it-curl")) ?? "",
    headers: (await text("pre:not(.try-it-curl):not(.try-it-body)")) ?? "",
    requests,
  } satisfies Answer;
}

/** What the mock kit answers in node for the request a curl line states. */
async function answerOfCurl(curl: string) {
  const words = [...curl.matchAll(/'((?:[^']|'\\'')*)'/g)].map(
    (m) => m[1]?.replaceAll("'\\''", "'") ?? "",
  );
  const url = words.at(-1) ?? "";
  const headers = words
    .slice(0, -1)
    .map((word) => word.split(/: (.*)/s).slice(0, 2) as [string, string]);
  const response = await nodeFetch(url, { headers });
  return { status: response.status, body: await response.json() };
}

/** The three answers every operation must give, on a site at `site` (http or file). */
async function threeAnswers(page: Page, site: string, operation: ConsoleOperation) {
  const dialog = await openConsole(page, site, operation);
  const token = dialog.locator("#try-it-token");
  const limit = dialog.locator("#try-it-query-limit");

  const ok = await send(page);
  expect(ok.status, `${operation.operationId} with its defaults`).toBe(200);
  expect(ok.body).toMatchObject({ count: expect.any(Number), results: expect.any(Array) });
  expect((ok.body as { results: unknown[] }).results.length).toBeGreaterThan(0);
  expect(await answerOfCurl(ok.curl)).toEqual({ status: 200, body: ok.body });
  expect(ok.headers).toMatch(/^content-type: application\/json/m);

  await token.selectOption(memberToken(operation));
  const denied = await send(page);
  expect(denied.status, `${operation.operationId} with ${memberToken(operation)}`).toBe(403);
  expect(denied.curl).toContain(`Authorization: Bearer ${memberToken(operation)}`);
  expect(await answerOfCurl(denied.curl)).toEqual({ status: 403, body: denied.body });

  await token.selectOption({ index: 0 });
  await limit.fill("0");
  const invalid = await send(page);
  expect(invalid.status, `${operation.operationId} with limit=0`).toBe(400);
  expect(JSON.stringify(invalid.body)).toContain('"field":"limit"');
  expect(new URL(invalid.curl.match(/'(http[^']+)'$/)?.[1] ?? "").searchParams.get("limit")).toBe(
    "0",
  );
  await limit.fill("");

  for (const answer of [ok, denied, invalid]) expect(answer.requests).toEqual([]);
  await page.keyboard.press("Escape");
  await expect.poll(() => dialog.count()).toBe(0);
}

/** Registers the console's cases; call it inside the session's `describe`. */
export function consoleCases(session: () => ConsoleSession): void {
  describe("the Try-it console (issue 28)", () => {
    afterAll(async () => {
      const { page } = session();
      await page.evaluate(() => localStorage.setItem("redoc.colorMode", "light"));
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.reload({ waitUntil: "load" });
    });

    it.each(operations)(
      "$operationId: 200 with its defaults, 403 with a member token, 400 with limit=0, none of it over the network",
      async (operation) => {
        const { page, url } = session();
        await threeAnswers(page, url, operation);
      },
    );

    it("sends a JSON-array parameter's picks as ONE parameter, and an enum as picked", async () => {
      const { page, url } = session();
      const tried = operations.filter((operation) =>
        operation.queryParameters.some((parameter) => parameter.jsonArray),
      );
      expect(tried.length).toBeGreaterThan(0);
      for (const operation of tried) {
        const dialog = await openConsole(page, url, operation);
        const parameter = operation.queryParameters.find((entry) => entry.jsonArray);
        const name = parameter?.name ?? "";
        const values = (parameter?.jsonArray?.enum ?? []).map(String);
        const picked = [values.at(-1), values[0], values[2]] as string[];
        for (const value of picked) {
          await dialog
            .getByRole("group", { name })
            .getByRole("checkbox", { name: value, exact: true })
            .check();
        }
        const single = operation.queryParameters.find(
          (entry) => entry.enum && !entry.jsonArray && entry.enum.length > 1,
        );
        if (single) {
          await dialog
            .getByLabel(single.name, { exact: true })
            .selectOption(String(single.enum?.[1]));
        }
        const answer = await send(page);
        expect(answer.status).toBe(200);
        const sent = new URL(answer.curl.match(/'(http[^']+)'$/)?.[1] ?? "").searchParams;
        const inOrder = values.filter((value) => picked.includes(value));
        expect(sent.getAll(name)).toEqual([JSON.stringify(inOrder)]);
        if (single) expect(sent.get(single.name)).toBe(String(single.enum?.[1]));
        expect(await answerOfCurl(answer.curl)).toEqual({ status: 200, body: answer.body });
        await page.keyboard.press("Escape");
      }
    });

    it("is used by keyboard: Enter opens it, Enter in a field sends, Escape closes it and focus returns", async () => {
      const { page, url } = session();
      const operation = operations[0] as ConsoleOperation;
      await page.goto(`${url}#/${slugOf(operation)}`, { waitUntil: "load" });
      const opener = page.locator("#try-it .try-it-open");
      await expect.poll(() => opener.isVisible()).toBe(true);
      await opener.focus();
      await page.keyboard.press("Enter");
      const dialog = page.locator("#try-it dialog[open]");
      await dialog.waitFor();
      expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
      const id = dialog.locator(`#try-it-path-${operation.pathParameters[0]?.name}`);
      await id.focus();
      const answer = await send(page, () => page.keyboard.press("Enter"));
      expect(answer.status).toBe(200);
      // The answer is announced: its status line is a live region.
      expect(await dialog.locator(".try-it-status").getAttribute("role")).toBe("status");
      await page.keyboard.press("Escape");
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await opener.evaluate((node) => node === document.activeElement)).toBe(true);
    });

    it("sits beside Redoc's tree, not in it, and shows no opener outside an operation", async () => {
      const { page, url } = session();
      await page.goto(`${url}#/pagination`, { waitUntil: "load" });
      await page.locator('[id="pagination"]').waitFor();
      expect(
        await page.locator("#try-it").evaluate((node) => ({
          parent: node.parentElement?.tagName,
          inRedoc: node.closest("#redoc, [class*='redoc'], #api-content") !== null,
        })),
      ).toEqual({ parent: "BODY", inRedoc: false });
      await expect.poll(() => page.locator("#try-it .try-it-open").isVisible()).toBe(false);
    });

    it.each([
      [1280, "light"],
      [1280, "dark"],
      [390, "light"],
      [390, "dark"],
    ])(
      "at %i px in the %s theme: the open console with an answer has no axe-core violation",
      async (width, theme) => {
        const { page, url } = session();
        await page.setViewportSize({ width, height: 900 });
        await page.evaluate((mode) => localStorage.setItem("redoc.colorMode", mode), theme);
        const operation = operations[0] as ConsoleOperation;
        await page.goto(`${url}#/${slugOf(operation)}`, { waitUntil: "load" });
        await page.reload({ waitUntil: "load" });
        await expect
          .poll(() => page.evaluate(() => document.documentElement.className))
          .toBe(theme);
        await openConsole(page, url, operation);
        await page.locator("#try-it-token").selectOption(memberToken(operation));
        expect((await send(page)).status).toBe(403); // the error colour is checked too
        expect(await axeViolations(page, "#try-it")).toEqual([]);
        await page.keyboard.press("Escape");
      },
    );

    it("works from the built folder over file://, loading nothing from anywhere else", async () => {
      const { context } = session();
      const page = await context.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      try {
        const site = pathToFileURL(join(distDir, "index.html")).href;
        for (const operation of operations) await threeAnswers(page, site, operation);
      } finally {
        await page.close();
      }
      expect(requests.filter((url) => !/^(file|data|blob):/.test(url))).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
}
