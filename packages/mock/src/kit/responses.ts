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
