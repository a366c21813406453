// The code samples on the page are generated from the operation facts (scripts/samples.mjs) and
// are real programs: written to a scratch folder, they must type-check against the client and
// print the right data when run against the mock, exactly as a reader would run them.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMock } from "@community-api/mock";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGuides } from "../scripts/guides.mjs";
import {
  generateSamples,
  MOCK_URL,
  SAMPLE_KINDS,
  samplePlan,
  wireValue,
  writeSamples,
} from "../scripts/samples.mjs";
import { readBundledSpec, readOperationFacts } from "../scripts/spec.mjs";
import { contentDir, docsDir } from "./paths.js";
import { type RunResult, run } from "./run.js";

const require = createRequire(import.meta.url);

interface ListPage {
  count: number;
  next: string | null;
  results: unknown[];
}

const facts = readOperationFacts(readBundledSpec());
const samples = generateSamples(facts);
const plans = facts.operations.map(samplePlan);

// The samples as files in a reader's ES module project, whose node_modules (a link to the docs')
// resolves `@community-api/client` as an installed package.
const scratch = mkdtempSync(join(tmpdir(), "docs-samples-"));
symlinkSync(join(docsDir, "node_modules"), join(scratch, "node_modules"), "dir");
writeFileSync(join(scratch, "package.json"), JSON.stringify({ private: true, type: "module" }));
writeSamples(samples, scratch);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs one sample file the way a reader would: TS through the TypeScript compiler, .sh with sh. */
function runSample(file: string, env: Record<string, string>): Promise<RunResult> {
  const path = join(scratch, file);
  if (file.endsWith(".sh")) return run("sh", [path], { env });
  if (file.endsWith(".ts")) {
    const { outputText } = ts.transpileModule(readFileSync(path, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: path,
    });
    // From stdin with the scratch folder as cwd, imports resolve as they do for the file.
    return run(process.execPath, ["--input-type=module"], { cwd: scratch, env, input: outputText });
  }
  return run(process.execPath, [path], { env });
}

/** The first page's path and query, as the samples request it. */
function firstPage(plan: (typeof plans)[number]): string {
  const query = new URLSearchParams(plan.query.map((entry) => [entry.name, wireValue(entry)]));
  return `${plan.path}${plan.query.length > 0 ? `?${query}` : ""}`;
}

const files = (operationId: string) => SAMPLE_KINDS.map((kind) => `${operationId}${kind.suffix}`);

const curlAvailable = run("curl", ["--version"]).then(
  (result) => result.code === 0,
  () => false,
);

/** Skips a curl sample (loudly, and never under CI) when there is no curl binary. */
async function needsCurl(file: string, skip: () => void): Promise<void> {
  if (!file.endsWith(".sh") || (await curlAvailable)) return;
  if (process.env.CI) throw new Error("curl is not installed: apt-get install -y curl");
  console.warn(`SKIPPED ${file}: no curl binary on PATH`);
  skip();
}

describe("generated code samples", () => {
  it("exist for every operation of the facts, one per kind", () => {
    expect([...samples.keys()].sort()).toEqual(facts.operations.map((o) => o.operationId).sort());
    for (const entries of samples.values()) {
      expect(entries.map((entry) => entry.label)).toEqual(SAMPLE_KINDS.map((kind) => kind.label));
      for (const entry of entries) expect(entry.source.length).toBeGreaterThan(100);
    }
  });

  it("appear for a new operation of the spec with no other change", () => {
    const template = facts.operations.find((operation) => operation.iterator !== null);
    if (!template) throw new Error("the spec has no list operation");
    const added = {
      ...template,
      operationId: "getEventGuests",
      summary: "Get Event Guests",
      path: "/api/v2/event/{id}/guests/",
      iterator: "eventGuests",
      roles: { resource: "event", roles: ["manager"] },
    };
    const more = generateSamples({ ...facts, operations: [...facts.operations, added] });
    const [client, curl, fetch] = more.get("getEventGuests") ?? [];
    // biome-ignore-start lint/suspicious/noTemplateCurlyInString: shell and JS source text
    expect(client?.source).toContain("client.paginate.eventGuests(1, {");
    expect(curl?.source).toContain('"${base%/}/api/v2/event/1/guests/"');
    expect(curl?.source).toContain("${COMMUNITY_API_TOKEN:-event-1-manager}");
    expect(fetch?.source).toContain("`${baseUrl}/api/v2/event/1/guests/`");
    // biome-ignore-end lint/suspicious/noTemplateCurlyInString: shell and JS source text
  });

  it("send a JSON-array parameter as an array (TS) and as ONE parameter on the wire", () => {
    const withArray = plans.filter((plan) => plan.query.some((entry) => entry.json));
    expect(withArray.length).toBeGreaterThan(0);
    for (const plan of withArray) {
      const [client, curl, fetch] = samples.get(plan.operation.operationId) ?? [];
      for (const entry of plan.query.filter((e) => e.json)) {
        const array = JSON.stringify(entry.value).replaceAll(",", ", ");
        expect(client?.source).toContain(`${entry.name}: ${array},`);
        expect(curl?.source).toContain(`--data-urlencode '${entry.name}=${wireValue(entry)}'`);
        expect(fetch?.source).toContain(`${entry.name}: JSON.stringify(${array}),`);
      }
    }
  });

  it("type-check against @community-api/client (tsc --noEmit)", async () => {
    writeFileSync(
      join(scratch, "tsconfig.json"),
      JSON.stringify({ extends: join(docsDir, "tsconfig.json"), include: ["*.ts"] }),
    );
    const tsc = join(require.resolve("typescript/package.json"), "..", "bin", "tsc");
    const result = await run(process.execPath, [tsc, "--noEmit", "-p", scratch], {
      cwd: scratch,
      timeout: 60_000,
    });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("default to the local mock that the guides describe", () => {
    expect(readFileSync(join(contentDir, "01-overview.md"), "utf8")).toContain(MOCK_URL);
    for (const entries of samples.values()) {
      for (const entry of entries) expect(entry.source).toContain(MOCK_URL);
    }
  });

  describe("against the mock", () => {
    let mock: { url: string; stop: () => Promise<void> };
    beforeAll(async () => {
      mock = await startMock({ port: 0, mode: "realistic", seed: 1 });
    });
    afterAll(() => mock?.stop());

    /** The response a sample should have received, fetched directly. */
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
    async function everyItem(path: string, token: string): Promise<unknown[]> {
      let page = await expected(path, token);
      const items = [...page.results];
      while (page.next) {
        const response = await fetch(page.next, { headers: { Authorization: `Bearer ${token}` } });
        page = (await response.json()) as ListPage;
        items.push(...page.results);
      }
      return items;
    }

    it("the statuses guide's curl runs as copied, falling back to the mock's URL and token", async (context) => {
      await needsCurl("guide.sh", () => context.skip());
      const guide = loadGuides(contentDir).find((page) => page.file === "04-statuses.md");
      const block = /```sh\n([\s\S]*?)```/.exec(guide?.body ?? "")?.[1] ?? "";
      expect(block).toContain("curl");
      // A set URL (trailing slash and all) with no token: the mock's test token is used.
      const set = await run("sh", ["-c", block], {
        env: { COMMUNITY_API_URL: `${mock.url}/`, COMMUNITY_API_TOKEN: "" },
      });
      expect(set.stderr).not.toMatch(/curl: \(/);
      const page = JSON.parse(set.stdout) as { results: { join_status: string }[] };
      expect(page.results.length).toBeGreaterThan(0);
      for (const item of page.results) expect(["joined", "manager"]).toContain(item.join_status);
      // No URL at all: a well-formed request to the local mock's address, not curl's
      // "(3) Could not parse the URL".
      const unset = await run("sh", ["-c", block], { env: { COMMUNITY_API_URL: "" } });
      expect(unset.code).not.toBe(3);
      expect(unset.stderr).not.toContain("Could not parse");
    });

    describe.each(plans)("$operation.operationId", (plan) => {
      const { operationId } = plan.operation;
      const [tsFile, curlFile, fetchFile] = files(operationId) as [string, string, string];

      // Run with the default token (no COMMUNITY_API_TOKEN): the mock's test token must work.
      // A trailing slash on the base URL must not matter (issue 18: `//api/v2/...` is a 404).
      describe.each(["", "/"])("COMMUNITY_API_URL=<mock>%s", (slash) => {
        const env = () => ({ COMMUNITY_API_URL: `${mock.url}${slash}`, COMMUNITY_API_TOKEN: "" });

        it(`${curlFile} prints the first page's body (real curl)`, async (context) => {
          await needsCurl(curlFile, () => context.skip());
          const page = await expected(firstPage(plan), plan.token);
          const result = await runSample(curlFile, env());
          expect(result.stderr).toBe("");
          expect(result.code).toBe(0);
          expect(JSON.parse(result.stdout)).toEqual(page);
        });

        it.each([tsFile, fetchFile])("%s prints every item, one JSON line each", async (file) => {
          const items = await everyItem(firstPage(plan), plan.token);
          const result = await runSample(file, env());
          expect(result.stderr).toBe("");
          expect(result.code).toBe(0);
          const lines = result.stdout.trimEnd().split("\n");
          expect(lines.map((line) => JSON.parse(line))).toEqual(items);
        });
      });

      it.for(files(operationId))(
        "%s fails loudly without the role (403)",
        async (file, context) => {
          await needsCurl(file, () => context.skip());
          const member = `${plan.operation.roles?.resource}-1-member`;
          const result = await runSample(file, {
            COMMUNITY_API_URL: mock.url,
            COMMUNITY_API_TOKEN: member,
          });
          expect(result.code).not.toBe(0);
          expect(result.stdout + result.stderr).toMatch(/403|PermissionDenied/);
        },
      );
    });
  });

  describe("when `next` names another host", () => {
    // The API's host (A) answers a first page whose `next` points at another origin (B), and the
    // second page at offset 1. A sample must fetch the second page from A, never from B.
    const seen: { server: string; url: string; headers: IncomingHttpHeaders }[] = [];
    const listen = (name: string, answer: (url: URL) => unknown) =>
      new Promise<{ url: string; close: () => void }>((resolve) => {
        const server = createServer((request, response) => {
          seen.push({ server: name, url: request.url ?? "", headers: request.headers });
          const body = JSON.stringify(answer(new URL(request.url ?? "/", "http://x")));
          response.writeHead(200, { "content-type": "application/json" }).end(body);
        });
        server.listen(0, "127.0.0.1", () => {
          const { port } = server.address() as AddressInfo;
          resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
        });
      });
    let api: { url: string; close: () => void };
    let other: { url: string; close: () => void };
    beforeAll(async () => {
      other = await listen("other", () => ({ count: 0, next: null, previous: null, results: [] }));
      api = await listen("api", (url) =>
        url.searchParams.get("offset") === "1"
          ? { count: 2, next: null, previous: null, results: [{ id: 2, username: "second" }] }
          : {
              count: 2,
              next: `${other.url}${url.pathname}?limit=1&offset=1`,
              previous: null,
              results: [{ id: 1, username: "first" }],
            },
      );
    });
    afterAll(() => {
      api?.close();
      other?.close();
    });

    const walkers = plans.flatMap((plan) => {
      const [client, , fetch] = files(plan.operation.operationId);
      return plan.operation.list ? [client as string, fetch as string] : [];
    });
    it.each(walkers)(
      "%s asks the API's own host for the next page and sends the token nowhere else",
      async (file) => {
        seen.length = 0;
        const result = await runSample(file, {
          COMMUNITY_API_URL: api.url,
          COMMUNITY_API_TOKEN: "secret-token",
        });
        expect(result.stderr).toBe("");
        expect(
          result.stdout
            .trimEnd()
            .split("\n")
            .map((line) => JSON.parse(line).id),
        ).toEqual([1, 2]);
        expect(seen.filter((request) => request.server === "other")).toEqual([]);
        expect(seen.map((request) => request.headers.authorization)).toEqual([
          "Bearer secret-token",
          "Bearer secret-token",
        ]);
      },
    );
  });
});
