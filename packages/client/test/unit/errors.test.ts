import { describe, expect, it } from "vitest";
import {
  ApiError,
  BadRequestError,
  createApiError,
  NetworkError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  UnauthorizedError,
  ValidationError,
} from "../../src/index.js";
import { json, observedClient } from "../helpers/observed-fetch.js";

const FIELD_ERRORS = {
  errors: [
    { field: "limit", messages: [{ code: "invalid", message: "A valid integer is required." }] },
    {
      field: "statuses",
      messages: [{ code: "invalid_choice", message: '"bogus" is not a valid choice.' }],
    },
  ],
};

async function failure(response: Response) {
  const { client } = observedClient(() => response, { maxRetries: 0 });
  return client.getCourseDashboardUsers(5).then(
    () => expect.unreachable("the call should fail"),
    (error: unknown) => error as ApiError,
  );
}

describe("typed errors", () => {
  it.each([
    [400, BadRequestError, "BadRequestError"],
    [401, UnauthorizedError, "UnauthorizedError"],
    [403, PermissionDeniedError, "PermissionDeniedError"],
    [404, NotFoundError, "NotFoundError"],
    [429, RateLimitError, "RateLimitError"],
    [500, ServerError, "ServerError"],
    [503, ServerError, "ServerError"],
    [599, ServerError, "ServerError"],
  ] as const)("maps %i to %o", async (status, Class, name) => {
    const error = await failure(
      json({ detail: "nope" }, status, { "x-request-id": "req-123", "retry-after": "999" }),
    );
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name,
      status,
      body: { detail: "nope" },
      requestId: "req-123",
      operationId: "getCourseDashboardUsers",
    });
    expect(error.headers?.get("x-request-id")).toBe("req-123");
    expect(error.message).toBe(
      `getCourseDashboardUsers failed with HTTP ${status}: nope (request id req-123)`,
    );
    expect(String(error)).toBe(`${name}: ${error.message}`);
  });

  it("maps a status without a class of its own to ApiError", async () => {
    const error = await failure(json({ detail: "Method not allowed." }, 405));
    expect(error.constructor).toBe(ApiError);
    expect(error).toMatchObject({ name: "ApiError", status: 405, requestId: undefined });
  });

  it("names the invalid parameters of a 400 from its FieldErrors", async () => {
    const error = await failure(json(FIELD_ERRORS, 400));
    expect(error).toBeInstanceOf(ValidationError);
    expect(ValidationError).toBe(BadRequestError);
    expect(error.body).toEqual(FIELD_ERRORS);
    expect(error.message).toBe(
      'getCourseDashboardUsers failed with HTTP 400: invalid parameter limit: A valid integer is required.; invalid parameter statuses: "bogus" is not a valid choice.',
    );
  });

  it("uses the messages of a general error list", async () => {
    const error = await failure(
      json({ errors: [{ code: "authentication_failed", message: "Invalid token." }] }, 401),
    );
    expect(error.message).toBe("getCourseDashboardUsers failed with HTTP 401: Invalid token.");
  });

  it.each([
    ["an empty body", new Response(null, { status: 502 }), undefined, "HTTP 502"],
    [
      "an empty body with content-length 0",
      new Response("", { status: 404, headers: { "content-length": "0" } }),
      undefined,
      "HTTP 404",
    ],
    [
      "an HTML page",
      new Response("<html><body>Bad gateway</body></html>", {
        status: 502,
        headers: { "content-type": "text/html" },
      }),
      "<html><body>Bad gateway</body></html>",
      "HTTP 502",
    ],
    [
      "plain text",
      new Response("upstream timed out", { status: 504 }),
      "upstream timed out",
      "HTTP 504: upstream timed out",
    ],
    [
      "truncated JSON",
      new Response('{"detail": "cut', { status: 500 }),
      '{"detail": "cut',
      'HTTP 500: {"detail": "cut',
    ],
    [
      "JSON of another shape",
      json({ message: "hi" }, 403),
      '{"message":"hi"}',
      'HTTP 403: {"message":"hi"}',
    ],
    ["JSON null", json(null, 403), "null", "HTTP 403: null"],
    [
      "a malformed error list",
      json({ errors: [1, { field: "x" }] }, 400),
      '{"errors":[1,{"field":"x"}]}',
      "HTTP 400: ",
    ],
  ])("copes with %s", async (_, response, body, message) => {
    const error = await failure(response);
    expect(error.body).toEqual(body);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain("<html>");
  });

  it("bounds the message of a 400 whose detail is 50 MB, and keeps the whole body", async () => {
    const detail = "d".repeat(50 * 1024 * 1024);
    const { client } = observedClient(() => json({ detail }, 400, { "x-request-id": "req-big" }), {
      maxRetries: 0,
      maxResponseSize: 64 * 1024 * 1024,
    });
    const error = (await client.getCourseDashboardUsers(1).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe(
      `getCourseDashboardUsers failed with HTTP 400: ${"d".repeat(500)}… (${detail.length} characters) (request id req-big)`,
    );
    expect((error.body as { detail: string }).detail).toHaveLength(detail.length);
  });

  it.each([
    [
      "a list of 100,000 field errors",
      {
        errors: Array.from({ length: 100_000 }, (_, i) => ({
          field: `f${i}`,
          messages: [{ code: "invalid", message: "Bad." }],
        })),
      },
    ],
    ["a 1 MB text body", "t".repeat(1024 * 1024)],
    ["JSON of another shape", { message: "m".repeat(1024 * 1024) }],
  ])("bounds the message of %s, and keeps the whole body", (_, parsed) => {
    const error = createApiError(
      new Response(null, { status: 422 }),
      parsed,
      "getEventInvitedUsers",
    );
    expect(error.message.length).toBeLessThan(600);
    expect(error.message).toMatch(/… \(\d+ characters\)$/);
    // An undocumented shape is kept as its JSON text.
    const kept = typeof parsed === "string" || "errors" in parsed ? parsed : JSON.stringify(parsed);
    expect(error.body).toEqual(kept);
  });

  it("bounds any message to 1,000 characters, its own too", () => {
    const error = new ServerError("s".repeat(10_000), 500);
    expect(error.message).toBe(`${"s".repeat(1_000)}… (10000 characters)`);
    expect(new ApiError("short", 500).message).toBe("short");
  });

  it("keeps openapi-fetch's { data, error, response } on raw calls", async () => {
    const { client } = observedClient(() => json({ detail: "Not found." }, 404));
    const result = await client.GET("/api/v2/course/{id}/users/", {
      params: { path: { id: "9" } },
    });
    expect(result.data).toBeUndefined();
    expect(result.error).toEqual({ detail: "Not found." });
    expect(result.response.status).toBe(404);
    // The same factory turns it into the typed error on demand.
    const error = createApiError(result.response, result.error, "getCourseDashboardUsers");
    expect(error).toBeInstanceOf(NotFoundError);
  });

  it("throws a NetworkError with the cause and the operation id when fetch fails", async () => {
    const cause = new TypeError("fetch failed");
    const { client } = observedClient(() => Promise.reject(cause), { maxRetries: 0 });
    const error = await client.getEventInvitedUsers(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      name: "NetworkError",
      status: undefined,
      operationId: "getEventInvitedUsers",
      message: "getEventInvitedUsers failed: TypeError: fetch failed",
    });
    expect((error as Error).cause).toBe(cause);
  });
});
