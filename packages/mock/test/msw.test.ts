// The MSW handlers answer with the kit's handler: code that calls the global `fetch` gets exactly
// what createMockFetch (and so the HTTP mock, which runs the same handler) answers.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { getResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createContractCheck } from "../src/contract/index.js";
import { OPERATIONS } from "../src/kit/generated/operations.js";
import { createDataset, createMockFetch, type Dataset, TEST_TOKENS } from "../src/kit/index.js";
import { API_PREFIX, createMswHandlers, handlers } from "../src/msw/index.js";

const BASE = "https://community.example.com";
const server = setupServer(...createMswHandlers({ baseUrl: BASE }));
const unhandled: string[] = [];

beforeAll(() =>
  server.listen({ onUnhandledRequest: (request) => void unhandled.push(request.url) }),
);
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("setupServer(...createMswHandlers())", () => {
  const kit = createMockFetch({ seed: 1, baseUrl: BASE });
  // Every operation of the spec, by its facts: the allowed and the member token of its
  // resource, and (for the warning case) the JSON-array parameter of the one that has it.
  const OPS = Object.values(OPERATIONS);
  const path = (op: (typeof OPS)[number], id = "1") => op.path.replace(/\{[^}]+\}/, id);
  const token = (op: (typeof OPS)[number], role: string) =>
    bearer(`${op.roles.resource}-1-${role}`);
  const withArray = OPS.find((op) => op.query.some((p) => "jsonArray" in p)) ?? OPS[0]!;
  const arrayName = withArray.query.find((p) => "jsonArray" in p)?.name ?? "x";
  const [first] = OPS as [(typeof OPS)[number]];
  const manager = token(first, first.roles.roles[0]);
  const cases: [string, string, Record<string, string>, string][] = [
    ...OPS.map((op): [string, string, Record<string, string>, string] => [
      `a page of ${op.path}`,
      `${path(op)}?limit=3`,
      token(op, op.roles.roles[0]),
      "GET",
    ]),
    [
      "a warning",
      `${path(withArray)}?${arrayName}[]=x`,
      token(withArray, withArray.roles.roles[0]),
      "GET",
    ],
    ["400", `${path(first)}?limit=0&offset=x`, manager, "GET"],
    ["401 without a token", path(first), {}, "GET"],
    ["401 with an unknown token", path(first), bearer("nope"), "GET"],
    ["403", path(first), token(first, "member"), "GET"],
    ["404 unknown id", path(first, "99"), manager, "GET"],
    ["404 unknown path under the prefix", "/api/v2/nothing/", manager, "GET"],
    ["405", path(first), manager, "DELETE"],
    ["HEAD", path(first), manager, "HEAD"],
  ];
  test.each(cases)(
    "the global fetch gets the kit's answer: %s",
    async (_, path, headers, method) => {
      const [got, want] = await Promise.all([
        fetch(`${BASE}${path}`, { method, headers }),
        kit(`${BASE}${path}`, { method, headers }),
      ]);
      expect(got.status).toBe(want.status);
      expect([...got.headers]).toEqual([...want.headers]);
      expect(await got.text()).toBe(await want.text());
      expect(unhandled).toEqual([]);
    },
  );

  test("the options reach the handler: seed, onWarning, contract", async () => {
    const url = `${BASE}/api/v2/course/1/users/`;
    const seed1 = await (await fetch(url, { headers: manager })).json();
    const warnings: string[] = [];
    server.use(
      ...createMswHandlers({ baseUrl: BASE, seed: 2, onWarning: (w) => warnings.push(w) }),
    );
    expect(await (await fetch(url, { headers: manager })).json()).not.toEqual(seed1);
    await fetch(`${url}?statuses[]=joined`, { headers: manager });
    expect(warnings).toHaveLength(1);

    const dataset = createDataset({ seed: 1 });
    const broken: Dataset = {
      ...dataset,
      users: dataset.users.map((u) => ({ ...u, avatar: "not a uri" })),
    };
    server.use(...createMswHandlers({ dataset: broken, contract: createContractCheck() }));
    const breach = await fetch(`${BASE}/api/v2/course/1/invite/`, { headers: manager });
    expect(breach.status).toBe(500);
    expect(await breach.json()).toMatchObject({
      violations: expect.arrayContaining([
        expect.objectContaining({ location: ["response", "body", "results", "0", "avatar"] }),
      ]),
    });
  });
});

describe("a malformed percent-escape in the path", () => {
  const kit = createMockFetch({ seed: 1, baseUrl: BASE });
  // MSW decodes a matched path's groups with decodeURIComponent: these threw a URIError that
  // MSW answered with a 500 carrying the stack.
  test.each(["%zz", "%", "1%2", "%E0%A4%A", "%ED%A0%80"])(
    "%s: the kit's 404, never a stack",
    async (segment) => {
      const url = `${BASE}/api/v2/course/${segment}/users/`;
      const headers = bearer(TEST_TOKENS.courseManager);
      const [got, want] = await Promise.all([fetch(url, { headers }), kit(url, { headers })]);
      expect(got.status).toBe(404);
      expect(await got.text()).toBe('{"detail":"Not found."}');
      expect(want.status).toBe(404);
      expect([...got.headers]).toEqual([...want.headers]);
      expect(unhandled).toEqual([]);
      // The ready handlers (any origin) too, and with the contract check.
      for (const those of [handlers, createMswHandlers({ contract: createContractCheck() })]) {
        const answer = await getResponse(
          those,
          new Request(`http://localhost:5173/api/v2/course/${segment}/users/`, { headers }),
        );
        expect([answer?.status, await answer?.text()]).toEqual([404, '{"detail":"Not found."}']);
      }
    },
  );
});

describe("what the handlers match", () => {
  test("everything under the spec's one path prefix", () => {
    expect(API_PREFIX).toBe("/api/v2/");
  });

  test("the ready `handlers` answer seed 1 on any origin", async () => {
    const url = "http://localhost:5173/api/v2/course/1/users/?limit=1";
    const response = await getResponse(
      handlers,
      new Request(url, { headers: bearer(TEST_TOKENS.courseManager) }),
    );
    if (!response) throw new Error("no handler matched");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { next: string }).next).toBe(
      "http://localhost:5173/api/v2/course/1/users/?limit=1&offset=1",
    );
  });

  test("another origin, or a path outside the prefix, is left to MSW's unhandled-request policy", async () => {
    const own = createMswHandlers({ baseUrl: `${BASE}/some/path` });
    expect(await getResponse(own, new Request(`${BASE}/api/v2/course/1/users/`))).toBeDefined();
    expect(
      await getResponse(own, new Request("https://other.example/api/v2/course/1/users/")),
    ).toBeUndefined();
    expect(await getResponse(handlers, new Request(`${BASE}/health`))).toBeUndefined();
    expect(await getResponse(handlers, new Request(`${BASE}/x/api/v2/`))).toBeUndefined();
  });
});

describe("the built entries", () => {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const read = (file: string) => readFileSync(`${root}${file}`, "utf8");
  const withChunks = (entry: string) => [
    `dist/${entry}.js`,
    `dist/${entry}.cjs`,
    ...[...read(`dist/${entry}.js`).matchAll(/from "\.\/(chunk-[\w-]+\.js)"/g)].map(
      (m) => `dist/${m[1]}`,
    ),
  ];

  beforeAll(() => {
    if (!existsSync(`${root}dist/msw.js`)) {
      throw new Error("dist/ is missing: run `pnpm --filter @community-api/mock build` first");
    }
  });

  test("import no Node built-in (they run in browsers); msw and Ajv stay external", () => {
    for (const file of [...withChunks("msw"), ...withChunks("contract")]) {
      expect(read(file), file).not.toMatch(/from "node:|require\("node:/);
    }
    expect(read("dist/msw.js")).toMatch(/from "msw"/);
    expect(withChunks("contract").map(read).join("\n")).toMatch(/from "ajv\/dist\/2020\.js"/);
  });

  test("the contract entry carries the spec inside (the spec package is not published)", () => {
    for (const file of ["dist/contract.js", "dist/contract.cjs"]) {
      expect(read(file), file).not.toMatch(/@community-api\/spec/);
      expect(read(file), file).toContain('"/api/v2/course/{id}/users/"');
    }
  });

  test("both module formats load and export the same names", () => {
    const script = `
      const names = (m) => Object.keys(m).sort();
      Promise.all([import("./dist/msw.js"), import("./dist/contract.js")]).then(([msw, contract]) =>
        console.log(JSON.stringify([[names(require("./dist/msw.cjs")), names(msw)],
          [names(require("./dist/contract.cjs")), names(contract)]])));`;
    const [[mswCjs, mswEsm], [contractCjs, contractEsm]] = JSON.parse(
      execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" }),
    );
    expect(mswCjs).toEqual(mswEsm);
    expect(mswEsm).toEqual(["API_PREFIX", "createMswHandlers", "handlers", "scenario"]);
    expect(contractCjs).toEqual(contractEsm);
    expect(contractEsm).toEqual(["createContractCheck"]);
  });
});
