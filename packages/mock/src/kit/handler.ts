// The request handler behind both the HTTP mock and the in-process kit: one function from a
// fetch Request to a fetch Response, so both give the same answers.
//
// Routes, roles and query parameters come from the spec's operation facts (generated table);
// the lists themselves are LISTS, one implementation per list operation.
//
// Order of checks, as Django REST framework does it:
//   1. route: an unknown path, or a path parameter that does not match its pattern, is 404 (the
//      URL resolver runs before any view code, so no token is needed to get it);
//   2. authentication: missing token 401 `{detail}`, unknown or malformed token 401 `{errors}`;
//   3. method: anything but GET/HEAD is 405;
//   4. object lookup: an unknown course/event is 404 (it runs before the permission check,
//      which needs the object);
//   5. permission: a role the operation's `x-required-roles` does not accept is 403;
//   6. query parameters: 400 naming every invalid parameter;
//   7. 200 with the page.
import { createDataset } from "./dataset.js";
import { OPERATIONS } from "./generated/operations.js";
import {
  type DatasetIndex,
  indexDataset,
  LISTS,
  type ListImplementation,
  type ListOperationId,
} from "./lists.js";
import type { Dataset } from "./model.js";
import { paginate } from "./pagination.js";
import { parseQuery } from "./params.js";
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
import { pause, type Scenario, ScenarioBook, stagedAnswer } from "./scenarios.js";
import { parseToken, type TokenGrant } from "./tokens.js";

/** A fetch-style request handler: `(request) => Promise<Response>`. */
export type RequestHandler = (request: Request) => Promise<Response>;

/**
 * Judges one answer against the API's contract and returns what to send: the answer itself, or
 * an error answer naming the breach. `createContractCheck()` from `@community-api/mock/contract`
 * makes one from the bundled spec (kept out of the kit so that the kit needs no validator).
 */
export type ContractCheck = (request: Request, response: Response) => Promise<Response>;

/** Options of {@link createMockHandler}. */
export interface MockHandlerOptions {
  /** Seed of the generated dataset; ignored when `dataset` is given. Default `1`. */
  seed?: number;
  /** A dataset to serve instead of generating one (e.g. from `createDataset`). */
  dataset?: Dataset;
  /**
   * Receives a line for each request the API would silently misread, e.g. `statuses[]=…` (also
   * sent back in the {@link WARNING_HEADER} response header). Default: none.
   */
  onWarning?: (message: string) => void;
  /**
   * Checks every answer against the spec, e.g. `createContractCheck()` from
   * `@community-api/mock/contract`, which turns a breach into a `500` naming the violations.
   * Default: none (answers are not checked).
   */
  contract?: ContractCheck;
  /**
   * Answers to stage, e.g. `[{ operationId: "getCourseDashboardUsers", status: 503, times: 2 }]`:
   * each matching request gets the scenario's answer (after its `delayMs`) until its `times` are
   * used up, then the normal answer. Checked on creation (a `TypeError` names a problem).
   * Default: none.
   */
  scenarios?: readonly Scenario[];
}

/** The response header that names a request form the API silently misreads. */
export const WARNING_HEADER = "community-api-mock-warning";

/**
 * What the API would silently misread in this request: a JSON-array parameter sent with
 * brackets (`statuses[]=a&statuses[]=b`, as axios serializes arrays) is a name the API does not
 * know, so it ignores it and applies the default filter. The mock does the same, and says so.
 */
function misread(operationId: ListOperationId, query: URLSearchParams): string | undefined {
  for (const facts of OPERATIONS[operationId].query) {
    if (!("jsonArray" in facts) || !query.has(`${facts.name}[]`)) continue;
    const [first = "", second = ""] = facts.jsonArray.enum;
    return `${facts.name}[] is not a parameter of this API: it ignores it and applies the default ${facts.name}. Send ONE ${facts.name} parameter: one value (${facts.name}=${first}) or a JSON array (${facts.name}=${JSON.stringify([first, second])}).`;
  }
  return undefined;
}

/** A path template as a pattern: literal parts escaped, each `{name}` its parameter's pattern. */
function routePattern(
  path: string,
  parameters: readonly { readonly name: string; readonly pattern: string | null }[],
): RegExp {
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const parameter = parameters.find((p) => `{${p.name}}` === part);
      if (!parameter) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      // The parameter's own pattern, unanchored; without one, any one non-empty segment.
      return `(${parameter.pattern?.replace(/^\^/, "").replace(/\$$/, "") ?? "[^/]+"})`;
    })
    .join("");
  return new RegExp(`^${source}$`);
}

const ROUTES = (Object.keys(OPERATIONS) as ListOperationId[]).map((operationId) => {
  const { path, pathParameters } = OPERATIONS[operationId];
  return { operationId, pattern: routePattern(path, pathParameters) };
});

/** The list operation a path names, with its id; `undefined` when it names none. */
export function route(pathname: string): { operationId: ListOperationId; id: number } | undefined {
  for (const { operationId, pattern } of ROUTES) {
    const m = pattern.exec(pathname);
    // Leading zeros name the same resource ("007" is 7), as an integer path converter reads it.
    if (m) return { operationId, id: Number(m[1]) };
  }
  return undefined;
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

/** Whether the token's grant meets the operation's `x-required-roles` on this resource. */
function allowed(grant: TokenGrant, operationId: ListOperationId, id: number): boolean {
  const { resource, roles } = OPERATIONS[operationId].roles;
  return (
    grant.resource === resource &&
    grant.id === id &&
    (roles as readonly string[]).includes(grant.role)
  );
}

/** The page of one list operation for a found resource and a query. */
function listPage<Op extends ListOperationId>(
  index: DatasetIndex,
  operationId: Op,
  resource: unknown,
  url: URL,
): Response {
  const query = parseQuery(operationId, url.searchParams);
  if (!query.ok) return invalidParameters(query.errors);
  const list = LISTS[operationId] as ListImplementation<Op>;
  const items = list(index, resource as Parameters<ListImplementation<Op>>[1], query.value);
  return json(200, paginate(items, query.value, url));
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
    const { operationId, id } = target;
    const records: ReadonlyMap<number, unknown> =
      index.resources[OPERATIONS[operationId].roles.resource];
    const resource = records.get(id);
    if (resource === undefined) return notFound();
    if (!allowed(auth.grant, operationId, id)) return permissionDenied();
    const response = listPage(index, operationId, resource, url);
    const warning = misread(operationId, url.searchParams);
    if (warning) {
      options.onWarning?.(`${request.method} ${url.pathname}${url.search}: ${warning}`);
      response.headers.set(WARNING_HEADER, warning);
    }
    return response;
  };

  const book = options.scenarios?.length ? new ScenarioBook(options.scenarios) : undefined;

  return async (request) => {
    const target = book && route(new URL(request.url).pathname);
    const staged = target && book?.take(target.operationId, target.id);
    if (staged) await pause(staged.delayMs, request.signal);
    let response: Response;
    try {
      response =
        (staged && stagedAnswer(staged.operationId, staged.status, staged.retryAfter)) ??
        answer(request);
    } catch (error) {
      response = internalError(error);
    }
    if (options.contract) response = await options.contract(request, response);
    // HEAD: the same status and headers as GET, no body.
    return request.method === "HEAD"
      ? new Response(null, { status: response.status, headers: response.headers })
      : response;
  };
}
