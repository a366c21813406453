// Random valid and hostile requests, in process (many runs) and through Prism (fewer runs):
// valid -> 200 consistent with the dataset; invalid -> 4xx naming the parameter; never a 5xx.
// The expected answer comes from a small model written from the spec, not from src/.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDataset, createMockFetch, type FetchLike, startMock } from "../src/index.js";
import type { JoinStatus } from "../src/kit/model.js";
import type { RunningMock } from "../src/server/start-mock.js";
import { type Answer, call, reportedFields, violationLocations } from "./support/http.js";
import {
  expectedCourseInviteIds,
  expectedDashboardIds,
  expectedEventInviteIds,
} from "./support/oracle.js";

const spec = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@community-api/spec/openapi.json"), "utf8"),
);
const schemas = spec.components.schemas;
const STATUSES: string[] = schemas.JoinStatus.enum;
const ORDERINGS: string[] = schemas.DashboardOrdering.enum;
const ARRAY_PATTERN = new RegExp(
  schemas.StatusesFilter.anyOf.find((s: { pattern?: string }) => s.pattern).pattern,
  "u",
);
const dataset = createDataset({ seed: 1 });

// ---- the model -------------------------------------------------------------------------------

type Operation = "users" | "invite" | "event";
interface Case {
  operation: Operation;
  id: string;
  token: string | undefined;
  query: [string, string][];
  raw: string; // appended verbatim, for percent-encodings a string cannot express
}

function pathOf(c: Case): string {
  const resource = c.operation === "event" ? "event" : "course";
  const tail = c.operation === "users" ? "users" : "invite";
  const query = c.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  if (c.raw !== "") query.push(c.raw);
  return `/api/v2/${resource}/${c.id}/${tail}/${query.length > 0 ? `?${query.join("&")}` : ""}`;
}

type Expectation =
  | { status: 401 | 403 | 404 }
  | { status: 400; fields: string[] }
  | { status: 200; ids: number[]; offset: number; limit: number };

function expectation(c: Case, params: URLSearchParams): Expectation {
  if (!/^[0-9]{1,18}$/.test(c.id)) return { status: 404 };
  if (c.token === undefined) return { status: 401 };
  const m = /^(course|event)-(\d+)-(creator|manager|member)$/.exec(c.token);
  const known =
    m !== null &&
    ((m[1] === "course" && Number(m[2]) >= 1 && Number(m[2]) <= 6) ||
      (m[1] === "event" && Number(m[2]) >= 1 && Number(m[2]) <= 4 && m[3] !== "creator"));
  if (!m || !known) return { status: 401 };
  const id = Number(c.id);
  const isEvent = c.operation === "event";
  if (id < 1 || id > (isEvent ? 4 : 6)) return { status: 404 };
  const permitted = isEvent
    ? m[1] === "event" && Number(m[2]) === id && m[3] === "manager"
    : m[1] === "course" && Number(m[2]) === id && (m[3] === "creator" || m[3] === "manager");
  if (!permitted) return { status: 403 };

  const one = (name: string) => params.getAll(name);
  const fields: string[] = [];
  const int = (name: string, min: bigint): bigint | undefined => {
    const values = one(name);
    const v = values[0];
    if (
      values.length > 1 ||
      (v !== undefined && v !== "" && (!/^\d+$/.test(v) || BigInt(v) < min))
    ) {
      fields.push(name);
      return undefined;
    }
    return v === undefined || v === "" ? undefined : BigInt(v);
  };
  const limit = int("limit", 1n);
  const offset = int("offset", 0n);
  let search = "";
  let statuses: JoinStatus[] = ["manager", "joined"];
  let ordering = "-joined_at";
  if (c.operation === "users") {
    const s = one("search");
    if (s.length > 1) fields.push("search");
    else search = s[0] ?? "";
    const st = one("statuses");
    if (st.length > 1) fields.push("statuses");
    else if (st[0] !== undefined && st[0] !== "") {
      const v = st[0];
      if (STATUSES.includes(v)) statuses = [v as JoinStatus];
      else {
        let parsed: unknown;
        try {
          parsed = JSON.parse(v);
        } catch {}
        if (ARRAY_PATTERN.test(v) && Array.isArray(parsed)) statuses = parsed;
        else fields.push("statuses");
      }
    }
    const o = one("ordering");
    if (o.length > 1) fields.push("ordering");
    else if (o[0] !== undefined && o[0] !== "") {
      if (ORDERINGS.includes(o[0])) ordering = o[0];
      else fields.push("ordering");
    }
  }
  if (fields.length > 0) return { status: 400, fields };
  const ids =
    c.operation === "users"
      ? expectedDashboardIds(dataset, id, { search, statuses, ordering })
      : isEvent
        ? expectedEventInviteIds(dataset, id)
        : expectedCourseInviteIds(dataset, id);
  const clamp = (v: bigint) => (v > 100_000n ? 100_000 : Number(v));
  return { status: 200, ids, offset: clamp(offset ?? 0n), limit: clamp(limit ?? 20n) };
}

function check(c: Case, url: string, answer: Answer): void {
  const expected = expectation(c, new URL(url).searchParams);
  expect(answer.status, `${url}\n${answer.text}`).toBe(expected.status);
  if (expected.status === 400) {
    expect(reportedFields(answer.body)).toEqual(expected.fields);
    const errors = (answer.body as { errors: { messages: { message: string }[] }[] }).errors;
    for (const e of errors) expect(e.messages[0]?.message).toMatch(/\S/);
  }
  if (expected.status === 200) {
    const page = answer.body as { count: number; results: { id: number }[] };
    expect(page.count).toBe(expected.ids.length);
    expect(page.results.map((r) => r.id)).toEqual(
      expected.ids.slice(expected.offset, expected.offset + expected.limit),
    );
  }
}

// ---- generators ------------------------------------------------------------------------------

const hostile = fc.oneof(
  fc.constantFrom(
    "",
    "0",
    "-1",
    "1.5",
    "1e2",
    " 5",
    "0x10",
    "٣",
    "\0",
    "null",
    "true",
    "[]",
    "{}",
    '["joined"',
    '["joined",]',
    '["bogus"]',
    "[1,2]",
    '"joined"',
    "joined,manager",
    '{"$ne":null}',
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%00",
    "Zoë",
    "Łukasz",
    "Jürgen",
    "😀",
    "123456789012345678901234567890",
  ),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "grapheme-ascii", minLength: 1000, maxLength: 3000 }),
);
const digits = fc.integer({ min: 0, max: 400 }).map(String);
const status = fc.constantFrom(...STATUSES);
const statusesValue = fc.oneof(
  status,
  fc
    .uniqueArray(status, { minLength: 1, maxLength: 6 })
    .chain((list) =>
      fc.constantFrom(", ", ",", " ,  ").map((sep) => `[${list.map((s) => `"${s}"`).join(sep)}]`),
    ),
);
const pair = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom("limit", "offset"), fc.oneof(digits, digits, hostile)),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(
      fc.constant("search"),
      fc.oneof(fc.constantFrom("a", "an", "ZOË", "o'", "ma ro"), hostile),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constant("statuses"), fc.oneof(statusesValue, statusesValue, hostile)),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constant("ordering"), fc.oneof(fc.constantFrom(...ORDERINGS), hostile)),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom("foo", "LIMIT", "__code", "page", "statuses[]"), hostile),
  },
);
const tokens = [
  "course-1-manager",
  "course-1-creator",
  "course-1-member",
  "course-2-manager",
  "course-6-creator",
  "event-1-manager",
  "event-1-member",
  "event-4-manager",
  "course-99-manager",
  "event-1-creator",
  "nope",
];
const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  operation: fc.constantFrom<Operation>("users", "users", "invite", "event"),
  id: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 6 }).map(String) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("0", "7", "001", "abc", "1.0", "-1", "%31", "9".repeat(19)),
    },
  ),
  token: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...tokens) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  ),
  query: fc.array(pair, { maxLength: 5 }),
  raw: fc.constantFrom(
    "",
    "",
    "",
    "search=%E0%A4",
    "search=%ZZ",
    "statuses=%5B%22joined%22",
    "limit=%00",
  ),
});
// Most cases should reach the parameters: align the token with the resource half the time.
const aligned = caseArbitrary.chain((c) =>
  fc.boolean().map((align) => {
    if (!align || !/^[1-6]$/.test(c.id)) return c;
    const token =
      c.operation === "event"
        ? `event-${Math.min(Number(c.id), 4)}-manager`
        : `course-${c.id}-manager`;
    return { ...c, id: c.operation === "event" ? String(Math.min(Number(c.id), 4)) : c.id, token };
  }),
);

// ---- the runs --------------------------------------------------------------------------------

describe("in process", () => {
  const kit = createMockFetch({ seed: 1, baseUrl: "http://mock.test" });
  test("200 runs", async () => {
    await fc.assert(
      fc.asyncProperty(aligned, async (c) => {
        const url = `http://mock.test${pathOf(c)}`;
        check(c, url, await call(kit, url, c.token));
      }),
      { numRuns: 200 },
    );
  });
});

describe("over HTTP through Prism", () => {
  let mock: RunningMock;
  let kit: FetchLike;
  beforeAll(async () => {
    mock = await startMock({ port: 0, seed: 1 });
    kit = createMockFetch({ seed: 1, baseUrl: mock.url });
  });
  afterAll(async () => {
    await mock?.stop();
  });

  test("50 runs, each identical to the kit's answer, with no response finding by Prism", async () => {
    const http: FetchLike = (input, init) => fetch(input, init);
    await fc.assert(
      fc.asyncProperty(aligned, async (c) => {
        const url = `${mock.url}${pathOf(c)}`;
        // Past ~16 KiB the front's HTTP parser answers 431 itself (tested in realistic.test.ts).
        fc.pre(url.length < 15_000);
        const [viaHttp, viaKit] = await Promise.all([
          call(http, url, c.token),
          call(kit, url, c.token),
        ]);
        check(c, url, viaHttp);
        expect(viaHttp.body).toEqual(viaKit.body);
        const locations = violationLocations(viaHttp.headers);
        if (viaHttp.status < 400) expect(locations).toEqual([]);
        for (const l of locations) expect(l).toMatch(/^request/);
      }),
      { numRuns: 50 },
    );
    const health = await fetch(`${mock.url}/health`);
    expect(health.status).toBe(200);
  });
});
