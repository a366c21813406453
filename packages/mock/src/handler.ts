// The request handler behind both the HTTP mock and the in-process kit: one function from a
// fetch Request to a fetch Response, so both give the same answers.
//
// Order of checks, as Django REST framework does it:
//   1. route: an unknown path, or an id that is not 1-18 digits, is 404 (the URL resolver runs
//      before any view code, so no token is needed to get it);
//   2. authentication: missing token 401 `{detail}`, unknown or malformed token 401 `{errors}`;
//   3. method: anything but GET/HEAD is 405;
//   4. object lookup: unknown course/event 404 (it runs before the permission check, which
//      needs the object);
//   5. permission: a role the operation does not accept is 403;
//   6. query parameters: 400 naming every invalid parameter;
//   7. 200 with the page.
import { createDataset } from "./dataset.js";
import {
  courseDashboardUsers,
  courseInvitedUsers,
  eventInvitedUsers,
  indexDataset,
} from "./lists.js";
import type { Dataset } from "./model.js";
import { paginate } from "./pagination.js";
import { parseDashboard, parsePaging } from "./params.js";
import {
  authenticationFailed,
  internalError,
  invalidParameters,
  json,
  methodNotAllowed,
  notAuthenticated,
  notFound,
  permissionDenied,
} from "./responses.js";
import { parseToken, type TokenGrant } from "./tokens.js";

/** A fetch-style request handler: `(request) => Promise<Response>`. */
export type RequestHandler = (request: Request) => Promise<Response>;

/** Options of {@link createMockHandler}. */
export interface MockHandlerOptions {
  /** Seed of the generated dataset; ignored when `dataset` is given. Default `1`. */
  seed?: number;
  /** A dataset to serve instead of generating one (e.g. from `createDataset`). */
  dataset?: Dataset;
}

type Operation = "courseInvitedUsers" | "eventInvitedUsers" | "courseDashboardUsers";
const ROUTE = /^\/api\/v2\/(course|event)\/([0-9]{1,18})\/(invite|users)\/$/;

function route(pathname: string): { operation: Operation; id: number } | undefined {
  const m = ROUTE.exec(pathname);
  if (!m) return undefined;
  // Leading zeros name the same resource ("007" is 7), as an integer path converter reads it.
  const id = Number(m[2]);
  if (m[1] === "course") {
    return { operation: m[3] === "invite" ? "courseInvitedUsers" : "courseDashboardUsers", id };
  }
  return m[3] === "invite" ? { operation: "eventInvitedUsers", id } : undefined;
}

type Authenticated = { grant: TokenGrant } | { response: Response };

function authenticate(header: string | null, ids: Parameters<typeof parseToken>[1]): Authenticated {
  const parts = (header ?? "").split(/\s+/u).filter((p) => p !== "");
  // The scheme is matched case-sensitively, as Prism does (`^Bearer\s.+$`); anything else is
  // "no credentials", as DRF treats a header for another scheme.
  if (parts[0] !== "Bearer") return { response: notAuthenticated() };
  if (parts.length === 1) {
    return { response: authenticationFailed("Invalid token header. No credentials provided.") };
  }
  if (parts.length > 2) {
    return {
      response: authenticationFailed(
        "Invalid token header. Token string should not contain spaces.",
      ),
    };
  }
  const grant = parseToken(parts[1] ?? "", ids);
  return grant ? { grant } : { response: authenticationFailed("Invalid token.") };
}

function allowed(grant: TokenGrant, operation: Operation, id: number): boolean {
  if (grant.id !== id) return false;
  if (operation === "eventInvitedUsers")
    return grant.resource === "event" && grant.role === "manager";
  return grant.resource === "course" && (grant.role === "creator" || grant.role === "manager");
}

/** Creates a handler serving the dataset of `options.seed` (or `options.dataset`). */
export function createMockHandler(options: MockHandlerOptions = {}): RequestHandler {
  const index = indexDataset(options.dataset ?? createDataset({ seed: options.seed ?? 1 }));

  const answer = (request: Request): Response => {
    const url = new URL(request.url);
    const target = route(url.pathname);
    if (!target) return notFound();
    const auth = authenticate(request.headers.get("authorization"), index.ids);
    if ("response" in auth) return auth.response;
    if (request.method !== "GET" && request.method !== "HEAD") {
      return methodNotAllowed(request.method);
    }
    const { operation, id } = target;
    const course = index.courses.get(id);
    const event = index.events.get(id);
    if (operation === "eventInvitedUsers" ? !event : !course) return notFound();
    if (!allowed(auth.grant, operation, id)) return permissionDenied();

    if (operation === "courseDashboardUsers" && course) {
      const params = parseDashboard(url.searchParams);
      if (!params.ok) return invalidParameters(params.errors);
      return json(
        200,
        paginate(courseDashboardUsers(index, course, params.value), params.value, url),
      );
    }
    const paging = parsePaging(url.searchParams);
    if (!paging.ok) return invalidParameters(paging.errors);
    const items =
      operation === "eventInvitedUsers" && event
        ? eventInvitedUsers(index, event)
        : course
          ? courseInvitedUsers(index, course)
          : [];
    return json(200, paginate(items, paging.value, url));
  };

  return async (request) => {
    let response: Response;
    try {
      response = answer(request);
    } catch (error) {
      response = internalError(error);
    }
    // HEAD: the same status and headers as GET, no body.
    return request.method === "HEAD"
      ? new Response(null, { status: response.status, headers: response.headers })
      : response;
  };
}
