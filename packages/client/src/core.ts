// createCommunityCoreClient: the openapi-fetch client typed by the spec, plus one named method
// per GET operation of the spec (generated table, src/generated/operations.ts), all sharing one
// transport (auth, timeout, retries). No pagination here: a build that never paginates leaves
// that code out (createCommunityClient adds it).
import type { OperationId, paths } from "@community-api/types";
import createClient, { type Client } from "openapi-fetch";
import { checkBaseUrl } from "./base-url.js";
import { readBody } from "./body.js";
import { createApiError, InvalidResponseError } from "./errors.js";
import { type NamedMethods, OPERATIONS } from "./generated/operations.js";
import type { GetOperationId, RequestOptions } from "./operation-types.js";
import type { Page } from "./pagination.js";
import { createTransport, type Deadline, PlainRequest, type TokenSource } from "./transport.js";
import { serializeQuery, toPathValue } from "./wire.js";

export type {
  CommunityId,
  GetOperationId,
  ItemOf,
  IteratorOptions,
  ListOperationId,
  NamedQuery,
  RequestOptions,
  ResponseOf,
} from "./operation-types.js";

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
  /**
   * The most bytes of a response body the client reads, counted after decompression (a small
   * gzip body that inflates to gigabytes stops here); a longer body fails the call with a
   * `ResponseTooLargeError` naming this limit. Covers success and error bodies, the iterators
   * and raw `client.GET`; `Infinity` disables it. Default: `16 * 1024 * 1024` (16 MiB): a user
   * is 1 to 2 kB of JSON, so a page of 1,000 users is about 2 MB; this leaves eight times that.
   */
  maxResponseSize?: number | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string> | undefined;
}

/**
 * The openapi-fetch client (`GET` returns `{ data, error, response }`) plus one named method per
 * GET operation, which throws typed errors. Paginate its list methods with {@link paginate} and
 * {@link paginatePages}.
 */
export interface CommunityCoreClient extends Client<paths>, NamedMethods {
  /**
   * The base URL every request goes to, as given, without a trailing slash (which openapi-fetch
   * drops): what `@community-api/query` puts in its keys, so two communities never share one.
   */
  readonly baseUrl: string;
}

/** Query of the invite lists (kept from 0.1; the same as `NamedQuery<"getCourseInvitedUsers">`). */
export type InvitedUsersParams = import("./operation-types.js").NamedQuery<"getCourseInvitedUsers">;
/** Query of the course dashboard users list (kept from 0.1; the same as `NamedQuery<"getCourseDashboardUsers">`). */
export type CourseDashboardUsersParams =
  import("./operation-types.js").NamedQuery<"getCourseDashboardUsers">;

// openapi-fetch types GET per path; the named methods are built from the operation table by one
// implementation, which calls it through this loose signature.
type RawGet = (
  path: string,
  init: object,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
type LooseMethod = (...args: never[]) => Promise<unknown>;

/**
 * A success response's text as JSON (a page, for a list operation), or an
 * {@link InvalidResponseError} naming what arrived.
 */
function parseBody(
  text: string,
  response: Response,
  operationId: OperationId,
  list: boolean,
): unknown {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {}
  const ok = list
    ? typeof body === "object" && body !== null && Array.isArray((body as Page<unknown>).results)
    : body !== undefined;
  if (ok) return body;
  const what = !text
    ? "an empty body"
    : body === undefined
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
  const baseUrl = checkBaseUrl(options.baseUrl);
  const client = createClient<paths>({
    baseUrl,
    ...(options.headers && { headers: options.headers }),
    querySerializer: serializeQuery,
    // A copy: later changes to the caller's options object do not reach a live client.
    fetch: createTransport({ ...options }),
  });
  const GET = client.GET as RawGet;
  // Once middleware is added with client.use(), the named methods let openapi-fetch build a
  // real Request, which middleware may read and replace; until then a PlainRequest, which
  // saves a Request per call (see PlainRequest).
  let plain: typeof PlainRequest | undefined = PlainRequest;
  const { use } = client;
  client.use = (...middleware) => {
    plain = undefined;
    use(...middleware);
  };
  const named = {} as Record<GetOperationId, LooseMethod>;

  for (const operationId of Object.keys(OPERATIONS) as GetOperationId[]) {
    const { path, pathParameters, iterator } = OPERATIONS[operationId];
    const count = pathParameters.length;
    const get = async (...args: unknown[]) => {
      const pathValues: Record<string, string> = {};
      for (let i = 0; i < count; i++) {
        const [name, pattern] = pathParameters[i]!;
        pathValues[name] = toPathValue(args[i], name, pattern);
      }
      const query = args[count] as object | undefined;
      const init = args[count + 1] as RequestOptions | undefined;
      const params = { path: pathValues, query };
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
            Request: plain,
            // Copied onto the Request by openapi-fetch, for the transport's error messages.
            operationId: operationId satisfies OperationId,
          }));
          if (response.ok) text = await readBody(response, deadline.maxResponseSize, operationId);
        } catch (cause) {
          // Before a response arrived the transport has thrown a typed error (or the caller's
          // abort reason): pass it on. After, reading a body failed (openapi-fetch reads an
          // error response's body itself, hence no `response` then).
          if (!deadline.fail || init?.signal?.aborted) throw cause;
          throw deadline.fail(cause, response?.headers);
        }
        if (!response.ok) throw createApiError(response, error, operationId);
        return parseBody(text, response, operationId, iterator !== null);
      } finally {
        deadline.release?.();
      }
    };
    named[operationId] = get;
  }
  // Read-only: changing it would not move the requests, which openapi-fetch has bound already.
  Object.defineProperty(client, "baseUrl", {
    value: baseUrl,
    enumerable: true,
  });
  return Object.assign(client, named) as CommunityCoreClient;
}
