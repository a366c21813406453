// The real client against a server of the bundled spec: by default the realistic mock, where
// Prism checks every request and answer against the spec, so a client that drifts from the
// spec fails here. With TEST_API_BASE_URL the same tests run against another server (the API
// itself with its test data): a 403 and a 404 are asked for with a member token and an unknown
// id, as a user would meet them. (A 429 and a next link that does not advance are servers'
// misbehaviours: test/faults/ and test/unit/pagination.test.ts stage them.)
import { describe, expect, inject, it } from "vitest";
import {
  type ApiError,
  BadRequestError,
  createCommunityClient,
  NotFoundError,
  PermissionDeniedError,
  UnauthorizedError,
} from "../../src/index.js";
import { CONTRACT_OPERATIONS, FACTS } from "./operations.js";

const baseUrl = inject("apiBaseUrl");
const UNKNOWN_ID = 987654321;
const anonymous = createCommunityClient({ baseUrl, maxRetries: 0 });

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  return promise.then(
    () => expect.unreachable("the call should fail"),
    (error: unknown) => error as ApiError,
  );
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}

describe.each(CONTRACT_OPERATIONS.map((op) => [op.operationId, op] as const))(
  "%s against the mock",
  (operationId, op) => {
    const client = createCommunityClient({ baseUrl, token: op.tokens.allowed, maxRetries: 0 });
    const member = createCommunityClient({ baseUrl, token: op.tokens.denied, maxRetries: 0 });

    it("answers a call with the required parameters only", async () => {
      const page = await op.call(client, 1);
      expect(page.count).toEqual(expect.any(Number));
      expect(Array.isArray(page.results)).toBe(true);
      expect(await op.call(client, "1")).toEqual(page);
    });

    it("accepts every parameter in the client's wire format", async () => {
      const page = await op.callWithAll(client, 1);
      expect(Array.isArray(page.results)).toBe(true);
    });

    it("keeps openapi-fetch's raw result", async () => {
      const { data, response } = await op.raw(client, "1");
      expect(response.status).toBe(200);
      expect(Array.isArray(data?.results)).toBe(true);
    });

    it("throws UnauthorizedError without a token", async () => {
      const error = await rejection(op.call(anonymous, 1));
      expect(error).toBeInstanceOf(UnauthorizedError);
      expect(error).toMatchObject({ status: 401, operationId });
      expect(error.body).toEqual({ detail: expect.any(String) });
    });

    it("maps 403 and 404 to PermissionDeniedError and NotFoundError", async () => {
      const forbidden = await rejection(op.call(member, 1));
      expect(forbidden).toBeInstanceOf(PermissionDeniedError);
      expect(forbidden.status).toBe(403);
      const missing = await rejection(op.call(client, UNKNOWN_ID));
      expect(missing).toBeInstanceOf(NotFoundError);
      expect(missing.message).toMatch(new RegExp(`^${operationId} failed with HTTP 404: \\S`));
    });

    it("throws BadRequestError naming the invalid parameter", async () => {
      const error = await rejection(op.call(client, 1, { limit: 0 }));
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error.status).toBe(400);
      expect(error.message).toContain("invalid parameter limit");
    });

    it("iterates pages until next is null", async () => {
      const pages = await collect(op.pages(client, 1, {}));
      expect(pages.at(-1)?.next).toBeNull();
      for (const page of pages.slice(0, -1)) expect(page.next).not.toBeNull();
      for (const page of pages) expect(page.count).toBe(pages[0]?.count);
    });
  },
);

// Every JSON-array and enum parameter of every operation, from the facts: the wire forms the
// API reads are accepted, a value that bypassed the types is a 400 naming the parameter.
const filters = CONTRACT_OPERATIONS.flatMap((op) =>
  (FACTS.operations.find((o) => o.operationId === op.operationId)?.queryParameters ?? [])
    .filter((p) => p.jsonArray?.enum || p.enum)
    .map((p) => [`${op.operationId} ${p.name}`, op, p] as const),
);

describe.each(filters)("%s against the mock", (_, op, parameter) => {
  const client = createCommunityClient({ baseUrl, token: op.tokens.allowed, maxRetries: 0 });
  const values = parameter.jsonArray?.enum ?? parameter.enum ?? [];

  it("accepts one bare value, and an array of them for a JSON-array parameter", async () => {
    await expect(op.call(client, 1, { [parameter.name]: values[0] })).resolves.toBeTruthy();
    if (parameter.jsonArray) {
      await expect(
        op.call(client, 1, { [parameter.name]: values.slice(0, 2) }),
      ).resolves.toBeTruthy();
    }
  });

  it("gets a 400 naming the parameter for a value that bypassed the types", async () => {
    const bogus = parameter.jsonArray ? ["bogus"] : "bogus";
    const error = await rejection(op.call(client, 1, { [parameter.name]: bogus }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toContain(`invalid parameter ${parameter.name}`);
  });
});
