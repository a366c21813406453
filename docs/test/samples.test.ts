// The code samples shown on the page are real programs: they must type-check against the client
// and print the right data when run against the mock, exactly as a reader would run them.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { startMock, TEST_TOKENS } from "@community-api/mock";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docsDir, samplesDir } from "./paths.js";
import { type RunResult, run } from "./run.js";

const require = createRequire(import.meta.url);

interface ListPage {
  count: number;
  next: string | null;
  results: { username: string }[];
}

/**
 * What each operation's samples request, and how their printed lines relate to that response.
 * `header`: the line printed before the items; `allPages`: the TS/fetch samples follow `next`.
 */
const CASES = [
  {
    operationId: "getCourseDashboardUsers",
    token: TEST_TOKENS.courseManager,
    firstPage:
      "/api/v2/course/1/users/?limit=20&statuses=%5B%22joined%22%2C%22manager%22%5D&ordering=-last_active_at",
    header: (page: ListPage) => `${page.count} members`,
    allPages: false,
  },
  {
    operationId: "getCourseInvitedUsers",
    token: TEST_TOKENS.courseManager,
    firstPage: "/api/v2/course/1/invite/?limit=50&offset=0",
    header: undefined,
    allPages: true,
  },
  {
    operationId: "getEventInvitedUsers",
    token: TEST_TOKENS.eventManager,
    firstPage: "/api/v2/event/1/invite/?limit=20",
    header: (page: ListPage) => `${page.count} pending invitations`,
    allPages: false,
  },
] as const;

/** Runs one sample file the way a reader would: TS through the TypeScript compiler, .sh with sh. */
function runSample(file: string, env: Record<string, string>): Promise<RunResult> {
  const path = join(samplesDir, file);
  if (file.endsWith(".sh")) return run("sh", [path], { env });
  if (file.endsWith(".ts")) {
    const { outputText } = ts.transpileModule(readFileSync(path, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: path,
    });
    // From stdin with docs/ as cwd, `@community-api/client` resolves as it does for the file.
    return run(process.execPath, ["--input-type=module"], { cwd: docsDir, env, input: outputText });
  }
  return run(process.execPath, [path], { env });
}

const curlAvailable = run("curl", ["--version"]).then(
  (result) => result.code === 0,
  () => false,
);

describe("code samples", () => {
  it("type-check against @community-api/client (tsc --noEmit -p tsconfig.samples.json)", async () => {
    const tsc = join(require.resolve("typescript/package.json"), "..", "bin", "tsc");
    const result = await run(process.execPath, [tsc, "--noEmit", "-p", "tsconfig.samples.json"], {
      cwd: docsDir,
      timeout: 60_000,
    });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  describe("against the mock", () => {
    let mock: { url: string; stop: () => Promise<void> };
    beforeAll(async () => {
      mock = await startMock({ port: 0, mode: "realistic", seed: 1 });
    });
    afterAll(() => mock?.stop());

    /** The response the sample should have received, fetched directly. */
    async function expected(path: string, token: string): Promise<ListPage> {
      const response = await fetch(`${mock.url}${path}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
      });
      expect(response.status).toBe(200);
      const page = (await response.json()) as ListPage;
      // An empty page would let a sample that prints nothing pass.
      expect(page.results.length).toBeGreaterThan(0);
      return page;
    }

    /** Every item of the list, following `next` from the first page. */
    async function everyItem(path: string, token: string) {
      const items: ListPage["results"] = [];
      let page = await expected(path, token);
      items.push(...page.results);
      while (page.next) {
        const response = await fetch(page.next, { headers: { Authorization: `Bearer ${token}` } });
        page = (await response.json()) as ListPage;
        items.push(...page.results);
      }
      return items;
    }

    for (const sample of CASES) {
      const env = () => ({ COMMUNITY_API_URL: mock.url, COMMUNITY_API_TOKEN: sample.token });

      it(`${sample.operationId}.sh prints the response body (real curl)`, async (context) => {
        if (!(await curlAvailable)) {
          if (process.env.CI) throw new Error("curl is not installed: apt-get install -y curl");
          console.warn("SKIPPED: no curl binary on PATH; the curl samples were not run");
          context.skip();
        }
        const page = await expected(sample.firstPage, sample.token);
        const result = await runSample(`${sample.operationId}.sh`, env());
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout)).toEqual(page);
      });

      for (const file of [`${sample.operationId}.ts`, `${sample.operationId}.fetch.mjs`]) {
        it(`${file} prints the items of the response`, async () => {
          const page = await expected(sample.firstPage, sample.token);
          const items = sample.allPages
            ? await everyItem(sample.firstPage, sample.token)
            : page.results;
          const result = await runSample(file, env());
          expect(result.stderr).toBe("");
          expect(result.code).toBe(0);
          const lines = result.stdout.trimEnd().split("\n");
          const header = sample.header?.(page);
          if (header !== undefined) expect(lines.shift()).toBe(header);
          // One line per item, in the API's order, each naming the item's user.
          expect(lines).toHaveLength(items.length);
          lines.forEach((line, index) => {
            expect(line.split(" ")).toContain(items[index]?.username);
          });
        });
      }
    }

    it.each([
      "getCourseDashboardUsers.ts",
      "getCourseDashboardUsers.fetch.mjs",
      "getCourseDashboardUsers.sh",
    ])("%s fails loudly when the API refuses (member token -> 403)", async (file) => {
      if (file.endsWith(".sh") && !(await curlAvailable)) return;
      const result = await runSample(file, {
        COMMUNITY_API_URL: mock.url,
        COMMUNITY_API_TOKEN: TEST_TOKENS.courseMember,
      });
      expect(result.code).not.toBe(0);
      expect(result.stdout + result.stderr).toMatch(/403|PermissionDenied/);
    });
  });
});

it("the samples' defaults point at the local mock the guides describe", () => {
  for (const sample of CASES) {
    for (const suffix of [".ts", ".fetch.mjs", ".sh"]) {
      const file = join(samplesDir, `${sample.operationId}${suffix}`);
      expect(existsSync(file), file).toBe(true);
      const source = readFileSync(file, "utf8");
      expect(source).toContain("http://127.0.0.1:4010");
      expect(source).toContain(sample.token);
    }
  }
});
