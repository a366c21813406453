// What client.use() middleware sees, and what the platform's fetch gets with and without it:
// without middleware a named method hands fetch the URL and a plain init (no Request to copy);
// once middleware is added, openapi-fetch builds a real Request that middleware may read and
// replace, for named methods and raw calls alike.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCommunityClient } from "../../src/index.js";
import { BASE_URL, json, page } from "../helpers/observed-fetch.js";

const URL_1 = `${BASE_URL}/api/v2/course/1/users/?limit=5`;

/** Replaces the platform's fetch (the client looks it up per request) with a recorder. */
function stubFetch() {
  const calls: { input: unknown; init: RequestInit | undefined }[] = [];
  vi.stubGlobal("fetch", async (input: unknown, init?: RequestInit) => {
    calls.push({ input, init });
    return json(page([{ id: 1 }]));
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("middleware and the Request", () => {
  it("without middleware, fetch gets the URL and an init carrying the token and a timeout signal", async () => {
    const calls = stubFetch();
    const client = createCommunityClient({ baseUrl: BASE_URL, token: "t0k3n" });
    await client.getCourseDashboardUsers(1, { limit: 5 });
    expect(calls).toHaveLength(1);
    const [{ input, init }] = calls as [(typeof calls)[number]];
    expect(input).toBe(URL_1);
    expect(new Headers(init?.headers).get("authorization")).toBe("Bearer t0k3n");
    expect(init?.method).toBe("GET");
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it("with middleware, it sees a real Request, and what it returns is what is sent", async () => {
    const calls = stubFetch();
    const client = createCommunityClient({ baseUrl: BASE_URL, token: "t0k3n" });
    const seen: unknown[] = [];
    client.use({
      onRequest({ request }) {
        seen.push(request);
        const replaced = new Request(request);
        replaced.headers.set("x-trace", "abc");
        return replaced;
      },
      onResponse({ response }) {
        seen.push(response);
      },
    });
    const result = await client.getCourseDashboardUsers(1, { limit: 5 });
    expect(result.results).toEqual([{ id: 1 }]);
    expect(seen[0]).toBeInstanceOf(Request);
    expect((seen[0] as Request).url).toBe(URL_1);
    expect(seen[1]).toBeInstanceOf(Response);
    const [{ input }] = calls as [(typeof calls)[number]];
    expect(input).toBeInstanceOf(Request);
    expect((input as Request).url).toBe(URL_1);
    expect((input as Request).headers.get("x-trace")).toBe("abc");
    expect((input as Request).headers.get("authorization")).toBe("Bearer t0k3n");
  });

  it("a fetch of the caller's still gets a Request without middleware", async () => {
    const inputs: unknown[] = [];
    const client = createCommunityClient({
      baseUrl: BASE_URL,
      token: "t0k3n",
      fetch: async (input) => {
        inputs.push(input);
        return json(page([]));
      },
    });
    await client.getCourseDashboardUsers(1, { limit: 5 });
    expect(inputs[0]).toBeInstanceOf(Request);
    expect((inputs[0] as Request).headers.get("authorization")).toBe("Bearer t0k3n");
  });
});
