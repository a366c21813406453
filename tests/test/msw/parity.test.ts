// MSW, the kit and the HTTP mock give the same answers: the client, created WITHOUT an injected
// fetch, calls every operation of the spec through `setupServer(...createMswHandlers())`, and
// each answer it gets (a page, or a typed error's status and body) is the body the HTTP mock
// (`startMock`) sends for the very request the client sent.
import { createRequire } from "node:module";
import { ApiError, createCommunityClient } from "@community-api/client";
import { type RunningMock, startMock, TEST_TOKENS, testToken } from "@community-api/mock";
import { createMswHandlers } from "@community-api/mock/msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

interface OperationFacts {
  readonly operationId: string;
  readonly roles: { readonly resource: "course" | "event"; readonly roles: readonly string[] };
  readonly queryParameters: readonly {
    readonly name: string;
    readonly minimum?: number;
    readonly enum: readonly string[] | null;
    readonly examples: readonly unknown[];
  }[];
}

const { operations } = createRequire(import.meta.url)("@community-api/spec/operations.json") as {
  operations: readonly OperationFacts[];
};
const BASE = "https://community.example.com";
// The HTTP mock is reached with the fetch MSW has not patched (taken before `listen`).
const networkFetch = globalThis.fetch;
const server = setupServer(...createMswHandlers({ baseUrl: BASE }));
/** Each request MSW saw for BASE, in order: the client's, as sent. */
const sent: Request[] = [];
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ port: 0 });
  server.events.on("request:start", ({ request }) => {
    if (request.url.startsWith(BASE)) sent.push(request.clone());
  });
  server.listen({
    // The HTTP mock's own traffic (front to Prism) passes; a client request MSW did not answer fails.
    onUnhandledRequest: (request, print) => {
      if (request.url.startsWith(BASE)) print.error();
    },
  });
});
afterAll(async () => {
  server.close();
  await mock?.stop();
});

const token = (resource: "course" | "event", role: string, id = 1) =>
  testToken({ resource, id, role } as Parameters<typeof testToken>[0]);

/** The query values the client takes, from a parameter's examples (JSON arrays parsed). */
const asClientValue = (example: unknown) =>
  typeof example === "string" && example.startsWith("[") ? JSON.parse(example) : example;

interface Case {
  readonly label: string;
  readonly id: number;
  readonly token?: string;
  readonly query: Record<string, unknown>;
  readonly status: number;
}

function cases(op: OperationFacts): Case[] {
  const { resource, roles } = op.roles;
  const role = roles[0] ?? "";
  const allowed = token(resource, role);
  const out: Case[] = [{ label: "200", id: 1, token: allowed, query: {}, status: 200 }];
  for (const p of op.queryParameters) {
    for (const example of p.examples) {
      out.push({
        label: `200 ${p.name}`,
        id: 1,
        token: allowed,
        query: { [p.name]: asClientValue(example) },
        status: 200,
      });
    }
    if (p.minimum !== undefined) {
      out.push({
        label: `400 ${p.name}`,
        id: 1,
        token: allowed,
        query: { [p.name]: p.minimum - 1 },
        status: 400,
      });
    }
    if (p.enum) {
      out.push({
        label: `400 ${p.name}`,
        id: 1,
        token: allowed,
        query: { [p.name]: "bogus" },
        status: 400,
      });
    }
  }
  out.push(
    {
      label: "200 another id",
      id: 2,
      token: token(resource, role, 2),
      query: { limit: 2, offset: 1 },
      status: 200,
    },
    { label: "401 no token", id: 1, query: {}, status: 401 },
    { label: "401 unknown token", id: 1, token: TEST_TOKENS.invalid, query: {}, status: 401 },
    { label: "403", id: 1, token: token(resource, "member"), query: {}, status: 403 },
    { label: "404", id: 99, token: allowed, query: {}, status: 404 },
  );
  return out;
}

type Call = (id: number, query: Record<string, unknown>) => Promise<unknown>;

describe.each(operations.map((op) => [op.operationId, op] as const))("%s", (operationId, op) => {
  test.each(cases(op).map((c) => [c.label, c] as const))("%s", async (_, c) => {
    // No fetch given: the client uses the global one, which MSW intercepts.
    const client = createCommunityClient({ baseUrl: BASE, token: c.token, maxRetries: 0 });
    const call = (client as unknown as Record<string, Call>)[operationId];
    if (!call) throw new Error(`the client has no method ${operationId}`);
    const before = sent.length;
    let got: { status: number; body: unknown };
    try {
      got = { status: 200, body: await call(c.id, c.query) };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      got = { status: error.status ?? 0, body: error.body };
    }
    expect(sent.length, "the client's request went through MSW").toBe(before + 1);
    const request = sent[before] as Request;
    const url = new URL(request.url);
    const authorization = request.headers.get("authorization");
    const answer = await networkFetch(`${mock.url}${url.pathname}${url.search}`, {
      headers: authorization === null ? {} : { authorization },
    });
    // Links are absolute on the host asked: the HTTP mock's, here.
    const want = JSON.parse((await answer.text()).replaceAll(mock.url, BASE));
    expect(answer.status).toBe(c.status);
    expect(got).toEqual({ status: answer.status, body: want });
  });
});
