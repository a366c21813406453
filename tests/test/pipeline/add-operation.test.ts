// Adding an operation is a spec change. In a temporary copy of the spec, one paginated operation
// (getCourseWaitingUsers) and one query parameter of an existing operation (min_completion on
// getCourseDashboardUsers) are added by editing spec files only. Then the real pipeline runs on
// the copy (bundle -> operation facts -> types -> client and mock generators), and:
// - the client has the named method, both iterators and the new parameter, in its types (tsc on
//   a consumer) and on the wire (the copied client, bundled, sends them);
// - the query package has the operation's query options, infinite options and keys, typed (tsc)
//   and working (its infinite options walk the new list through the copied client);
// - the docs get its TypeScript, curl and fetch samples (the TypeScript one compiles) and its
//   Try-it console;
// - the mock's type check fails naming the list implementation the new operation lacks (the
//   one thing besides the spec a new list operation needs by hand, with its data if new).
import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../workspace.js";

const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");
let work: string;

function run(args: string[], cwd = work): { ok: boolean; output: string } {
  const r = spawnSync(process.execPath, args, {
    encoding: "utf8",
    cwd,
    env: { ...process.env, CI: "" },
  });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Copies a workspace folder (without dist/ and node_modules/) and links its node_modules. */
function copyPackage(folder: string): string {
  const to = join(work, folder);
  cpSync(join(repoRoot, folder), to, {
    recursive: true,
    filter: (src) => !/node_modules|[\\/]dist$/.test(src),
  });
  symlinkSync(join(repoRoot, folder, "node_modules"), join(to, "node_modules"), "dir");
  return to;
}

/**
 * Type-checks `consumer` against the copied package `packages/<name>` (its src/, the other
 * copied packages through `paths`), as a user's file would be; returns tsc's result.
 */
function typecheckCopy(name: string, consumer: string, paths: Record<string, string[]>) {
  const dir = join(work, "packages", name);
  writeFileSync(join(dir, "consumer.ts"), consumer);
  writeFileSync(
    join(dir, "tsconfig.trial.json"),
    JSON.stringify({
      extends: "../../tsconfig.base.json",
      compilerOptions: { types: [], paths },
      include: ["src", "consumer.ts"],
    }),
  );
  return run([tsc, "-p", "tsconfig.trial.json"], dir);
}

/** Bundles `entry` of the copied package `packages/<name>` (with `alias`) and imports it. */
async function importCopy(name: string, entry: string, alias: Record<string, string> = {}) {
  const out = join(work, "packages", name, "trial.mjs");
  const esbuild = require.resolve("esbuild", { paths: [join(repoRoot, "packages", "client")] });
  const { buildSync } = (await import(pathToFileURL(esbuild).href)) as {
    buildSync(options: object): unknown;
  };
  buildSync({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "neutral",
    outfile: out,
    logLevel: "silent",
    alias,
  });
  return import(pathToFileURL(out).href);
}

const WAITING_PATH = `get:
  operationId: getCourseWaitingUsers
  summary: Get Course Waiting Users
  description: Users waiting for a place in the course (an operation added by this test).
  tags: [Course]
  x-required-roles:
    resource: course
    roles: [creator, manager]
  parameters:
    - $ref: ../components/parameters/CourseId.yaml
    - $ref: ../components/parameters/Limit.yaml
    - $ref: ../components/parameters/Offset.yaml
  responses:
    "200":
      x-source: { from: inferred, reason: "an operation added by this test" }
      description: A page of users.
      content:
        application/json:
          schema:
            $ref: ../components/schemas/CourseUserDashboardPage.yaml
    "401":
      $ref: ../components/responses/Unauthorized.yaml
    "403":
      $ref: ../components/responses/Forbidden.yaml
`;

const MIN_COMPLETION = `name: min_completion
x-source: { from: inferred, reason: "a parameter added by this test" }
in: query
required: false
description: Only members who completed at least this percentage (a parameter added by this test).
schema:
  type: integer
  minimum: 0
  maximum: 100
`;

const CONSUMER = `import { createCommunityClient, type ItemOf } from "./src/index.js";

const client = createCommunityClient({ baseUrl: "https://community.test", token: "t" });
export const page = client.getCourseWaitingUsers(1, { limit: 5 });
export const items = client.paginate.courseWaitingUsers(1, { pageSize: 5 });
export const pages = client.pages.courseWaitingUsers("2");
export const filtered = client.getCourseDashboardUsers(1, { min_completion: 50 });
export type Waiting = ItemOf<"getCourseWaitingUsers">;
// @ts-expect-error min_completion is an integer, as the spec says
client.getCourseDashboardUsers(1, { min_completion: "half" });
// @ts-expect-error the new operation has no statuses parameter
client.getCourseWaitingUsers(1, { statuses: "joined" });
`;

const QUERY_CONSUMER = `import { createCommunityClient } from "@community-api/client";
import { createCommunityQueries } from "./src/index.js";

const queries = createCommunityQueries(createCommunityClient({ baseUrl: "https://community.test" }));
export const options = queries.getCourseWaitingUsers(1, { limit: 5 });
export const pages = queries.infinite.courseWaitingUsers(1, { pageSize: 5 });
export const keys = [queries.keys.getCourseWaitingUsers(1), queries.keys.all];
export const filtered = queries.getCourseDashboardUsers(1, { min_completion: 50 });
// @ts-expect-error min_completion is an integer, as the spec says
queries.getCourseDashboardUsers(1, { min_completion: "half" });
// @ts-expect-error the new operation has no statuses parameter
queries.infinite.courseWaitingUsers(1, { statuses: "joined" });
`;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "add-operation-"));
  for (const file of ["redocly.yaml", "tsconfig.base.json"]) {
    cpSync(join(repoRoot, file), join(work, file));
  }
  const spec = copyPackage("spec");
  for (const folder of ["packages/types", "packages/client", "packages/query", "packages/mock"]) {
    mkdirSync(join(work, "packages"), { recursive: true });
    copyPackage(folder);
  }
  // The spec change, and nothing else by hand.
  writeFileSync(join(spec, "paths", "api_v2_course_{id}_waiting.yaml"), WAITING_PATH);
  writeFileSync(join(spec, "components", "parameters", "MinCompletion.yaml"), MIN_COMPLETION);
  const root = join(spec, "openapi.yaml");
  writeFileSync(
    root,
    readFileSync(root, "utf8").replace(
      "components:\n",
      "  /api/v2/course/{id}/waiting/:\n    $ref: paths/api_v2_course_{id}_waiting.yaml\ncomponents:\n",
    ),
  );
  const dashboard = join(spec, "paths", "api_v2_course_{id}_users.yaml");
  writeFileSync(
    dashboard,
    readFileSync(dashboard, "utf8").replace(
      "    - $ref: ../components/parameters/Ordering.yaml\n",
      "    - $ref: ../components/parameters/Ordering.yaml\n    - $ref: ../components/parameters/MinCompletion.yaml\n",
    ),
  );
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("one added operation and one added parameter, by spec edits alone", () => {
  const facts = () => join(work, "spec", "dist", "operations.json");
  let steps: { ok: boolean; output: string }[] = [];

  beforeAll(() => {
    steps = [
      run([join(work, "spec", "scripts", "lint.mjs")]),
      run([join(work, "spec", "scripts", "bundle.mjs")]),
      run([
        join(work, "packages", "types", "scripts", "generate.mjs"),
        "--write",
        "--spec",
        join(work, "spec", "dist", "openapi.json"),
        "--out",
        join(work, "packages", "types", "src", "generated", "openapi.ts"),
      ]),
      run([
        join(work, "packages", "client", "scripts", "generate.mjs"),
        "--write",
        "--facts",
        facts(),
      ]),
      run([
        join(work, "packages", "mock", "scripts", "generate.mjs"),
        "--write",
        "--facts",
        facts(),
      ]),
      run([
        join(work, "packages", "query", "scripts", "generate.mjs"),
        "--write",
        "--facts",
        facts(),
      ]),
    ];
  }, 120_000);

  it("lints, bundles and generates", () => {
    expect(steps.map((s) => (s.ok ? "ok" : s.output))).toEqual([
      "ok",
      "ok",
      "ok",
      "ok",
      "ok",
      "ok",
    ]);
    const derived = JSON.parse(readFileSync(facts(), "utf8"));
    const waiting = derived.operations.find(
      (o: { operationId: string }) => o.operationId === "getCourseWaitingUsers",
    );
    expect(waiting).toMatchObject({ list: true, iterator: "courseWaitingUsers" });
  });

  it("gives the client the method, both iterators and the parameter, typed from the spec", () => {
    // The copy's client sees the copy's generated types, not the workspace's.
    const result = typecheckCopy("client", CONSUMER, {
      "@community-api/types": ["../types/src/index.ts"],
    });
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  }, 120_000);

  it("sends the new operation and the new parameter on the wire", async () => {
    const { createCommunityClient } = await importCopy(
      "client",
      join(work, "packages", "client", "src", "index.ts"),
    );
    const sent: string[] = [];
    const page = (next: string | null) =>
      new Response(JSON.stringify({ count: 2, next, previous: null, results: [{ id: 1 }] }), {
        headers: { "content-type": "application/json" },
      });
    const client2 = createCommunityClient({
      baseUrl: "https://community.test",
      token: "t",
      fetch: async (request: Request) => {
        sent.push(request.url);
        return page(sent.length === 1 ? "https://community.test/x/?limit=1&offset=1" : null);
      },
    });
    const items = [];
    for await (const item of client2.paginate.courseWaitingUsers(3, { pageSize: 1 })) {
      items.push(item);
    }
    await client2.getCourseDashboardUsers(1, { min_completion: 50 });
    expect(items).toHaveLength(2);
    expect(sent).toEqual([
      "https://community.test/api/v2/course/3/waiting/?limit=1",
      "https://community.test/api/v2/course/3/waiting/?limit=1&offset=1",
      "https://community.test/api/v2/course/1/users/?min_completion=50",
    ]);
  }, 60_000);

  it("gives the query package the options, infinite options and keys, typed from the spec", () => {
    const result = typecheckCopy("query", QUERY_CONSUMER, {
      "@community-api/types": ["../types/src/index.ts"],
      "@community-api/client": ["../client/src/index.ts"],
    });
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  }, 120_000);

  it("walks the new list with the query package's infinite options", async () => {
    const entry = join(work, "packages", "query", "trial-entry.ts");
    writeFileSync(
      entry,
      `export { createCommunityClient } from "../client/src/index.ts";
export { createCommunityQueries } from "./src/index.ts";`,
    );
    const { createCommunityClient, createCommunityQueries } = await importCopy("query", entry, {
      "@community-api/client": join(work, "packages", "client", "src", "index.ts"),
    });
    const { QueryClient } = await import(
      pathToFileURL(
        require.resolve("@tanstack/query-core", { paths: [join(repoRoot, "packages", "query")] }),
      ).href
    );
    const sent: string[] = [];
    const client = createCommunityClient({
      baseUrl: "https://community.test",
      token: "t",
      fetch: async (request: Request) => {
        sent.push(request.url);
        const next = sent.length === 1 ? "https://community.test/x/?limit=1&offset=1" : null;
        return new Response(
          JSON.stringify({ count: 2, next, previous: null, results: [{ id: sent.length }] }),
        );
      },
    });
    const queries = createCommunityQueries(client);
    const cache = new QueryClient();
    const options = queries.infinite.courseWaitingUsers(3, { pageSize: 1 });
    const data = await cache.fetchInfiniteQuery({ ...options, pages: 2 });
    expect(data.pages.flatMap((page: { results: unknown[] }) => page.results)).toEqual([
      { id: 1 },
      { id: 2 },
    ]);
    expect(options.queryKey.slice(3)).toEqual([
      "getCourseWaitingUsers",
      "3",
      "infinite",
      { pageSize: 1 },
    ]);
    expect(sent).toEqual([
      "https://community.test/api/v2/course/3/waiting/?limit=1",
      "https://community.test/api/v2/course/3/waiting/?limit=1&offset=1",
    ]);
  }, 60_000);

  it("gives the docs the new operation's samples and Try-it console; the client's sample type-checks", async () => {
    const samplesModule = join(repoRoot, "docs", "scripts", "samples.mjs");
    const { generateSamples, writeSamples } = (await import(pathToFileURL(samplesModule).href)) as {
      generateSamples(facts: unknown): Map<string, { label: string; source: string }[]>;
      writeSamples(samples: Map<string, unknown>, dir: string): string[];
    };
    const samples = generateSamples(JSON.parse(readFileSync(facts(), "utf8")));
    const waiting = samples.get("getCourseWaitingUsers") ?? [];
    expect(waiting.map((s) => s.label)).toEqual(["TypeScript", "curl", "fetch"]);
    expect(waiting.find((s) => s.label === "curl")?.source).toContain("/api/v2/course/");
    expect(waiting.find((s) => s.label === "curl")?.source).toContain("/waiting/");
    expect(waiting.find((s) => s.label === "TypeScript")?.source).toContain(
      "client.paginate.courseWaitingUsers(",
    );
    // The Try-it console is drawn from the same facts: the new operation and parameter are in it.
    const consoleModule = join(repoRoot, "docs", "scripts", "console.mjs");
    const { consoleConfig } = (await import(pathToFileURL(consoleModule).href)) as {
      consoleConfig(facts: unknown): {
        operations: { operationId: string; path: string; queryParameters: { name: string }[] }[];
      };
    };
    const consoled = consoleConfig(JSON.parse(readFileSync(facts(), "utf8"))).operations;
    expect(consoled.find((o) => o.operationId === "getCourseWaitingUsers")?.path).toBe(
      "/api/v2/course/{id}/waiting/",
    );
    const dashboard = consoled.find((o) => o.operationId === "getCourseDashboardUsers");
    expect(dashboard?.queryParameters.map((p) => p.name)).toContain("min_completion");
    // The TypeScript sample compiles against the copy's client, as a user's file would.
    const client = join(work, "packages", "client");
    const dir = join(client, "samples");
    writeSamples(new Map([["getCourseWaitingUsers", waiting]]), dir);
    writeFileSync(
      join(client, "tsconfig.samples.json"),
      JSON.stringify({
        extends: "../../tsconfig.base.json",
        compilerOptions: {
          types: ["node"],
          module: "NodeNext",
          paths: {
            "@community-api/types": ["../types/src/index.ts"],
            "@community-api/client": ["./src/index.ts"],
          },
        },
        include: ["samples/getCourseWaitingUsers.ts"],
      }),
    );
    const result = run([tsc, "-p", "tsconfig.samples.json"], client);
    expect(result.output).toBe("");
  }, 120_000);

  it("fails the mock's type check, naming the missing list implementation", () => {
    const mock = join(work, "packages", "mock");
    writeFileSync(
      join(mock, "tsconfig.trial.json"),
      JSON.stringify({ extends: "./tsconfig.json", include: ["src"] }),
    );
    const result = run([tsc, "-p", "tsconfig.trial.json"], mock);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/src\/kit\/lists\.ts.*getCourseWaitingUsers/s);
    // Nothing else is wrong with the mock: the added parameter needs no hand edit.
    const errors = result.output.split("\n").filter((line) => /error TS/.test(line));
    expect(errors, result.output).toHaveLength(1);
  }, 120_000);
});
