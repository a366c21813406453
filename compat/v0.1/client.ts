// Every public export, option, method, iterator and error class of @community-api/client 0.1.
// Plain annotations (not `Required<>`): a renamed or removed name fails, an added optional one
// does not.
import {
  ApiError,
  type ApiErrorOptions,
  BadRequestError,
  type CommunityClient,
  type CommunityClientOptions,
  type CommunityId,
  type CommunityPageIterators,
  type CommunityPaginators,
  type CourseDashboardUsersPaginationOptions,
  type CourseDashboardUsersParams,
  type CourseUserDashboard,
  type CourseUserDashboardPage,
  createApiError,
  createCommunityClient,
  type DashboardOrdering,
  type ErrorBody,
  InvalidResponseError,
  type InvitedUser,
  type InvitedUserPage,
  type InvitedUsersParams,
  type JoinStatus,
  NetworkError,
  NotFoundError,
  type OperationId,
  type Page,
  type PaginationOptions,
  PermissionDeniedError,
  type paths,
  RateLimitError,
  type RequestOptions,
  ServerError,
  SPEC_SHA256,
  SPEC_VERSION,
  TimeoutError,
  type TokenSource,
  UnauthorizedError,
  type User,
  ValidationError,
} from "@community-api/client";

export const spec: { version: string; sha256: string } = {
  version: SPEC_VERSION,
  sha256: SPEC_SHA256,
};

export const tokens: TokenSource[] = ["course-1-manager", () => "t", async () => "t"];
export const options: CommunityClientOptions = {
  baseUrl: "https://community.example.com",
  token: async () => "course-1-manager",
  fetch: globalThis.fetch,
  maxRetries: 2,
  timeout: 30_000,
  headers: { "x-app": "compat" },
};
export const client: CommunityClient = createCommunityClient(options);
export const minimal: CommunityClient = createCommunityClient({ baseUrl: "http://127.0.0.1:4010" });

export const ids: CommunityId[] = [1, "1"];
export const init: RequestOptions = {
  signal: new AbortController().signal,
  headers: { Prefer: "code=404" },
  maxRetries: 0,
  timeout: 5_000,
};
export const inviteQuery: InvitedUsersParams = { limit: 20, offset: 0 };
const ordering: DashboardOrdering = "-last_active_at";
const statuses: JoinStatus[] = ["joined", "manager"];
export const dashboardQueries: CourseDashboardUsersParams[] = [
  { limit: 20, offset: 0, search: "anna", statuses, ordering },
  { statuses: "creator", ordering: "joined_at" },
];
export const pagination: PaginationOptions = {
  pageSize: 50,
  offset: 0,
  maxPages: 2,
  signal: new AbortController().signal,
  headers: {},
  maxRetries: 1,
  timeout: 10_000,
};
export const dashboardPagination: CourseDashboardUsersPaginationOptions = {
  ...pagination,
  search: "anna",
  statuses: "joined",
  ordering: "joined_at",
};

export async function namedMethods(c: CommunityClient): Promise<void> {
  const dashboard: CourseUserDashboardPage = await c.getCourseDashboardUsers(
    1,
    { limit: 20, statuses: ["joined", "manager"], ordering: "-joined_at", search: "anna" },
    init,
  );
  const courseInvites: InvitedUserPage = await c.getCourseInvitedUsers("1", inviteQuery, init);
  const eventInvites: InvitedUserPage = await c.getEventInvitedUsers(1);
  const counts: number[] = [dashboard.count, courseInvites.count, eventInvites.count];
  const next: (string | null)[] = [dashboard.next, dashboard.previous];
  const member: CourseUserDashboard | undefined = dashboard.results[0];
  console.log(counts, next, member?.user_completion_rate, member?.join_status);
}

export async function iterators(c: CommunityClient): Promise<void> {
  const paginate: CommunityPaginators = c.paginate;
  const pages: CommunityPageIterators = c.pages;
  for await (const user of paginate.courseDashboardUsers(1, dashboardPagination)) {
    const u: CourseUserDashboard = user;
    console.log(u.username);
  }
  for await (const user of paginate.courseInvitedUsers(1, pagination)) {
    const u: InvitedUser = user;
    console.log(u.username);
  }
  for await (const user of paginate.eventInvitedUsers("1")) {
    const u: InvitedUser = user;
    console.log(u.username);
  }
  for await (const page of pages.courseDashboardUsers(1, { statuses: ["manager"] })) {
    const p: Page<CourseUserDashboard> = page;
    console.log(p.count, p.results.length);
  }
  for await (const page of pages.courseInvitedUsers(1, pagination)) {
    const p: InvitedUserPage = page;
    console.log(p.count);
  }
  for await (const page of pages.eventInvitedUsers(1, { pageSize: 100 })) {
    const p: Page<InvitedUser> = page;
    console.log(p.next);
  }
}

export async function raw(c: CommunityClient): Promise<void> {
  const { data, error, response } = await c.GET("/api/v2/course/{id}/users/", {
    params: { path: { id: "1" }, query: { limit: 5, statuses: "creator" } },
  });
  if (!response.ok) throw createApiError(response, error, "getCourseDashboardUsers");
  const page: CourseUserDashboardPage | undefined = data;
  const anyError: ApiError<number> = createApiError(response, error);
  console.log(page?.count, anyError.status);
}

/** Each class keeps its literal status and the fields every error carries. */
export function explain(error: unknown): number | undefined {
  if (error instanceof BadRequestError) return error.status satisfies 400;
  if (error instanceof ValidationError) return error.status satisfies 400;
  if (error instanceof UnauthorizedError) return error.status satisfies 401;
  if (error instanceof PermissionDeniedError) return error.status satisfies 403;
  if (error instanceof NotFoundError) return error.status satisfies 404;
  if (error instanceof RateLimitError) {
    console.log(error.headers?.get("retry-after"));
    return error.status satisfies 429;
  }
  if (error instanceof ServerError) return error.status satisfies number;
  if (error instanceof InvalidResponseError) return error.status satisfies number;
  if (error instanceof NetworkError) return error.status satisfies undefined;
  if (error instanceof TimeoutError) return error.status satisfies undefined;
  if (error instanceof ApiError) {
    const body: ErrorBody | string | undefined = error.body;
    const headers: Headers | undefined = error.headers;
    const requestId: string | undefined = error.requestId;
    const operationId: OperationId | undefined = error.operationId;
    console.log(error.name, error.message, body, headers, requestId, operationId);
    return error.status;
  }
  return undefined;
}

export const errorOptions: ApiErrorOptions = {
  body: { detail: "Not found." },
  headers: new Headers({ "x-request-id": "r-1" }),
  operationId: "getCourseInvitedUsers",
  cause: new Error("cause"),
};
export const constructed: ApiError[] = [
  new ApiError("x", 418, errorOptions),
  new BadRequestError("x", 400),
  new NotFoundError("x", 404, errorOptions),
  new TimeoutError("x", undefined),
];

// The spec's models, re-exported so that one import is enough.
export type Reexported = [User, JoinStatus, paths["/api/v2/event/{id}/invite/"]];
