// Every public type name, field, parameter and enum value of @community-api/types 0.1.
import type {
  CourseDashboardUsersQuery,
  CourseInvitedUsersQuery,
  CourseUserDashboard,
  CourseUserDashboardPage,
  DashboardOrdering,
  ErrorBody,
  ErrorDetail,
  ErrorItem,
  ErrorList,
  EventInvitedUsersQuery,
  FieldError,
  InvitedUser,
  InvitedUserPage,
  JoinStatus,
  OperationId,
  Ordering,
  PageEnvelope,
  paths,
  Tag,
  User,
} from "@community-api/types";

export const joinStatuses: JoinStatus[] = [
  "creator",
  "manager",
  "joined",
  "invited",
  "requested",
  "payment_waiting",
];
export const orderings: DashboardOrdering[] = [
  "joined_at",
  "-joined_at",
  "last_active_at",
  "-last_active_at",
];
export const ordering: Ordering = "-joined_at";
export const operations: OperationId[] = [
  "getCourseInvitedUsers",
  "getEventInvitedUsers",
  "getCourseDashboardUsers",
];

export const dashboardQuery: Required<CourseDashboardUsersQuery> = {
  limit: 20,
  offset: 0,
  search: "anna",
  statuses: '["joined","manager"]',
  ordering: "last_active_at",
};
export const courseInviteQuery: Required<CourseInvitedUsersQuery> = { limit: 1, offset: 0 };
export const eventInviteQuery: Required<EventInvitedUsersQuery> = { limit: 1, offset: 0 };

export const dashboardUser: CourseUserDashboard = {
  id: 1,
  username: "anna",
  real_name: "Anna",
  avatar: null,
  join_status: null,
  user_completion_rate: 12.5,
  last_active_at: null,
  joined_at: "2026-01-01T00:00:00.000000+00:00",
};

export const envelope: PageEnvelope = { count: 0, next: null, previous: null };
export const dashboardPage: CourseUserDashboardPage = { ...envelope, results: [dashboardUser] };

export const invited: InvitedUser = {
  id: 1,
  username: "anna",
  real_name: "",
  ext_id: null,
  avatar: null,
};
export const invitedPage: InvitedUserPage = { ...envelope, results: [invited] };

export const tag: Tag = {
  id: 1,
  type: "user",
  name: "Mentor",
  description: null,
  color: "#000000",
  visible: true,
  visibility_boost: false,
  active: true,
  deleted: false,
  created_at: "2026-01-01T00:00:00Z",
};

export const user: Required<
  Omit<User, "ext_id" | "connection_status" | "date_of_birth" | "deleted_at">
> &
  Pick<User, "ext_id" | "connection_status" | "date_of_birth" | "deleted_at"> = {
  id: 1,
  username: "anna",
  real_name: "Anna",
  avatar: null,
  ext_id: "x",
  followings_counter: 0,
  followers_counter: 0,
  posts_counter: 0,
  discussions_counter: 0,
  polls_counter: 0,
  categories_counter: 0,
  connection_status: "connected",
  date_joined: "2026-01-01T00:00:00Z",
  bio: "",
  location: "",
  location_lat_lng: null,
  position_lat_lng: null,
  date_of_birth: null,
  description: "",
  gender: "Unspecified",
  website: "",
  cover: null,
  tags: [tag],
  reputation: 0,
  community_badge: false,
  reg_approved: true,
  company_name: null,
  company_role: null,
  deleted: false,
  can_send_pm_to: true,
  language: "it",
};
export const connectionStatuses: NonNullable<User["connection_status"]>[] = [
  "followed",
  "connected",
  "sent_connection_request",
  "received_connection_request",
];
export const genders: NonNullable<User["gender"]>[] = ["Male", "Female", "Unspecified"];
export const tagTypes: Tag["type"][] = ["user", "category", "contribution"];

export const errors: ErrorBody[] = [
  { detail: "Not found." } satisfies ErrorDetail,
  {
    errors: [
      { code: "invalid", message: "bad" } satisfies ErrorItem,
      { field: "limit", messages: [{ code: "invalid", message: "bad" }] } satisfies FieldError,
    ],
  } satisfies ErrorList,
];

type Dashboard = paths["/api/v2/course/{id}/users/"]["get"];
export const dashboardPath: Dashboard["parameters"]["path"] = { id: "1" };
export type DashboardOk = Dashboard["responses"]["200"]["content"]["application/json"];
export type DashboardErrors = Dashboard["responses"][400 | 401 | 403 | 404 | 429];
type CourseInvite = paths["/api/v2/course/{id}/invite/"]["get"];
type EventInvite = paths["/api/v2/event/{id}/invite/"]["get"];
export type InviteOk =
  | CourseInvite["responses"]["200"]["content"]["application/json"]
  | EventInvite["responses"]["200"]["content"]["application/json"];
