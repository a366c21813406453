// createCommunityClient: the core client (named methods on openapi-fetch) plus the iterator
// properties `paginate` and `pages`, one per list operation.
import type {
  CourseUserDashboard,
  CourseUserDashboardPage,
  InvitedUser,
  InvitedUserPage,
} from "@community-api/types";
import {
  type CommunityClientOptions,
  type CommunityCoreClient,
  type CommunityId,
  type CourseDashboardUsersParams,
  createCommunityCoreClient,
} from "./core.js";
import { type PaginationOptions, paginate, paginatePages } from "./pagination.js";

/** Options of the course dashboard users iterators: the list's filters plus {@link PaginationOptions}. */
export interface CourseDashboardUsersPaginationOptions
  extends PaginationOptions,
    Omit<CourseDashboardUsersParams, "limit" | "offset"> {}

/** One item iterator per list operation: `for await (const user of client.paginate.x(id))`. */
export interface CommunityPaginators {
  courseInvitedUsers(
    id: CommunityId,
    options?: PaginationOptions,
  ): AsyncGenerator<InvitedUser, void, undefined>;
  eventInvitedUsers(
    id: CommunityId,
    options?: PaginationOptions,
  ): AsyncGenerator<InvitedUser, void, undefined>;
  courseDashboardUsers(
    id: CommunityId,
    options?: CourseDashboardUsersPaginationOptions,
  ): AsyncGenerator<CourseUserDashboard, void, undefined>;
}

/** One page iterator per list operation; each page has `count`, `next`, `previous`, `results`. */
export interface CommunityPageIterators {
  courseInvitedUsers(
    id: CommunityId,
    options?: PaginationOptions,
  ): AsyncGenerator<InvitedUserPage, void, undefined>;
  eventInvitedUsers(
    id: CommunityId,
    options?: PaginationOptions,
  ): AsyncGenerator<InvitedUserPage, void, undefined>;
  courseDashboardUsers(
    id: CommunityId,
    options?: CourseDashboardUsersPaginationOptions,
  ): AsyncGenerator<CourseUserDashboardPage, void, undefined>;
}

/** The core client plus the iterator properties. */
export interface CommunityClient extends CommunityCoreClient {
  /** Item iterators over every page. */
  readonly paginate: CommunityPaginators;
  /** Page iterators. */
  readonly pages: CommunityPageIterators;
}

/** Creates a client for one community. See {@link CommunityClientOptions} for the defaults. */
export function createCommunityClient(options: CommunityClientOptions): CommunityClient {
  const client = createCommunityCoreClient(options);
  const { getCourseInvitedUsers, getEventInvitedUsers, getCourseDashboardUsers } = client;
  const paginators: CommunityPaginators = {
    courseInvitedUsers: (id, options) => paginate(getCourseInvitedUsers, id, options),
    eventInvitedUsers: (id, options) => paginate(getEventInvitedUsers, id, options),
    courseDashboardUsers: (id, options) => paginate(getCourseDashboardUsers, id, options),
  };
  const pages: CommunityPageIterators = {
    courseInvitedUsers: (id, options) => paginatePages(getCourseInvitedUsers, id, options),
    eventInvitedUsers: (id, options) => paginatePages(getEventInvitedUsers, id, options),
    courseDashboardUsers: (id, options) => paginatePages(getCourseDashboardUsers, id, options),
  };
  return Object.assign(client, { paginate: paginators, pages });
}
