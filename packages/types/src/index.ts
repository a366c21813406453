// Friendly names for the generated types. The generated file is the source of these shapes;
// this file only names them.
import type { components, operations } from "./generated/openapi.js";

export type { $defs, components, operations, paths, webhooks } from "./generated/openapi.js";

type Schemas = components["schemas"];

/** A community member (the full object; custom fields allowed). */
export type User = Schemas["User"];
/** An item of the course invite list: only `id`, `username`, `real_name`, `ext_id`, `avatar`. */
export type CourseInvitedUser = Schemas["CourseInvitedUser"];
/** An item of the event invite list: a full `User` with `id`, `username`, `real_name`, `ext_id`, `avatar` required. */
export type EventInvitedUser = Schemas["EventInvitedUser"];
/**
 * A user with a pending invitation, course or event: `id`, `username`, `real_name`, `ext_id`,
 * `avatar` required, any other `User` field possible (every {@link CourseInvitedUser} is one).
 * @deprecated Kept from 0.1; use {@link CourseInvitedUser} or {@link EventInvitedUser}.
 */
export type InvitedUser = EventInvitedUser;
/** A course member with dashboard stats. */
export type CourseUserDashboard = Schemas["CourseUserDashboard"];
/** A user's status in a course (`null` where a field allows "no status"). */
export type JoinStatus = Schemas["JoinStatus"];
/** Sort order of the course dashboard users. */
export type DashboardOrdering = Schemas["DashboardOrdering"];
/** Alias of {@link DashboardOrdering}. */
export type Ordering = DashboardOrdering;
/** A tag attached to a user. */
export type Tag = Schemas["Tag"];
/** The `count`/`next`/`previous` envelope shared by every list. */
export type PageEnvelope = Schemas["PageEnvelope"];
/** A page of the course invite list. */
export type CourseInvitedUserPage = Schemas["CourseInvitedUserPage"];
/** A page of the event invite list. */
export type EventInvitedUserPage = Schemas["EventInvitedUserPage"];
/**
 * A page of {@link InvitedUser}: either invite list's page fits it.
 * @deprecated Kept from 0.1; use {@link CourseInvitedUserPage} or {@link EventInvitedUserPage}.
 */
export type InvitedUserPage = EventInvitedUserPage;
/** A page of {@link CourseUserDashboard}. */
export type CourseUserDashboardPage = Schemas["CourseUserDashboardPage"];
/** An error response body: `{ errors: [...] }` or `{ detail }`. */
export type ErrorBody = Schemas["ErrorBody"];
export type ErrorList = Schemas["ErrorList"];
export type ErrorDetail = Schemas["ErrorDetail"];
export type ErrorItem = Schemas["ErrorItem"];
export type FieldError = Schemas["FieldError"];

/** The operationIds of the API. */
export type OperationId = keyof operations;
/** Query parameters of an operation, as the spec declares them. */
export type OperationQuery<Op extends OperationId> = NonNullable<
  operations[Op]["parameters"]["query"]
>;
export type CourseInvitedUsersQuery = OperationQuery<"getCourseInvitedUsers">;
export type EventInvitedUsersQuery = OperationQuery<"getEventInvitedUsers">;
export type CourseDashboardUsersQuery = OperationQuery<"getCourseDashboardUsers">;
