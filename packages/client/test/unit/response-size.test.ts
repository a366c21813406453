// The bound on every body the client reads (`maxResponseSize`): counted on the decoded stream,
// per client and per call, for success bodies, error bodies and raw `client.GET`. The bodies here
// are endless streams that count what was pulled from them, so that a client without the bound
// fails the test (the source gives up past 64 MiB) instead of filling memory.
import { describe, expect, it } from "vitest";
import {
  type ApiError,
  createCommunityCoreClient,
  NetworkError,
  ResponseTooLargeError,
} from "../../src/index.js";
import { BASE_URL, json, observedClient, observedFetch, page } from "../helpers/observed-fetch.js";

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** An endless body of JSON-ish bytes in 64 KiB chunks; `pulled()` says how many were read. */
function endlessBody() {
  let pulled = 0;
  let cancelled: unknown;
  const chunk = new TextEncoder().encode(`{"detail":"${"x".repeat(CHUNK - 12)}"`);
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        // A client that reads without a bound gets an error here, not an exhausted machine.
        if (pulled > 64 * MiB) throw new Error("the client read past 64 MiB");
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel(reason) {
        cancelled = reason;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, pulled: () => pulled, cancelled: () => cancelled };
}

async function rejection(call: Promise<unknown>): Promise<ApiError> {
  return call.then(
    () => expect.unreachable("the call should fail"),
    (error: unknown) => error as ApiError,
  );
}

describe("maxResponseSize", () => {
  it("stops a success body at 16 MiB by default, with a typed error naming the limit", async () => {
    const source = endlessBody();
    const { client } = observedClient(() => new Response(source.body, { status: 200 }));
    const error = await rejection(client.getCourseDashboardUsers(1));

    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).not.toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      name: "ResponseTooLargeError",
      status: 200,
      body: undefined,
      operationId: "getCourseDashboardUsers",
      message:
        "getCourseDashboardUsers failed: the HTTP 200 response body is larger than maxResponseSize (16777216 bytes)",
    });
    // It read one chunk past the limit at most, then cancelled the body with the same error.
    expect(source.pulled()).toBeLessThanOrEqual(16 * MiB + CHUNK);
    expect(source.cancelled()).toBe(error);
    expect(error.message).not.toContain("t0k3n");
  });

  it("takes the client's limit, and a call's over it", async () => {
    const ten = JSON.stringify(page(Array.from({ length: 10 }, (_, id) => ({ id }))));
    const { client } = observedClient(() => new Response(ten), { maxResponseSize: 50 });
    const error = await rejection(client.getCourseInvitedUsers(1));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.message).toContain("maxResponseSize (50 bytes)");

    const page10 = await client.getCourseInvitedUsers(1, {}, { maxResponseSize: ten.length });
    expect(page10.results).toHaveLength(10);
    const tighter = await rejection(
      client.getCourseInvitedUsers(1, {}, { maxResponseSize: ten.length - 1 }),
    );
    expect(tighter.message).toContain(`maxResponseSize (${ten.length - 1} bytes)`);
  });

  it("counts bytes, not characters, and decodes text split across chunks", async () => {
    const text = JSON.stringify(page([{ id: 1, username: "àéîõü-日本" }]));
    const bytes = new TextEncoder().encode(text);
    // One byte per chunk: every multi-byte character is split.
    const chunked = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
            controller.close();
          },
        }),
      );
    const { client } = observedClient(chunked, { maxResponseSize: bytes.length });
    expect(await client.getCourseInvitedUsers(1)).toEqual(JSON.parse(text));
    expect(bytes.length).toBeGreaterThan(text.length);
    await expect(
      client.getCourseInvitedUsers(1, {}, { maxResponseSize: text.length }),
    ).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it("stops an error body (read by openapi-fetch) with the response's status", async () => {
    const source = endlessBody();
    const { client } = observedClient(() => new Response(source.body, { status: 404 }), {
      maxResponseSize: MiB,
      maxRetries: 0,
    });
    const error = await rejection(client.getEventInvitedUsers(1));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({
      status: 404,
      message:
        "getEventInvitedUsers failed: the HTTP 404 response body is larger than maxResponseSize (1048576 bytes)",
    });
    expect(source.pulled()).toBeLessThanOrEqual(MiB + CHUNK);
  });

  it("passes the iterators' maxResponseSize to every page, not to the query", async () => {
    const next = "https://community.example.com/api/v2/course/1/invite/?limit=1&offset=1";
    const { client, urls } = observedClient((_, attempt) =>
      attempt === 1
        ? json(page([{ id: 1 }], next, 2))
        : new Response(endlessBody().body, { status: 200 }),
    );
    const seen: unknown[] = [];
    const iterate = async () => {
      for await (const user of client.paginate.courseInvitedUsers(1, { maxResponseSize: 1_000 }))
        seen.push(user);
    };
    await expect(iterate()).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(seen).toEqual([{ id: 1 }]);
    expect(urls()).toEqual([
      `${BASE_URL}/api/v2/course/1/invite/`,
      `${BASE_URL}/api/v2/course/1/invite/?limit=1&offset=1`,
    ]);
  });

  it("bounds a raw client.GET too, whose middleware still sees fetch's response", async () => {
    const source = endlessBody();
    const { fetch } = observedFetch(() => {
      const response = new Response(source.body, { status: 200 });
      // What fetch sets on a network response, which a constructed one lacks.
      Object.defineProperty(response, "url", { value: `${BASE_URL}/final` });
      return response;
    });
    const client = createCommunityCoreClient({ baseUrl: BASE_URL, fetch, maxResponseSize: MiB });
    const seen: Array<[string, number]> = [];
    client.use({
      onResponse({ response }) {
        seen.push([response.url, response.status]);
      },
    });
    const error = await rejection(
      client.GET("/api/v2/course/{id}/invite/", { params: { path: { id: "1" } } }),
    );
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.message).toBe(
      "request failed: the HTTP 200 response body is larger than maxResponseSize (1048576 bytes)",
    );
    expect(seen).toEqual([[`${BASE_URL}/final`, 200]]);
    expect(source.pulled()).toBeLessThanOrEqual(MiB + CHUNK);

    // Under the limit, a raw call keeps openapi-fetch's { data, error, response }.
    const small = createCommunityCoreClient({
      baseUrl: BASE_URL,
      fetch: observedFetch((_, attempt) =>
        attempt === 1 ? json(page([{ id: 7 }])) : json({ detail: "Not found." }, 404),
      ).fetch,
    });
    const found = await small.GET("/api/v2/course/{id}/invite/", {
      params: { path: { id: "1" } },
    });
    expect(found.data?.results).toEqual([{ id: 7 }]);
    const missing = await small.GET("/api/v2/course/{id}/invite/", {
      params: { path: { id: "1" } },
    });
    expect(missing.error).toEqual({ detail: "Not found." });
    expect(missing.response.status).toBe(404);
  });

  it("Infinity disables the limit", async () => {
    const big = JSON.stringify(page([{ id: 1, real_name: "x".repeat(17 * MiB) }]));
    const { client } = observedClient(() => new Response(big), { maxResponseSize: Infinity });
    expect((await client.getCourseInvitedUsers(1)).results).toHaveLength(1);
  });
});
