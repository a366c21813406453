// Public API of @community-api/client.

// The API's models, so that users need one import.
export type {
  CourseUserDashboard,
  CourseUserDashboardPage,
  DashboardOrdering,
  ErrorBody,
  InvitedUser,
  InvitedUserPage,
  JoinStatus,
  OperationId,
  paths,
  User,
} from "@community-api/types";
export {
  type CommunityClient,
  type CommunityClientOptions,
  type CommunityId,
  type CommunityPageIterators,
  type CommunityPaginators,
  type CourseDashboardUsersPaginationOptions,
  type CourseDashboardUsersParams,
  createCommunityClient,
  type InvitedUsersParams,
  type PaginationOptions,
  type RequestOptions,
} from "./client.js";
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
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from "./errors.js";
export { SPEC_SHA256, SPEC_VERSION } from "./generated/spec-fingerprint.js";
export type { Page } from "./pagination.js";
export type { TokenSource } from "./transport.js";
