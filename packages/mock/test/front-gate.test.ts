// What the front answers itself, in every mode, before Prism sees a request: targets the API's
// URL resolver cannot route (a malformed percent-escape in any path segment, `//host`,
// absolute-form) get the API's 404, and requests Node's parser refuses get a JSON body that
// names the problem. Prism must survive all of it: one bad escape used to make it throw
// `URIError: URI malformed` and exit.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createMockHandler } from "../src/kit/handler.js";
import { startDataServer } from "../src/server/node-http.js";
import { type MockMode, type RunningMock, startMock } from "../src/server/start-mock.js";
import { rawRequest } from "./support/raw-http.js";

const spec = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@community-api/spec/openapi.json"), "utf8"),
) as { paths: Record<string, unknown> };
/** The API's routes, with a valid id: `/api/v2/course/1/users/`, ... */
const ROUTES = Object.keys(spec.paths).map((template) => template.replace(/\{[^}]+\}/g, "1"));
/** A token every mode accepts for the route (realistic checks roles; Prism only presence). */
const tokenFor = (path: string) =>
  path.includes("/event/") ? "event-1-manager" : "course-1-manager";
const NOT_FOUND = { detail: "Not found." };

const MODES: readonly MockMode[] = ["realistic", "static", "dynamic"];
const mocks = new Map<MockMode, RunningMock>();
const mockOf = (mode: MockMode): RunningMock => {
  const mock = mocks.get(mode);
  if (!mock) throw new Error(`no ${mode} mock`);
  return mock;
};

beforeAll(async () => {
  const started = await Promise.allSettled(
    MODES.map((mode) => startMock({ port: 0, mode, seed: 1 })),
  );
  started.forEach((result, i) => {
    if (result.status === "fulfilled") mocks.set(MODES[i] as MockMode, result.value);
  });
  const failed = started.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
});

afterAll(async () => {
  await Promise.all([...mocks.values()].map((mock) => mock.stop()));
});

async function get(mock: RunningMock, path: string, token: string | undefined) {
  const response = await fetch(`${mock.url}${path}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  return { status: response.status, text };
}

/** Prism still runs, /health says ok, and a valid request gets its page. */
async function expectStillServing(mock: RunningMock): Promise<void> {
  expect(() => process.kill(mock.prismPid, 0), "Prism is alive").not.toThrow();
  const health = await fetch(`${mock.url}/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok" });
  for (const route of ROUTES) {
    const answer = await get(mock, `${route}?limit=1`, tokenFor(route));
    expect(answer.status, `${route}: ${answer.text.slice(0, 200)}`).toBe(200);
  }
}

/** The escapes, in the id segment. */
const REPORTED_IDS = ["%", "%zz", "1%", "%C0%B1", "%E0%A4%A", "%ED%A0%80"];

const pct = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
const continuation = fc.integer({ min: 0x80, max: 0xbf }).map(pct);
/** Percent-escapes that do not decode to UTF-8 text (what made Prism throw). */
const invalidEscape: fc.Arbitrary<string> = fc.oneof(
  // `%` without two hex digits after it
  fc.constantFrom("%", "%%", "%zz", "%G0", "%0G", "%-1", "%+1", "%%30"),
  fc.constantFrom(..."0123456789ABCDEFabcdef").map((h) => `%${h}`),
  // a lone continuation byte
  continuation,
  // overlong lead bytes (C0, C1) and bytes UTF-8 never uses (F5-FF), with a continuation
  fc
    .tuple(fc.constantFrom(0xc0, 0xc1, 0xf5, 0xf8, 0xfe, 0xff), continuation)
    .map(([lead, next]) => `${pct(lead)}${next}`),
  // a multi-byte sequence cut short
  fc.integer({ min: 0xc2, max: 0xdf }).map(pct),
  fc.tuple(fc.integer({ min: 0xe1, max: 0xef }), continuation).map(([l, c]) => `${pct(l)}${c}`),
  fc
    .tuple(fc.integer({ min: 0xf1, max: 0xf3 }), continuation, continuation)
    .map(([l, c1, c2]) => `${pct(l)}${c1}${c2}`),
  // a UTF-16 surrogate encoded in UTF-8 (ED A0 80 - ED BF BF)
  fc
    .tuple(fc.integer({ min: 0xa0, max: 0xbf }), continuation)
    .map(([second, third]) => `%ED${pct(second)}${third}`),
);

/** A route with the escape `bad` put into (or in place of) its `index`th segment, or after its last. */
function withEscape(route: string, index: number, placement: string, bad: string): string {
  const segments = route.split("/").slice(1); // ["api", "v2", "course", "1", "users", ""]
  const at = index % segments.length;
  const segment = segments[at] ?? "";
  segments[at] =
    placement === "replace"
      ? bad
      : placement === "prefix"
        ? `${bad}${segment}`
        : `${segment}${bad}`;
  return `/${segments.join("/")}`;
}

describe.each(MODES)("%s mode", (mode) => {
  test("the reported malformed escapes in the id segment: 404, with or without a token", async () => {
    const mock = mockOf(mode);
    for (const route of ROUTES) {
      for (const id of REPORTED_IDS) {
        const path = route.replace("/1/", `/${id}/`);
        for (const token of [tokenFor(route), undefined]) {
          const answer = await get(mock, path, token);
          expect(answer.status, `${path} (token: ${token}): ${answer.text}`).toBe(404);
          expect(JSON.parse(answer.text)).toEqual(NOT_FOUND);
        }
      }
    }
    await expectStillServing(mock);
  });

  test("generated invalid escapes in every path segment: 404, and Prism stays up", async () => {
    const mock = mockOf(mode);
    const segmentCount = Math.max(...ROUTES.map((route) => route.split("/").length - 1));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.integer({ min: 0, max: segmentCount - 1 }),
        fc.constantFrom("replace", "prefix", "suffix"),
        invalidEscape,
        fc.boolean(),
        async (route, index, placement, bad, withToken) => {
          const path = withEscape(route, index, placement, bad);
          // The escape must still be malformed where it landed (`%4` + `1` would be `%41`, "A").
          fc.pre(path.split("/").some((segment) => !canDecode(segment)));
          const answer = await get(mock, path, withToken ? tokenFor(route) : undefined);
          expect(answer.status, `${path}: ${answer.text}`).toBe(404);
          expect(JSON.parse(answer.text)).toEqual(NOT_FOUND);
        },
      ),
      { numRuns: 150, seed: 15 },
    );
    await expectStillServing(mock);
  });

  test("`//host` and absolute-form targets: 404, no link to another host", async () => {
    const mock = mockOf(mode);
    const route = ROUTES[0] ?? "/";
    for (const target of [
      `//evil.example:8080${route}`,
      `//evil.example${route}`,
      `///evil.example${route}`,
      `http://evil.example:8080${route}`,
      `https://evil.example${route}`,
      "*",
    ]) {
      const answer = await rawRequest(
        mock.port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${mock.port}\r\nAuthorization: Bearer ${tokenFor(route)}\r\nConnection: close\r\n\r\n`,
      );
      expect(answer.status, `${target}: ${answer.head}\n${answer.body}`).toBe(404);
      expect(JSON.parse(answer.body)).toEqual(NOT_FOUND);
      expect(answer.body).not.toContain("evil.example");
    }
    await expectStillServing(mock);
  });

  test("malformed HTTP gets a JSON body that names the problem", async () => {
    const mock = mockOf(mode);
    const host = `Host: 127.0.0.1:${mock.port}\r\n`;
    const cases: [string, string, number, RegExp][] = [
      ["lowercase method", `get /health HTTP/1.1\r\n${host}\r\n`, 400, /^Bad request: .*method/i],
      [
        "NUL in a header",
        `GET /health HTTP/1.1\r\n${host}X-A: a\0b\r\n\r\n`,
        400,
        /^Bad request: .*header/i,
      ],
      [
        "space before the colon",
        `GET /health HTTP/1.1\r\nHost : x\r\n\r\n`,
        400,
        /^Bad request: .*header/i,
      ],
      ["HTTP/1.1 without Host", "GET /health HTTP/1.1\r\n\r\n", 400, /^Bad request: .*Host/],
      [
        "raw non-ASCII in the target",
        `GET /health\xc3\xa9 HTTP/1.1\r\n${host}\r\n`,
        400,
        /^Bad request: .*url/i,
      ],
      [
        "backslash in the target",
        `GET /api\\v2/course/1/users/ HTTP/1.1\r\n${host}\r\n`,
        400,
        /^Bad request: .*backslash/,
      ],
      [
        "headers over 16 KiB",
        `GET /health HTTP/1.1\r\n${host}X-Big: ${"a".repeat(17 * 1024)}\r\n\r\n`,
        431,
        /too large/,
      ],
      [
        "CONNECT",
        `CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n`,
        405,
        /CONNECT/,
      ],
    ];
    for (const [name, request, status, detail] of cases) {
      const answer = await rawRequest(mock.port, request);
      expect(answer.status, `${name}: ${answer.head}`).toBe(status);
      expect(answer.head.toLowerCase(), name).toContain("content-type: application/json");
      const body = JSON.parse(answer.body) as { detail: unknown };
      expect(body.detail, name).toMatch(detail);
    }
    // HTTP/1.0 needs no Host: still served, links on the mock's own address.
    const old = await rawRequest(mock.port, "GET /health HTTP/1.0\r\n\r\n");
    expect(old.status).toBe(200);
    await expectStillServing(mock);
  });
});

test("the data server applies the same rule on its own (no front, no Prism)", async () => {
  const data = await startDataServer(createMockHandler({ seed: 1 }));
  try {
    const ask = (target: string) =>
      rawRequest(
        data.port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${data.port}\r\nAuthorization: Bearer course-1-manager\r\nConnection: close\r\n\r\n`,
      );
    expect((await ask("/api/v2/course/1/users/?limit=1")).status).toBe(200);
    // Each would reach course 1 through URL normalisation, or use another host for the links.
    for (const [target, status] of [
      ["/api/v2/course/%zz/users/", 404],
      ["//evil.example/api/v2/course/1/users/", 404],
      ["http://evil.example/api/v2/course/1/users/", 404],
      ["/api/v2/course/2/%2e%2e/1/users/", 404],
      ["/api\\v2/course/1/users/", 400],
    ] as const) {
      const answer = await ask(target);
      expect(answer.status, `${target}: ${answer.body}`).toBe(status);
      expect(answer.body).not.toContain("evil.example");
    }
  } finally {
    await data.close();
  }
});

function canDecode(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
