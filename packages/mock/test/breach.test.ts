// "A violation is an error, not a log line": a data server that breaks the contract must make
// the realistic mock answer 500 with Prism's findings. A deliberately faulty handler proves it.
import { afterAll, beforeAll, expect, test } from "vitest";
import { createMockHandler } from "../src/kit/handler.js";
import { json } from "../src/kit/responses.js";
import { type RunningMock, startMockWith } from "../src/server/start-mock.js";
import { call, violationLocations } from "./support/http.js";

const good = createMockHandler({ seed: 1 });
const log: string[] = [];
let mock: RunningMock;
const http = (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init);
const token = "course-1-manager";

beforeAll(async () => {
  mock = await startMockWith(
    { port: 0, log: (line) => log.push(line) },
    {
      handler: async (request) => {
        const fault = new URL(request.url).searchParams.get("fault");
        if (fault === "body") return json(200, { count: "many", results: [{ id: -1 }] });
        if (fault === "status") return json(418, { detail: "I'm a teapot" });
        if (fault === "lax")
          return json(200, { count: 0, next: null, previous: null, results: [] });
        if (fault === "route")
          return json(200, { count: 0, next: null, previous: null, results: [] });
        return good(request);
      },
    },
  );
});
afterAll(async () => {
  await mock?.stop();
});

test("a response body the spec forbids becomes a 500 naming Prism's findings", async () => {
  const answer = await call(http, `${mock.url}/api/v2/course/1/users/?fault=body`, token);
  expect(answer.status).toBe(500);
  expect(answer.body).toMatchObject({
    detail: expect.stringContaining("response violates the spec"),
  });
  expect(violationLocations(answer.headers).some((l) => l.startsWith("response"))).toBe(true);
  expect(log.some((line) => line.includes("contract breach"))).toBe(true);
});

test("an undeclared status code is a breach too", async () => {
  const answer = await call(http, `${mock.url}/api/v2/course/1/users/?fault=status`, token);
  expect(answer.status).toBe(500);
});

test("accepting a request the spec rejects is a breach", async () => {
  const answer = await call(http, `${mock.url}/api/v2/course/1/users/?fault=lax&limit=0`, token);
  expect(answer.status).toBe(500);
  expect(answer.body).toMatchObject({ detail: expect.stringContaining("accepted a request") });
});

test("answering a route the spec does not define is a breach", async () => {
  const answer = await call(http, `${mock.url}/api/v2/course/1/extra/?fault=route`, token);
  expect(answer.status).toBe(500);
  expect(answer.body).toMatchObject({ detail: expect.stringContaining("does not define") });
});

test("the same mock passes correct answers through untouched", async () => {
  const answer = await call(http, `${mock.url}/api/v2/course/1/users/?limit=2`, token);
  expect(answer.status).toBe(200);
  expect(answer.headers.get("sl-violations")).toBeNull();
  expect(answer.body).toEqual(
    await (
      await good(
        new Request(`${mock.url}/api/v2/course/1/users/?limit=2`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      )
    ).json(),
  );
});
