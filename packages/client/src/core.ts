// createCommunityCoreClient: the openapi-fetch client typed by the spec, plus one named method
// per operation, all sharing one transport (auth, timeout, retries). No pagination here: a
// build that never paginates leaves that code out (createCommunityClient adds it).
import type {
  CourseUserDashboardPage,
  DashboardOrdering,
  InvitedUserPage,
  JoinStatus,
  OperationId,
  paths,
} from "@community-api/types";
import createClient, { type Client } from "openapi-fetch";
import { createApiError, InvalidResponseError } from "./errors.js";
import type { Page } from "./pagination.js";
import { createTransport, type Deadline, type TokenSource } from "./transport.js";
import { serializeQuery, toPathId } from "./wire.js";

/** Options of {@link createCommunityClient} and {@link createCommunityCoreClient}. */
export interface CommunityClientOptions {
  /** Your community's base URL, e.g. `https://community.example.com`. Required: every community has its own host. */
  baseUrl: string;
  /**
   * Sent as `Authorization: Bearer <token>`: a string, or a function (sync or async) called
   * before every attempt, so a refreshed token is picked up. An empty value sends no header.
   * Default: none (the API answers 401).
   */
  token?: TokenSource | undefined;
  /** The fetch implementation; it must honour `init.signal`. Default: `globalThis.fetch`, looked up per request. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Retries of a GET after a network error, a timeout, 408, 429 or 5xx. Default: `2`. */
  maxRetries?: number | undefined;
  /**
   * Time limit in ms of each attempt, from sending until the body is read (a raw `client.GET`:
   * until the response headers arrive); `0` or `Infinity` disables it. A body that stalls is
   * not retried: the response had begun. Default: `30_000`.
   */
  timeout?: number | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string> | undefined;
}

/** Per-call options of the named methods. */
export interface RequestOptions {
  /** Aborts the call, including a retry wait; the call then rejects with the signal's reason. Default: none. */
  signal?: AbortSignal | undefined;
  /** Headers for this call only, e.g. `{ "Accept-Language": "it" }`; an `Authorization` header is replaced by the client's token when it has one. Default: none. */
  headers?: Record<string, string> | undefined;
  /** Overrides the client's `maxRetries` for this call. Default: the client's (`2`). */
  maxRetries?: number | undefined;
  /** Overrides the client's `timeout` (ms) for this call. Default: the client's (`30_000`). */
  timeout?: number | undefined;
}

/** A course or event id: a non-negative integer, or a string of digits. Anything else is rejected before sending. */
export type CommunityId = number | string;

/** Query of the invite lists. */
export interface InvitedUsersParams {
  /** Page size. Default: the server's. */
  limit?: number | undefined;
  /** Index of the first result. Default: none sent (the list starts at its first result). */
  offset?: number | undefined;
}

/** Query of the course dashboard users list. */
export interface CourseDashboardUsersParams extends InvitedUsersParams {
  /** A search term, looked up in username and real name. Default: none. */
  search?: string | undefined;
  /** One status (sent bare) or several (sent as one JSON array). Default: the server's, `["manager","joined"]`. */
  statuses?: JoinStatus | readonly JoinStatus[] | undefined;
  /** Sort order; a leading `-` sorts descending. Default: the server's, `-joined_at`. */
  ordering?: DashboardOrdering | undefined;
}

/**
 * The openapi-fetch client (`GET` returns `{ data, error, response }`) plus named methods that
 * throw typed errors. Paginate its named methods with {@link paginate} and {@link paginatePages}.
 */
export interface CommunityCoreClient extends Client<paths> {
  /** Pending invitations to a course (GET /api/v2/course/{id}/invite/). */
  getCourseInvitedUsers(
    id: CommunityId,
    query?: InvitedUsersParams,
    init?: RequestOptions,
  ): Promise<InvitedUserPage>;
  /** Pending invitations to an event (GET /api/v2/event/{id}/invite/). */
  getEventInvitedUsers(
    id: CommunityId,
    query?: InvitedUsersParams,
    init?: RequestOptions,
  ): Promise<InvitedUserPage>;
  /** Members of a course with their progress (GET /api/v2/course/{id}/users/). */
  getCourseDashboardUsers(
    id: CommunityId,
    query?: CourseDashboardUsersParams,
    init?: RequestOptions,
  ): Promise<CourseUserDashboardPage>;
}

/** operationId and path of each list operation. */
const OPERATIONS = [
  ["getCourseInvitedUsers", "/api/v2/course/{id}/invite/"],
  ["getEventInvitedUsers", "/api/v2/event/{id}/invite/"],
  ["getCourseDashboardUsers", "/api/v2/course/{id}/users/"],
] as const;

// The operations differ only in their types, which CommunityClient declares; the loop below
// builds them from one implementation, seen through these loose signatures.
type RawGet = (
  path: string,
  init: object,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
type Get = (id: CommunityId, query?: object, init?: RequestOptions) => Promise<Page<unknown>>;

/** A success response's text as a page, or an {@link InvalidResponseError} naming what arrived. */
function parsePage(text: string, response: Response, operationId: OperationId): Page<unknown> {
  let page: unknown;
  try {
    page = text ? JSON.parse(text) : undefined;
  } catch {}
  if (typeof page === "object" && page !== null && Array.isArray((page as Page<unknown>).results)) {
    return page as Page<unknown>;
  }
  const what = !text
    ? "an empty body"
    : page === undefined
      ? "a body that is not JSON"
      : "JSON that is not a page";
  throw new InvalidResponseError(
    `${operationId} returned HTTP ${response.status} with ${what}`,
    response.status,
    {
      body: text ? text.slice(0, 500) : undefined,
      headers: response.headers,
      operationId,
    },
  );
}

/**
 * Creates a client for one community without the `paginate`/`pages` iterator properties: the
 * smallest build, for apps that make plain calls or paginate with {@link paginate}. See
 * {@link CommunityClientOptions} for the defaults.
 */
export function createCommunityCoreClient(options: CommunityClientOptions): CommunityCoreClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.headers && { headers: options.headers }),
    querySerializer: serializeQuery,
    // A copy: later changes to the caller's options object do not reach a live client.
    fetch: createTransport({ ...options }),
  });
  const GET = client.GET as unknown as RawGet;
  const named: Record<string, Get> = {};

  for (const [operationId, path] of OPERATIONS) {
    const get: Get = async (id, query, init) => {
      const params = { path: { id: toPathId(id) }, query };
      const deadline: Deadline = {};
      let response: Response | undefined;
      try {
        let text = "";
        let error: unknown;
        try {
          ({ error, response } = await GET(path, {
            ...init,
            params,
            // The success body is read here, under the attempt's timeout, so that a body that
            // stalls or breaks off becomes a typed error.
            parseAs: "stream",
            deadline,
            // Copied onto the Request by openapi-fetch, for the transport's error messages.
            operationId: operationId satisfies OperationId,
          }));
          if (response.ok) text = await response.text();
        } catch (cause) {
          // Before a response arrived the transport has thrown a typed error (or the caller's
          // abort reason): pass it on. After, reading a body failed (openapi-fetch reads an
          // error response's body itself, hence no `response` then).
          if (!deadline.fail || init?.signal?.aborted) throw cause;
          throw deadline.fail(cause, response?.headers);
        }
        if (!response.ok) throw createApiError(response, error, operationId);
        return parsePage(text, response, operationId);
      } finally {
        deadline.release?.();
      }
    };
    named[operationId] = get;
  }
  return Object.assign(client, named) as unknown as CommunityCoreClient;
}
