// The in-process kit is as honest as the HTTP mock: every answer it gives is validated against
// the bundled spec (JSON Schema 2020-12, formats checked, per operation and status) by the
// contract check users can switch on, and that check turns a breach into a 500 naming it.
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { type ContractBreach, createContractCheck } from "../src/contract/index.js";
import {
  createDataset,
  createMockFetch,
  createMockHandler,
  type Dataset,
  testToken,
} from "../src/kit/index.js";

interface QueryFacts {
  readonly name: string;
  readonly type: string;
  readonly minimum?: number;
  readonly enum: readonly string[] | null;
  readonly jsonArray: { readonly enum: readonly string[] } | null;
  readonly examples: readonly unknown[];
}
interface OperationFacts {
  readonly operationId: string;
  readonly path: string;
  readonly roles: { readonly resource: "course" | "event"; readonly roles: readonly string[] };
  readonly queryParameters: readonly QueryFacts[];
}

const { operations } = createRequire(import.meta.url)("@community-api/spec/operations.json") as {
  operations: readonly OperationFacts[];
};
const BASE = "https://community.example.com";
const dataset = createDataset({ seed: 1 });

const token = (resource: "course" | "event", id: number, role: string) =>
  testToken({ resource, id, role } as Parameters<typeof testToken>[0]);
const ids = (data: Dataset, resource: "course" | "event") =>
  (resource === "course" ? data.courses : data.events).map((r) => r.id);
const q = (name: string, value: unknown) =>
  `${name}=${encodeURIComponent(typeof value === "string" ? value : JSON.stringify(value))}`;

interface Case {
  readonly label: string;
  readonly url: string;
  readonly token?: string;
  readonly method?: string;
  readonly status: number;
}

/** Requests that must get each documented status, derived from the operation's facts. */
function cases(op: OperationFacts): Case[] {
  const { resource, roles } = op.roles;
  const all = ids(dataset, resource);
  const url = (id: number | string, query = "") =>
    `${BASE}${op.path.replace("{id}", String(id))}${query === "" ? "" : `?${query}`}`;
  const ok = ["", "limit=1&offset=1", "limit=1000", "offset=100000", "limit=&offset="];
  for (const p of op.queryParameters) {
    for (const example of p.examples) ok.push(q(p.name, example));
    for (const value of p.enum ?? []) ok.push(q(p.name, value));
    if (p.jsonArray) ok.push(q(p.name, JSON.stringify(p.jsonArray.enum)));
  }
  const bad: string[] = [];
  for (const p of op.queryParameters) {
    if (p.minimum !== undefined) bad.push(`${p.name}=${p.minimum - 1}`);
    if (p.type === "integer") bad.push(`${p.name}=abc`);
    if (p.enum) bad.push(`${p.name}=bogus`);
    bad.push(`${p.name}=1&${p.name}=2`);
  }
  const [first = 1] = all;
  const role = roles[0] ?? "";
  return [
    ...all.flatMap((id) =>
      roles.flatMap((r) =>
        ok.map((query) => ({
          label: "200",
          url: url(id, query),
          token: token(resource, id, r),
          status: 200,
        })),
      ),
    ),
    {
      label: "200 HEAD",
      url: url(first),
      token: token(resource, first, role),
      method: "HEAD",
      status: 200,
    },
    ...bad.map((query) => ({
      label: "400",
      url: url(first, query),
      token: token(resource, first, role),
      status: 400,
    })),
    { label: "401 no token", url: url(first), status: 401 },
    { label: "401 unknown token", url: url(first), token: "not-a-token", status: 401 },
    { label: "403 member", url: url(first), token: token(resource, first, "member"), status: 403 },
    {
      label: "403 other id",
      url: url(first),
      token: token(resource, all[1] ?? first, role),
      status: 403,
    },
    {
      label: "404 unknown id",
      url: url(Math.max(...all) + 1),
      token: token(resource, first, role),
      status: 404,
    },
    {
      label: "404 malformed id",
      url: url("abc"),
      token: token(resource, first, role),
      status: 404,
    },
    {
      label: "405",
      url: url(first),
      token: token(resource, first, role),
      method: "POST",
      status: 405,
    },
  ];
}

describe("every kit answer honours the spec", () => {
  test.each(operations.map((op) => [op.operationId, op] as const))("%s", async (_, op) => {
    const breaches: ContractBreach[] = [];
    const fetch = createMockFetch({
      dataset,
      contract: createContractCheck({ onBreach: (b) => breaches.push(b) }),
    });
    const seen = new Set<number>();
    for (const c of cases(op)) {
      const response = await fetch(c.url, {
        method: c.method ?? "GET",
        headers: c.token === undefined ? {} : { authorization: `Bearer ${c.token}` },
      });
      await response.arrayBuffer();
      expect(response.status, `${c.label}: ${c.url}`).toBe(c.status);
      seen.add(response.status);
    }
    expect(breaches).toEqual([]);
    // The spec's error statuses were all exercised, not just successes.
    expect([...seen].sort()).toEqual([200, 400, 401, 403, 404, 405]);
  });
});

describe("a breach is a 500 naming the violations", () => {
  const member = dataset.courses[0]?.members.find((m) => m.join_status === "joined");
  // A user whose avatar is not a URI: the dataset a user might hand the kit.
  const broken: Dataset = {
    ...dataset,
    users: dataset.users.map((u) => (u.id === member?.user_id ? { ...u, avatar: "not a uri" } : u)),
  };
  const manager = { headers: { authorization: `Bearer ${token("course", 1, "manager")}` } };

  test("through createMockFetch, with every finding and the onBreach callback", async () => {
    const breaches: ContractBreach[] = [];
    const fetch = createMockFetch({
      dataset: broken,
      contract: createContractCheck({ onBreach: (b) => breaches.push(b) }),
    });
    const response = await fetch(`${BASE}/api/v2/course/1/users/?limit=1000`, manager);
    expect(response.status).toBe(500);
    const body = (await response.json()) as { detail: string; violations: unknown[] };
    expect(body.detail).toMatch(/^community-api-mock: the mock's response violates the spec\./);
    expect(body.violations).toEqual([
      {
        location: ["response", "body", "results", expect.stringMatching(/^\d+$/), "avatar"],
        severity: "Error",
        message: 'must match format "uri"',
      },
    ]);
    expect(breaches).toEqual([
      {
        request: "GET /api/v2/course/1/users/?limit=1000",
        status: 200,
        reason: "the mock's response violates the spec",
        violations: body.violations,
      },
    ]);
    // Without the check the same dataset passes silently.
    expect(
      (
        await createMockFetch({ dataset: broken })(
          `${BASE}/api/v2/course/1/users/?limit=1000`,
          manager,
        )
      ).status,
    ).toBe(200);
  });

  test("through createMockHandler, HEAD included (no body)", async () => {
    const handler = createMockHandler({ dataset: broken, contract: createContractCheck() });
    const url = `${BASE}/api/v2/course/1/users/?limit=1000`;
    expect((await handler(new Request(url, manager))).status).toBe(500);
    const head = await handler(new Request(url, { ...manager, method: "HEAD" }));
    expect(head.status).toBe(500);
    expect(await head.text()).toBe("");
  });
});

describe("what the check judges", () => {
  const check = createContractCheck();
  const users = `${BASE}/api/v2/course/1/users/`;
  const auth = { authorization: "Bearer x" };
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json", ...headers },
    });
  const verdict = async (request: Request, response: Response) => {
    const answer = await check(request, response);
    if (answer === response) return "passed";
    expect(answer.status).toBe(500);
    const { violations } = (await answer.json()) as {
      violations: { location: string[]; message: string }[];
    };
    return violations.map((v) => `${v.location.join(".")}: ${v.message}`);
  };
  const page = { count: 0, next: null, previous: null, results: [] };

  test.each([
    ["a declared status and body", users, 404, { detail: "Not found." }, {}, "passed"],
    ["a 5XX range", users, 503, { detail: "down" }, { "retry-after": "30" }, "passed"],
    [
      "an undeclared status",
      users,
      418,
      { detail: "teapot" },
      {},
      ["response.status: the spec declares no 418 for this operation"],
    ],
    [
      "a body the range's schema rejects",
      users,
      502,
      { oops: 1 },
      {},
      expect.arrayContaining(["response.body: must have required property 'errors'"]),
    ],
    [
      "an error for a route the spec lacks",
      `${BASE}/api/v2/nope/`,
      404,
      { detail: "Not found." },
      {},
      "passed",
    ],
    [
      "a success for a route the spec lacks",
      `${BASE}/api/v2/nope/`,
      200,
      page,
      {},
      ["request: the spec defines no GET /api/v2/nope/"],
    ],
    [
      "a success for an invalid parameter",
      `${users}?limit=0&ordering=name`,
      200,
      page,
      {},
      [
        "request.query.limit: must be >= 1",
        expect.stringMatching(
          /^request\.query\.ordering: must be equal to one of the allowed values/,
        ),
      ],
    ],
    [
      "an error for an invalid parameter",
      `${users}?limit=0`,
      400,
      { errors: [{ field: "limit", messages: [{ code: "min_value", message: "m" }] }] },
      {},
      "passed",
    ],
  ] as const)("%s", async (_, url, status, body, headers, expected) => {
    expect(await verdict(new Request(url, { headers: auth }), json(status, body, headers))).toEqual(
      expected,
    );
  });

  test("a success without credentials, a repeated parameter, another media type, a body that is not JSON", async () => {
    expect(await verdict(new Request(users), json(200, page))).toEqual([
      "request.headers.authorization: no credentials the spec accepts",
    ]);
    expect(
      await verdict(new Request(`${users}?search=a&search=b`, { headers: auth }), json(200, page)),
    ).toEqual(["request.query.search: must be sent once"]);
    const text = new Response("{}", { status: 404, headers: { "content-type": "text/html" } });
    expect(await verdict(new Request(users, { headers: auth }), text)).toEqual([
      "response.headers.content-type: must be one of application/json",
    ]);
    const notJson = new Response("<html>", {
      status: 404,
      headers: { "content-type": "application/json" },
    });
    expect(await verdict(new Request(users, { headers: auth }), notJson)).toEqual([
      "response.body: must be JSON",
    ]);
  });
});
