// Typed errors: one class per status the API documents, and ONE factory that maps a response to
// its class. Each class only narrows `status` (and `name`, which survives minification).
import type { ErrorBody, OperationId } from "@community-api/types";

/** What an {@link ApiError} carries besides its message and status. */
export interface ApiErrorOptions {
  /** The error body: an `ErrorBody` when it is JSON of a documented shape, else the raw text. Default: `undefined` (empty body or no response). */
  body?: ErrorBody | string | undefined;
  /** The response headers. Default: `undefined` (no response arrived). */
  headers?: Headers | undefined;
  /** The operationId of the call. Default: `undefined` (a raw `client.GET` call). */
  operationId?: OperationId | undefined;
  /** The underlying failure (for network errors and timeouts). Default: none. */
  cause?: unknown;
}

/** Longest message of an {@link ApiError}, in characters, before the clip marker. */
const MAX_MESSAGE = 1_000;

/**
 * `text` cut to `max` characters, then an ellipsis and the full length, so that a reader sees
 * both the start and how much is missing.
 */
export const clip = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;

/**
 * Base class of every error the client throws for a failed call. `status` is the HTTP status,
 * or `undefined` when no response arrived ({@link NetworkError}, {@link TimeoutError}).
 * Never holds the request or its headers, so the bearer token cannot leak through it.
 */
export class ApiError<S extends number | undefined = number | undefined> extends Error {
  override name = "ApiError";
  /** The HTTP status (a literal type on each subclass), `undefined` without a response. */
  declare readonly status: S;
  /** The parsed error body (see {@link ApiErrorOptions.body}). */
  declare readonly body: ErrorBody | string | undefined;
  /** The response headers, `undefined` without a response. */
  declare readonly headers: Headers | undefined;
  /** The `x-request-id` response header, for support requests. */
  declare readonly requestId: string | undefined;
  /** The operationId of the failed call. */
  declare readonly operationId: OperationId | undefined;

  /**
   * Plain `instanceof` on a generic class narrows to `ApiError<any>`; this makes
   * `error instanceof ApiError` narrow to `ApiError<number | undefined>` and
   * `error instanceof NotFoundError` to `NotFoundError`. Only a type: at run time instanceof is
   * the standard check.
   */
  declare static [Symbol.hasInstance]: <T>(
    this: abstract new (
      ...args: never
    ) => T,
    value: unknown,
  ) => value is T;

  constructor(message: string, status: S, options: ApiErrorOptions = {}) {
    // Passing `options` as is: Error installs `cause` only when the key is present. Parts of a
    // message come from the server (a `detail`, a `next` link): however long they are, the
    // message stays printable; the whole body stays on `body`.
    super(clip(message, MAX_MESSAGE), options);
    const { body, headers, operationId } = options;
    Object.assign(this, {
      status,
      body,
      headers,
      requestId: headers?.get("x-request-id") ?? undefined,
      operationId,
    });
  }
}

/** 400: a parameter is invalid; the message names it (from the body's `FieldError`s). */
export class BadRequestError extends ApiError<400> {
  override name = "BadRequestError" as const;
}
/** The invalid-parameter error: this API answers 400 for it, so this is {@link BadRequestError}. */
export const ValidationError = BadRequestError;
/** The invalid-parameter error: an alias of {@link BadRequestError}. */
export type ValidationError = BadRequestError;
/** 401: the token is missing, expired or invalid. */
export class UnauthorizedError extends ApiError<401> {
  override name = "UnauthorizedError" as const;
}
/** 403: the token's user lacks the role the operation requires. */
export class PermissionDeniedError extends ApiError<403> {
  override name = "PermissionDeniedError" as const;
}
/** 404: no course or event has this id. */
export class NotFoundError extends ApiError<404> {
  override name = "NotFoundError" as const;
}
/** 429: rate limited; the `Retry-After` header (in `headers`) says when to retry. */
export class RateLimitError extends ApiError<429> {
  override name = "RateLimitError" as const;
}
/** 5xx: the server failed. */
export class ServerError extends ApiError<number> {
  override name = "ServerError" as const;
}
/**
 * The server answered with a success status but not with the page the spec promises: an empty
 * body, HTML, truncated or otherwise invalid JSON (`body` holds the start of what arrived), or,
 * while paginating, a `next` link that cannot be followed: not a URL, an offset that is not an
 * integer or does not advance, a limit out of range (`body` is the link).
 */
export class InvalidResponseError extends ApiError<number> {
  override name = "InvalidResponseError" as const;
}
/**
 * A response body larger than `maxResponseSize` bytes, counted as decoded (after gzip or
 * deflate): the read stopped there and the connection was released. `status` is the response's
 * (a success or an error status), `body` is `undefined`. Not retried: the same request would
 * fetch the same body.
 */
export class ResponseTooLargeError extends ApiError<number> {
  override name = "ResponseTooLargeError" as const;
}
/** No response, or it broke off: the connection failed (DNS, refused, reset). The cause is in `cause`. */
export class NetworkError extends ApiError<undefined> {
  override name = "NetworkError" as const;
}
/** No response within the configured `timeout` (a caller's abort rethrows its own reason instead). */
export class TimeoutError extends ApiError<undefined> {
  override name = "TimeoutError" as const;
}

const CLASSES: Record<number, typeof ApiError<number>> = {
  400: BadRequestError,
  401: UnauthorizedError,
  403: PermissionDeniedError,
  404: NotFoundError,
  429: RateLimitError,
};

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === "object" && value !== null;
/** An ErrorItem, or a FieldError whose messages are ErrorItems. */
const isItem = (item: unknown): boolean =>
  isObject(item) &&
  (typeof item.message === "string" ||
    (typeof item.field === "string" &&
      Array.isArray(item.messages) &&
      item.messages.every(isItem)));

/** Keeps a parsed body as `ErrorBody` only if it has one of the documented shapes. */
function toErrorBody(parsed: unknown): ErrorBody | string | undefined {
  // openapi-fetch hands over an empty body as "" (or undefined with content-length 0).
  if (parsed === "") return undefined;
  if (parsed === undefined || typeof parsed === "string") return parsed;
  return isObject(parsed) &&
    (typeof parsed.detail === "string" ||
      (Array.isArray(parsed.errors) && parsed.errors.every(isItem)))
    ? (parsed as ErrorBody)
    : // Valid JSON of an undocumented shape: keep it readable, typed as text.
      JSON.stringify(parsed);
}

/** The human part of a message: the `detail`, each error, and which parameter is invalid. */
function reason(body: ErrorBody | string | undefined): string {
  if (typeof body === "string") {
    // An HTML page (a proxy's error page) says nothing useful in one line.
    return body[0] === "<" ? "" : body;
  }
  if (!body) return "";
  if ("detail" in body) return body.detail;
  return body.errors
    .map((e) =>
      "field" in e
        ? `invalid parameter ${e.field}: ${e.messages.map((m) => m.message).join(" ")}`
        : e.message,
    )
    .join("; ");
}

/**
 * `cause` as one line, with its innermost cause: fetch rejects with a bare "fetch failed" and
 * keeps what happened (e.g. "connect ECONNREFUSED 127.0.0.1:4010") in `cause.cause`.
 */
export function describeCause(cause: unknown): string {
  let inner = cause;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  return inner === cause ? String(cause) : `${cause} (${(inner as Error).message})`;
}

/**
 * Builds the typed error for an HTTP error response: the ONE place that maps a status to its
 * class. `parsed` is what openapi-fetch returns as `error` (JSON, else text, else undefined).
 */
export function createApiError(
  response: Response,
  parsed: unknown,
  operationId?: OperationId,
): ApiError<number> {
  const { status, headers } = response;
  const body = toErrorBody(parsed);
  // Clipped before the request id is appended, so that a long detail cannot push it out.
  const detail = clip(reason(body), 500);
  const requestId = headers.get("x-request-id");
  const Class = status >= 500 ? ServerError : (CLASSES[status] ?? ApiError);
  return new Class(
    `${operationId ?? "request"} failed with HTTP ${status}${detail ? `: ${detail}` : ""}${requestId ? ` (request id ${requestId})` : ""}`,
    status,
    { body, headers, operationId },
  );
}
