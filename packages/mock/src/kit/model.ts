// The shapes of the seeded dataset and of the payloads the mock returns. They mirror the spec's
// schemas (checked against @community-api/types in test/types.test-d.ts) but are declared here
// so the published package needs no types package at run time. Payloads are type aliases, not
// interfaces: only aliases are assignable to the spec's open objects (`[key: string]: unknown`).
import { ENUMS } from "./generated/operations.js";

/** The statuses a course member can have (`null` = none): the spec's `JoinStatus` enum. */
export const JOIN_STATUSES = ENUMS.JoinStatus;
export type JoinStatus = (typeof JOIN_STATUSES)[number];

/** The accepted values of `ordering` on the course dashboard users list: the spec's enum. */
export const DASHBOARD_ORDERINGS = ENUMS.DashboardOrdering;
export type DashboardOrdering = (typeof DASHBOARD_ORDERINGS)[number];

/** A tag attached to a user. */
export type MockTag = {
  readonly id: number;
  readonly type: "user";
  readonly name: string;
  readonly description: string | null;
  readonly color: string;
  readonly visible: boolean;
  readonly visibility_boost: boolean;
  readonly active: boolean;
  readonly deleted: boolean;
  readonly created_at: string;
};

/** A full `User` as the API returns it, including two community-defined custom fields. */
export type MockUser = {
  readonly id: number;
  readonly username: string;
  readonly real_name: string;
  readonly avatar: string | null;
  readonly ext_id: string | null;
  readonly followings_counter: number;
  readonly followers_counter: number;
  readonly posts_counter: number;
  readonly discussions_counter: number;
  readonly polls_counter: number;
  readonly categories_counter: number;
  readonly connection_status:
    | "followed"
    | "connected"
    | "sent_connection_request"
    | "received_connection_request"
    | null;
  readonly date_joined: string;
  readonly bio: string;
  readonly location: string;
  readonly location_lat_lng: string | null;
  readonly position_lat_lng: string | null;
  readonly date_of_birth: string | null;
  readonly description: string;
  readonly gender: "Male" | "Female" | "Unspecified";
  readonly website: string;
  readonly cover: string | null;
  readonly tags: MockTag[];
  readonly reputation: number;
  readonly community_badge: boolean;
  readonly reg_approved: boolean;
  readonly deleted: boolean;
  readonly company_name: string | null;
  readonly company_role: string | null;
  readonly language: string;
};

/** A user's membership of a course, with the stats the dashboard list shows. */
export interface CourseMember {
  readonly user_id: number;
  readonly join_status: JoinStatus | null;
  /** Percent of the course completed, 0-100; sometimes fractional. */
  readonly user_completion_rate: number;
  readonly joined_at: string | null;
  readonly last_active_at: string | null;
}

export interface MockCourse {
  readonly id: number;
  readonly title: string;
  /** Members in insertion order; every `join_status` (and `null`) occurs across the courses. */
  readonly members: readonly CourseMember[];
}

export interface MockEvent {
  readonly id: number;
  readonly title: string;
  /** Users whose invitation to the event is pending (subscription_status `invited`). */
  readonly invited_user_ids: readonly number[];
}

/** The whole seeded world the mock serves. Deterministic for a given seed. */
export interface Dataset {
  readonly seed: number;
  /** Users sorted by id. */
  readonly users: readonly MockUser[];
  /** Courses 1..6. */
  readonly courses: readonly MockCourse[];
  /** Events 1..4. */
  readonly events: readonly MockEvent[];
}

/** An item of the course invite list: the five-field projection of `User`. */
export type InvitedUserItem = {
  readonly id: number;
  readonly username: string;
  readonly real_name: string;
  readonly ext_id: string | null;
  readonly avatar: string | null;
};

/** An item of the course dashboard users list (`CourseUserDashboard`). */
export type DashboardUserItem = {
  readonly id: number;
  readonly username: string;
  readonly real_name: string;
  readonly avatar: string | null;
  readonly join_status: JoinStatus | null;
  readonly user_completion_rate: number;
  readonly last_active_at: string | null;
  readonly joined_at: string | null;
};

/** The `count`/`next`/`previous`/`results` envelope of every list. */
export type Page<T> = {
  readonly count: number;
  readonly next: string | null;
  readonly previous: string | null;
  readonly results: T[];
};
