// Property-based fuzzing of every parameter of every operation (read from the spec's operation
// facts) of the REAL realistic mock (Prism validating in front of the seeded data), over HTTP, as
// a user's program would call it. For every hostile value: never a 5xx; a rejection is a 4xx
// whose body names the parameter; and right after it the mock answers a fixed valid request
// byte-for-byte as it did before the fuzzing began.

import { connect } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAlive, portIsFree } from "../../../tests/test/support/processes.js";
import { createDataset } from "../src/kit/dataset.js";
import { OPERATIONS } from "../src/kit/generated/operations.js";
import { indexDataset } from "../src/kit/lists.js";
import { type TokenGrant, testToken } from "../src/kit/tokens.js";
import { type RunningMock, startMock } from "../src/server/start-mock.js";
import {
  encode,
  hostileId,
  hostileValue,
  jsonArrayValue,
  queryString,
  type StatusesCase,
  TRICKY_IDS,
  TRICKY_VALUES,
  unreadableJsonArrays,
} from "./support/hostile-values.js";

const RUNS = 100;
/** Node's HTTP server refuses request heads over 16 KiB (431) before any parameter is read. */
const MAX_URL = 12_000;

// Every operation and parameter comes from the spec's operation facts (the generated table).
type Operation = keyof typeof OPERATIONS;
interface ParameterFacts {
  readonly name: string;
  readonly type: string | null;
  readonly minimum?: number;
  readonly enum?: readonly string[];
  readonly jsonArray?: { readonly enum: readonly string[] };
}
const OPS = Object.keys(OPERATIONS) as Operation[];
const ids = indexDataset(createDataset({ seed: 1 })).ids;
const pathOf = (op: Operation, id = "1") => OPERATIONS[op].path.replace(/\{[^}]+\}/, id);
const tokenOf = (op: Operation) => {
  const { resource, roles } = OPERATIONS[op].roles;
  return testToken({ resource, id: 1, role: roles[0] } as TokenGrant);
};
const queryOf = (op: Operation) => OPERATIONS[op].query as readonly ParameterFacts[];
const PARAMETERS = OPS.flatMap((op) => queryOf(op).map((parameter) => ({ op, parameter })));
const INTEGERS = PARAMETERS.filter(({ parameter: p }) => p.type === "integer");
const JSON_ARRAYS = PARAMETERS.filter(({ parameter: p }) => p.jsonArray);
const ENUMS = PARAMETERS.filter(({ parameter: p }) => p.enum && !p.jsonArray);
const TEXTS = PARAMETERS.filter(
  ({ parameter: p }) => p.type === "string" && !p.enum && !p.jsonArray,
);
const ENUM_VALUES = PARAMETERS.flatMap(({ parameter: p }) => p.enum ?? []);
const operation = fc.constantFrom(...OPS);
const BASE_OP = OPS[0] as Operation;
const BASELINE_PATH = `${pathOf(BASE_OP)}?limit=3`;

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

/**
 * GETs `op` with the query `pairs` (a case whose URL is too long for Node's server is skipped:
 * fast-check's precondition) and checks that the answer is sound. Returns it with the query sent.
 */
async function getWithQuery(
  op: Operation,
  pairs: readonly (readonly [string, string])[],
): Promise<{ answer: Answer; query: string }> {
  const query = queryString(pairs);
  fc.pre(query.length < MAX_URL);
  const answer = await get(`${pathOf(op)}?${query}`, tokenOf(op));
  expectSound(answer, `${op} ${query.slice(0, 200)}`);
  return { answer, query };
}

/** The mock still gives the exact baseline answer to a valid request. */
async function expectBaselineUnchanged(): Promise<void> {
  const again = await get(BASELINE_PATH, tokenOf(BASE_OP));
  expect(again.status).toBe(200);
  expect(again.text).toBe(baseline);
}

beforeAll(async () => {
  mock = await startMock({ port: 0 });
  const first = await get(BASELINE_PATH, tokenOf(BASE_OP));
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
const isInteger = (value: string | null, min: bigint | undefined) =>
  value === null ||
  value === "" ||
  (/^-?[0-9]+$/.test(value) && (min === undefined || BigInt(value) >= min));

describe("the realistic mock under hostile parameters", () => {
  it("integers: 200 for a valid integer, else a 400 naming exactly that parameter", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...INTEGERS),
        hostileValue,
        async ({ op, parameter }, value) => {
          const { name, minimum } = parameter;
          const { answer, query } = await getWithQuery(op, [[name, value]]);
          // What the server decodes, which is not always `value` (a lone surrogate becomes U+FFFD).
          const decoded = new URLSearchParams(query).get(name);
          if (isInteger(decoded, minimum === undefined ? undefined : BigInt(minimum))) {
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
        // Every tricky value, for every integer parameter in turn, besides the random ones.
        examples: TRICKY_VALUES.map((value, i) => [INTEGERS[i % INTEGERS.length], value]) as [
          (typeof INTEGERS)[number],
          string,
        ][],
      },
    );
  });

  it.each(JSON_ARRAYS.map((entry) => [`${entry.op} ${entry.parameter.name}`, entry] as const))(
    "%s: the documented forms are read, every other value is a 400 naming it",
    async (_, { op, parameter }) => {
      const items = parameter.jsonArray?.enum ?? [];
      await fc.assert(
        fc.asyncProperty(jsonArrayValue(parameter.name, items), async ({ value, valid }) => {
          const { answer } = await getWithQuery(op, [[parameter.name, value]]);
          if (valid === true || value === "") expect(answer.status, answer.text).toBe(200);
          if (valid === false) expect(answer.status, value).toBe(400);
          if (answer.status !== 200) {
            expect(answer.status).toBe(400);
            expect(fieldsOf(answer.body)).toEqual([parameter.name]);
          }
          await expectBaselineUnchanged();
        }),
        {
          numRuns: RUNS,
          examples: [
            ...unreadableJsonArrays(parameter.name, items[0] ?? "").map(
              (value) => [{ value, valid: false }] as [StatusesCase],
            ),
            ...TRICKY_VALUES.map((value) => [{ value, valid: undefined }] as [StatusesCase]),
          ],
        },
      );
    },
  );

  it.each(ENUMS.map((entry) => [`${entry.op} ${entry.parameter.name}`, entry] as const))(
    "%s: one of its values, else a 400 naming it",
    async (_, { op, parameter }) => {
      const values = parameter.enum ?? [];
      await fc.assert(
        fc.asyncProperty(hostileValue, async (value) => {
          const { answer, query } = await getWithQuery(op, [[parameter.name, value]]);
          const decoded = new URLSearchParams(query).get(parameter.name) ?? "";
          if (decoded === "" || values.includes(decoded)) {
            expect(answer.status).toBe(200);
          } else {
            expect(answer.status).toBe(400);
            expect(fieldsOf(answer.body)).toEqual([parameter.name]);
          }
          await expectBaselineUnchanged();
        }),
        { numRuns: RUNS, examples: [...TRICKY_VALUES, ...values].map((v) => [v] as [string]) },
      );
    },
  );

  it.each(TEXTS.map((entry) => [`${entry.op} ${entry.parameter.name}`, entry] as const))(
    "%s: any text is accepted (200, a well-formed page), never an error",
    async (_, { op, parameter }) => {
      await fc.assert(
        fc.asyncProperty(hostileValue, async (value) => {
          const { answer } = await getWithQuery(op, [[parameter.name, value]]);
          expect(answer.status, answer.text.slice(0, 300)).toBe(200);
          const page = answer.body as { count: number; results: unknown[] };
          expect(page.results.length).toBeLessThanOrEqual(page.count);
          await expectBaselineUnchanged();
        }),
        { numRuns: RUNS, examples: TRICKY_VALUES.map((v) => [v] as [string]) },
      );
    },
  );

  it("a repeated key: a 400 naming it, whatever the values", async () => {
    const good = fc.oneof(fc.constantFrom("1", "5", ...ENUM_VALUES), hostileValue);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PARAMETERS),
        good,
        good,
        async ({ op, parameter }, a, b) => {
          const { answer } = await getWithQuery(op, [
            [parameter.name, a],
            [parameter.name, b],
          ]);
          expect(answer.status).toBe(400);
          expect(fieldsOf(answer.body)).toContain(parameter.name);
          await expectBaselineUnchanged();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("unknown names and Prism's own instructions are ignored: the same results as without them", async () => {
    const baselineResults = (JSON.parse(baseline) as { results: unknown }).results;
    const known = queryOf(BASE_OP).map((p) => p.name);
    const junkName = fc.oneof(
      fc.constantFrom("__code", "__example", "__dynamic", "__server", "x", "%00"),
      fc.constantFrom(...known.flatMap((n) => [n.toUpperCase(), `${n}[]`, `${n}[0]`, `${n} `])),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(junkName, hostileValue, async (name, value) => {
        const decodedName = new URLSearchParams(`${encode(name)}=`).keys().next().value ?? "";
        fc.pre(!known.includes(decodedName));
        const query = `${BASELINE_PATH.split("?")[1]}&${queryString([[name, value]])}`;
        fc.pre(query.length < MAX_URL);
        const answer = await get(`${pathOf(BASE_OP)}?${query}`, tokenOf(BASE_OP));
        expectSound(answer, query.slice(0, 200));
        expect(answer.status, answer.text.slice(0, 300)).toBe(200);
        expect((answer.body as { results: unknown }).results).toEqual(baselineResults);
        await expectBaselineUnchanged();
      }),
      { numRuns: RUNS },
    );
  });

  it("path ids: 1 to 18 digits name a resource (leading zeros allowed), anything else is a 404", async () => {
    await fc.assert(
      fc.asyncProperty(operation, hostileId, async (op, id) => {
        const path = pathOf(op, encode(id));
        const answer = await get(path, tokenOf(op));
        expectSound(answer, path.slice(0, 200));
        const digits = /^[0-9]{1,18}$/.test(id);
        const n = digits ? Number(id) : Number.NaN;
        const exists = ids[OPERATIONS[op].roles.resource].has(n);
        const expected = !exists ? 404 : n === 1 ? 200 : 403;
        expect(answer.status, `${path}: ${answer.text.slice(0, 200)}`).toBe(expected);
        if (expected === 404) expect(answer.body).toEqual({ detail: "Not found." });
        await expectBaselineUnchanged();
      }),
      {
        numRuns: RUNS,
        examples: TRICKY_IDS.map((id, i): [Operation, string] => [
          OPS[i % OPS.length] ?? BASE_OP,
          id,
        ]),
      },
    );
  });

  it("tokens: a hostile Authorization header is a 401, never a 5xx", async () => {
    const header = fc.oneof(
      hostileValue.map((v) => `Bearer ${v}`),
      hostileValue,
      fc.constantFrom(
        "Bearer",
        "Bearer ",
        `bearer ${tokenOf(BASE_OP)}`,
        "Bearer  a b",
        "Basic Zm9v",
      ),
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
        if (value !== `Bearer ${tokenOf(BASE_OP)}`) expect(response.status).toBe(401);
        await expectBaselineUnchanged();
      }),
      { numRuns: RUNS },
    );
  });

  it("a request without a Host header (HTTP/1.0) gets `next` links to the mock's own address", async () => {
    const head = await rawRequest(
      `GET ${pathOf(BASE_OP)}?limit=2 HTTP/1.0\r\nAuthorization: Bearer ${tokenOf(BASE_OP)}\r\n\r\n`,
    );
    expect(head.split("\r\n")[0]).toBe("HTTP/1.1 200 OK");
    const body = JSON.parse(head.slice(head.indexOf("\r\n\r\n") + 4)) as { next: string };
    expect(body.next).toBe(`${mock.url}${pathOf(BASE_OP)}?limit=2&offset=2`);
    await expectBaselineUnchanged();
  });

  it("an oversized request line is refused with a 4xx, and the mock stays up", async () => {
    const answer = await get(`${pathOf(BASE_OP)}?x=${"a".repeat(100_000)}`, tokenOf(BASE_OP));
    expect([414, 431]).toContain(answer.status);
    await expectBaselineUnchanged();
  });
});
