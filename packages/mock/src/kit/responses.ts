// The mock's answers as fetch Responses, with the API's error bodies (the spec's ErrorBody:
// `{"detail": ...}` or `{"errors": [...]}`, using the wording Django REST framework uses).
import type { FieldError } from "./params.js";

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

const challenge = { "www-authenticate": 'Bearer realm="api"' };

export const notAuthenticated = (): Response =>
  json(401, { detail: "Authentication credentials were not provided." }, challenge);

export const authenticationFailed = (message: string): Response =>
  json(401, { errors: [{ code: "authentication_failed", message }] }, challenge);

export const permissionDenied = (): Response =>
  json(403, { detail: "You do not have permission to perform this action." });

export const notFound = (): Response => json(404, { detail: "Not found." });

export const methodNotAllowed = (method: string): Response =>
  json(405, { detail: `Method "${method}" not allowed.` }, { allow: "GET, HEAD" });

export const invalidParameters = (errors: readonly FieldError[]): Response => json(400, { errors });

export const internalError = (error: unknown): Response =>
  json(500, {
    detail: `The mock failed: ${error instanceof Error ? error.message : String(error)}`,
  });

/**
 * 429 as Django REST framework throttles: its wording, and `Retry-After` with the same wait in
 * seconds (the spec declares the header on 429 and every 5xx).
 */
export const throttled = (retryAfter: number): Response =>
  json(
    429,
    {
      detail: `Request was throttled. Expected available in ${retryAfter} second${retryAfter === 1 ? "" : "s"}.`,
    },
    { "retry-after": String(retryAfter) },
  );

/** What a server or a gateway in front of it says, per status (DRF's wording where it has one). */
const SERVER_ERRORS: Readonly<Record<number, string>> = {
  500: "A server error occurred.",
  502: "Bad gateway.",
  503: "Service temporarily unavailable, try again later.",
  504: "Gateway timeout.",
};

/** A 5xx with the API's error body, and `Retry-After` when a wait is given. */
export const serverError = (status: number, retryAfter?: number): Response =>
  json(
    status,
    { detail: SERVER_ERRORS[status] ?? SERVER_ERRORS[500] },
    retryAfter === undefined ? {} : { "retry-after": String(retryAfter) },
  );
