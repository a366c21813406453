// The real client against the mock serving the bundled spec (Prism by default). Prism checks
// every request against the spec, so a client that drifts from the spec fails here.
import { describe, expect, inject, it } from "vitest";
import {
  type ApiError,
  BadRequestError,
  createCommunityClient,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnauthorizedError,
} from "../../src/index.js";
import { CONTRACT_OPERATIONS } from "./operations.js";

const baseUrl = inject("apiBaseUrl");
const client = createCommunityClient({ baseUrl, token: "course-1-manager", maxRetries: 0 });
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

describe.each(Object.entries(CONTRACT_OPERATIONS))("%s against the mock", (operationId, op) => {
  it("answers a call with the required parameters only", async () => {
    const page = await op.call(client, 1);
    expect(page.count).toEqual(expect.any(Number));
    expect(Array.isArray(page.results)).toBe(true);
    expect(await op.call(client, "1")).toEqual(page);
  });

  it("accepts every parameter in the client's wire format", async () => {
    const page = await op.callWithAll(client, 42);
    expect(Array.isArray(page.results)).toBe(true);
  });

  it("keeps openapi-fetch's raw result", async () => {
    const { data, response } = await op.raw(client, "7");
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.results)).toBe(true);
  });

  it("throws UnauthorizedError without a token", async () => {
    const error = await rejection(op.call(anonymous, 1));
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error).toMatchObject({ status: 401, operationId });
    expect(error.body).toEqual({ detail: "Authentication credentials were not provided." });
  });

  it("maps 403 and 404 to PermissionDeniedError and NotFoundError", async () => {
    const forbidden = await rejection(op.call(client, 1, {}, { headers: { Prefer: "code=403" } }));
    expect(forbidden).toBeInstanceOf(PermissionDeniedError);
    expect(forbidden.status).toBe(403);
    const missing = await rejection(op.call(client, 999, {}, { headers: { Prefer: "code=404" } }));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.message).toBe(`${operationId} failed with HTTP 404: Not found.`);
  });

  it("maps 429 to RateLimitError with Retry-After", async () => {
    const error = await rejection(op.call(client, 1, {}, { headers: { Prefer: "code=429" } }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.headers?.get("retry-after")).toMatch(/^\d+$/);
  });

  it("throws BadRequestError naming the invalid parameter", async () => {
    const error = await rejection(op.call(client, 1, { limit: 0 }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.status).toBe(400);
    expect(error.message).toContain("invalid parameter limit");
    // Prism answers with the spec's example body and puts its own reason in a header.
    expect(error.headers?.get("sl-violations")).toContain("limit must be >= 1");
  });

  it("iterates pages until next is null", async () => {
    const pages = await collect(op.pages(client, 1, { headers: { Prefer: "example=lastPage" } }));
    expect(pages).toHaveLength(1);
    expect(pages[0]?.next).toBeNull();
    expect(pages[0]?.count).toEqual(expect.any(Number));
  });

  it("follows next through the configured base URL, and stops a server that does not advance", async () => {
    // Prism's static mode answers every offset with the first example, whose next says offset=2:
    // page 2 is requested at offset 2 and points at offset 2 again.
    const two = await collect(op.pages(client, 1, { maxPages: 2 }));
    expect(two).toHaveLength(2);
    await expect(collect(op.paginate(client, 1, {}))).rejects.toThrow("does not advance past 2");
  });
});

describe("getCourseDashboardUsers filters against the mock", () => {
  it("accepts one bare status and a JSON array of statuses", async () => {
    await expect(client.getCourseDashboardUsers(1, { statuses: "creator" })).resolves.toBeTruthy();
    await expect(
      client.getCourseDashboardUsers(1, { statuses: ["joined", "manager"] }),
    ).resolves.toBeTruthy();
  });

  it("gets a 400 for a status or an ordering that bypassed the types", async () => {
    const status = await rejection(
      client.getCourseDashboardUsers(1, { statuses: ["bogus" as "joined"] }),
    );
    expect(status).toBeInstanceOf(BadRequestError);
    expect(status.headers?.get("sl-violations")).toContain("statuses");
    const ordering = await rejection(
      client.getCourseDashboardUsers(1, { ordering: "name" as "joined_at" }),
    );
    expect(ordering.headers?.get("sl-violations")).toContain("ordering");
  });
});
