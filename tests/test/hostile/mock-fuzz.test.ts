// Property-based fuzzing of every parameter of the REAL realistic mock (Prism validating in
// front of the seeded data), over HTTP, as a user's program would call it. For every hostile
// value: never a 5xx; a rejection is a 4xx whose body names the parameter; and right after it
// the mock answers a fixed valid request byte-for-byte as it did before the fuzzing began.

import { connect } from "node:net";
import { type RunningMock, startMock } from "@community-api/mock";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAlive, portIsFree } from "../support/processes.js";
import {
  encode,
  hostileId,
  hostileValue,
  JOIN_STATUSES,
  ORDERINGS,
  queryString,
  type StatusesCase,
  statusesValue,
  TRICKY_IDS,
  TRICKY_VALUES,
  UNREADABLE_STATUSES,
} from "./hostile-values.js";

const RUNS = 100;
const TOKENS = { users: "course-1-manager", invite: "course-1-manager", event: "event-1-manager" };
const PATHS = {
  users: "/api/v2/course/1/users/",
  invite: "/api/v2/course/1/invite/",
  event: "/api/v2/event/1/invite/",
};
type Operation = keyof typeof PATHS;
const operation = fc.constantFrom<Operation>("users", "invite", "event");
/** Node's HTTP server refuses request heads over 16 KiB (431) before any parameter is read. */
const MAX_URL = 12_000;

const BASELINE_PATH = `${PATHS.users}?limit=3&statuses=${encode('["joined","manager"]')}`;

let mock: RunningMock;
let baseline: string;

interface Answer {
  status: number;
  text: string;
  body: unknown;
}

async function get(path: string, token: string | undefined): Promise<Answer> {
  const response = await fetch(`${mock.url}${path}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, text, body };
}

/** Sends `text` on a raw socket and returns everything the mock answers until it closes. */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = "";
    const socket = connect(mock.port, "127.0.0.1", () => socket.write(text));
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      answer += chunk;
    });
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
  });
}

/** The fields a 400 body names. */
function fieldsOf(body: unknown): string[] {
  const errors = (body as { errors?: { field?: unknown }[] } | undefined)?.errors;
  return Array.isArray(errors) ? errors.map((e) => String(e.field)) : [];
}

/** Every answer: never a 5xx; a 400 names exactly `expectedFields` when they are known. */
function expectSound(answer: Answer, where: string): void {
  expect(answer.status, `${where}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  expect(answer.status, where).toBeGreaterThanOrEqual(200);
}

/** The mock still gives the exact baseline answer to a valid request. */
async function expectBaselineUnchanged(): Promise<void> {
  const again = await get(BASELINE_PATH, TOKENS.users);
  expect(again.status).toBe(200);
  expect(again.text).toBe(baseline);
}

beforeAll(async () => {
  mock = await startMock({ port: 0 });
  const first = await get(BASELINE_PATH, TOKENS.users);
  expect(first.status).toBe(200);
  expect((first.body as { results: unknown[] }).results).toHaveLength(3);
  baseline = first.text;
});

afterAll(async () => {
  const { prismPid, port } = mock;
  expect(isAlive(prismPid), "Prism survived the fuzzing").toBe(true);
  await mock.stop();
  expect(isAlive(prismPid), "Prism is gone after stop()").toBe(false);
  expect(await portIsFree(port), "the mock's port is free after stop()").toBe(true);
});

// An optional minus sign and digits, at least `min` ("-0" is 0; "-1" is an integer too small).
const isInteger = (value: string | null, min: bigint) =>
  value === null || value === "" || (/^-?[0-9]+$/.test(value) && BigInt(value) >= min);

describe("the realistic mock under hostile parameters", () => {
  it("limit and offset: 200 for a valid integer, else a 400 naming exactly that parameter", async () => {
    await fc.assert(
      fc.asyncProperty(
        operation,
        fc.constantFrom("limit", "offset"),
        hostileValue,
        async (op, name, value) => {
          const query = queryString([[name, value]]);
          fc.pre(query.length < MAX_URL);
          const answer = await get(`${PATHS[op]}?${query}`, TOKENS[op]);
          expectSound(answer, `${op} ${query.slice(0, 200)}`);
          // What the server decodes, which is not always `value` (a lone surrogate becomes U+FFFD).
          const decoded = new URLSearchParams(query).get(name);
          if (isInteger(decoded, name === "limit" ? 1n : 0n)) {
            expect(answer.status, answer.text.slice(0, 300)).toBe(200);
          } else {
            expect(answer.status).toBe(400);
            expect(fieldsOf(answer.body)).toEqual([name]);
          }
          await expectBaselineUnchanged();
        },
      ),
      {
        numRuns: RUNS,
        // Every tricky value, on every operation, as both parameters, besides the random ones.
        examples: TRICKY_VALUES.flatMap((value, i) =>
          (["limit", "offset"] as const).map((name): [Operation, string, string] => [
            (["users", "invite", "event"] as const)[i % 3] ?? "users",
            name,
            value,
          ]),
        ),
      },
    );
  });

  it("statuses: the documented forms are read, every other value is a 400 naming statuses", async () => {
    await fc.assert(
      fc.asyncProperty(statusesValue, async ({ value, valid }) => {
        const query = queryString([["statuses", value]]);
        fc.pre(query.length < MAX_URL);
        const answer = await get(`${PATHS.users}?${query}`, TOKENS.users);
        expectSound(answer, `statuses=${value.slice(0, 200)}`);
        if (valid === true || value === "") expect(answer.status, answer.text).toBe(200);
        if (valid === false) expect(answer.status, value).toBe(400);
        if (answer.status !== 200) {
          expect(answer.status).toBe(400);
          expect(fieldsOf(answer.body)).toEqual(["statuses"]);
        }
        await expectBaselineUnchanged();
      }),
      {
        numRuns: RUNS,
        examples: [
          ...UNREADABLE_STATUSES.map((value) => [{ value, valid: false }] as [StatusesCase]),
          ...TRICKY_VALUES.map((value) => [{ value, valid: undefined }] as [StatusesCase]),
        ],
      },
    );
  });

  it("ordering: one of the four orderings, else a 400 naming ordering", async () => {
    await fc.assert(
      fc.asyncProperty(hostileValue, async (value) => {
        const query = queryString([["ordering", value]]);
        fc.pre(query.length < MAX_URL);
        const answer = await get(`${PATHS.users}?${query}`, TOKENS.users);
        expectSound(answer, `ordering=${value.slice(0, 200)}`);
        const decoded = new URLSearchParams(query).get("ordering") ?? "";
        if (decoded === "" || (ORDERINGS as readonly string[]).includes(decoded)) {
          expect(answer.status).toBe(200);
        } else {
          expect(answer.status).toBe(400);
          expect(fieldsOf(answer.body)).toEqual(["ordering"]);
        }
        await expectBaselineUnchanged();
      }),
      { numRuns: RUNS, examples: [...TRICKY_VALUES, ...ORDERINGS].map((v) => [v] as [string]) },
    );
  });

  it("search: any text is a search (200, a well-formed page), never an error", async () => {
    await fc.assert(
      fc.asyncProperty(hostileValue, async (value) => {
        const query = queryString([["search", value]]);
        fc.pre(query.length < MAX_URL);
        const answer = await get(`${PATHS.users}?${query}`, TOKENS.users);
        expectSound(answer, `search=${value.slice(0, 200)}`);
        expect(answer.status, answer.text.slice(0, 300)).toBe(200);
        const page = answer.body as { count: number; results: unknown[] };
        expect(page.results.length).toBeLessThanOrEqual(page.count);
        await expectBaselineUnchanged();
      }),
      { numRuns: RUNS, examples: TRICKY_VALUES.map((v) => [v] as [string]) },
    );
  });

  it("a repeated key: a 400 naming it, whatever the values", async () => {
    const names = ["limit", "offset", "search", "statuses", "ordering"] as const;
    const good = fc.oneof(fc.constantFrom("1", "5", ...JOIN_STATUSES, ...ORDERINGS), hostileValue);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), good, good, async (name, a, b) => {
        const query = queryString([
          [name, a],
          [name, b],
        ]);
        fc.pre(query.length < MAX_URL);
        const answer = await get(`${PATHS.users}?${query}`, TOKENS.users);
        expectSound(answer, query.slice(0, 200));
        expect(answer.status).toBe(400);
        expect(fieldsOf(answer.body)).toContain(name);
        await expectBaselineUnchanged();
      }),
      { numRuns: RUNS },
    );
  });

  it("unknown names and Prism's own instructions are ignored: the same results as without them", async () => {
    const baselineResults = (JSON.parse(baseline) as { results: unknown }).results;
    const junkName = fc.oneof(
      fc.constantFrom("__code", "__example", "__dynamic", "__server", "LIMIT", "Statuses"),
      fc.constantFrom("limit[]", "statuses[]", "statuses[0]", "offset ", "x", "%00"),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(junkName, hostileValue, async (name, value) => {
        const known = ["limit", "offset", "search", "statuses", "ordering"];
        const decodedName = new URLSearchParams(`${encode(name)}=`).keys().next().value ?? "";
        fc.pre(!known.includes(decodedName));
        const query = `${BASELINE_PATH.split("?")[1]}&${queryString([[name, value]])}`;
        fc.pre(query.length < MAX_URL);
        const answer = await get(`${PATHS.users}?${query}`, TOKENS.users);
        expectSound(answer, query.slice(0, 200));
        expect(answer.status, answer.text.slice(0, 300)).toBe(200);
        expect((answer.body as { results: unknown }).results).toEqual(baselineResults);
        await expectBaselineUnchanged();
      }),
      { numRuns: RUNS },
    );
  });

  it("path ids: 1 to 18 digits name a course (leading zeros allowed), anything else is a 404", async () => {
    await fc.assert(
      fc.asyncProperty(operation, hostileId, async (op, id) => {
        const path = PATHS[op].replace("/1/", `/${encode(id)}/`);
        const answer = await get(path, TOKENS[op]);
        expectSound(answer, path.slice(0, 200));
        const digits = /^[0-9]{1,18}$/.test(id);
        const n = digits ? Number(id) : Number.NaN;
        const exists = op === "event" ? n >= 1 && n <= 4 : n >= 1 && n <= 6;
        const expected = !exists ? 404 : n === 1 ? 200 : 403;
        expect(answer.status, `${path}: ${answer.text.slice(0, 200)}`).toBe(expected);
        if (expected === 404) expect(answer.body).toEqual({ detail: "Not found." });
        await expectBaselineUnchanged();
      }),
      {
        numRuns: RUNS,
        examples: TRICKY_IDS.map((id, i): [Operation, string] => [
          (["users", "invite", "event"] as const)[i % 3] ?? "users",
          id,
        ]),
      },
    );
  });

  it("tokens: a hostile Authorization header is a 401, never a 5xx", async () => {
    const header = fc.oneof(
      hostileValue.map((v) => `Bearer ${v}`),
      hostileValue,
      fc.constantFrom("Bearer", "Bearer ", "bearer course-1-manager", "Bearer  a b", "Basic Zm9v"),
    );
    await fc.assert(
      fc.asyncProperty(header, async (value) => {
        // fetch refuses header values with NUL, CR, LF or non-Latin-1 characters: a client cannot send them.
        const sendable = value.trim() === value && /^[\t\x20-\x7e\x80-\xff]*$/.test(value);
        fc.pre(sendable && value.length < MAX_URL);
        const response = await fetch(`${mock.url}${BASELINE_PATH}`, {
          headers: { authorization: value },
        });
        const text = await response.text();
        expect(response.status, `${value.slice(0, 100)}: ${text.slice(0, 200)}`).toBeLessThan(500);
        if (value !== "Bearer course-1-manager") expect(response.status).toBe(401);
        await expectBaselineUnchanged();
      }),
      { numRuns: RUNS },
    );
  });

  it("a request without a Host header (HTTP/1.0) gets `next` links to the mock's own address", async () => {
    const head = await rawRequest(
      `GET ${PATHS.users}?limit=2 HTTP/1.0\r\nAuthorization: Bearer ${TOKENS.users}\r\n\r\n`,
    );
    expect(head.split("\r\n")[0]).toBe("HTTP/1.1 200 OK");
    const body = JSON.parse(head.slice(head.indexOf("\r\n\r\n") + 4)) as { next: string };
    expect(body.next).toBe(`${mock.url}${PATHS.users}?limit=2&offset=2`);
    await expectBaselineUnchanged();
  });

  it("an oversized request line is refused with a 4xx, and the mock stays up", async () => {
    const answer = await get(`${PATHS.users}?search=${"a".repeat(100_000)}`, TOKENS.users);
    expect([414, 431]).toContain(answer.status);
    await expectBaselineUnchanged();
  });
});
