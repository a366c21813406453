// Public API of @community-api/client.

// The API's models, so that users need one import.
export type {
  CourseInvitedUser,
  CourseInvitedUserPage,
  CourseUserDashboard,
  CourseUserDashboardPage,
  DashboardOrdering,
  ErrorBody,
  EventInvitedUser,
  EventInvitedUserPage,
  InvitedUser,
  InvitedUserPage,
  JoinStatus,
  OperationId,
  paths,
  User,
} from "@community-api/types";
export { MAX_RESPONSE_SIZE } from "./body.js";
export {
  type CommunityClient,
  type CommunityPageIterators,
  type CommunityPaginators,
  type CourseDashboardUsersPaginationOptions,
  createCommunityClient,
  type ItemIterators,
  type PageIterators,
} from "./client.js";
export {
  type CommunityClientOptions,
  type CommunityCoreClient,
  type CommunityId,
  type CourseDashboardUsersParams,
  createCommunityCoreClient,
  type GetOperationId,
  type InvitedUsersParams,
  type ItemOf,
  type IteratorOptions,
  type ListOperationId,
  type NamedQuery,
  type RequestOptions,
  type ResponseOf,
} from "./core.js";
export {
  ApiError,
  type ApiErrorOptions,
  BadRequestError,
  createApiError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from "./errors.js";
export type { NamedMethods } from "./generated/operations.js";
export { SPEC_SHA256, SPEC_VERSION } from "./generated/spec-fingerprint.js";
export {
  type ListMethod,
  type Page,
  type PaginateOptions,
  type PaginationOptions,
  paginate,
  paginatePages,
} from "./pagination.js";
// The retry policy, for code that retries calls itself (e.g. @community-api/query).
export { DEFAULT_MAX_RETRIES, isRetryableStatus, retryDelay } from "./retry.js";
export { DEFAULT_TIMEOUT, type TokenSource } from "./transport.js";
