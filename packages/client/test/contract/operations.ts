// One entry per operation of the spec: how to call it through the client, with its required
// parameters only and with all of them. The contract tests run every entry against the mock,
// and the coverage test fails when the spec has an operation this table lacks.
import type { OperationId } from "@community-api/types";
import type { CommunityClient, InvitedUsersParams, Page, RequestOptions } from "../../src/index.js";

export interface ContractOperation {
  /** A test token with the role the operation needs, and one without it (the mock's tokens). */
  tokens: { allowed: string; denied: string };
  /** The named method, with the paging parameters every list has. */
  call(
    client: CommunityClient,
    id: number | string,
    query?: InvitedUsersParams,
    init?: RequestOptions,
  ): Promise<Page<unknown>>;
  /** The named method with every query parameter set. */
  callWithAll(client: CommunityClient, id: number | string): Promise<Page<unknown>>;
  /** The page iterator. */
  pages(
    client: CommunityClient,
    id: number | string,
    options: { maxPages?: number; headers?: Record<string, string> },
  ): AsyncIterable<Page<unknown>>;
  /** The item iterator. */
  paginate(
    client: CommunityClient,
    id: number | string,
    options: { maxPages?: number },
  ): AsyncIterable<unknown>;
  /** The raw openapi-fetch call. */
  raw(client: CommunityClient, id: string): Promise<{ data?: Page<unknown>; response: Response }>;
}

export const CONTRACT_OPERATIONS: Record<OperationId, ContractOperation> = {
  getCourseInvitedUsers: {
    tokens: { allowed: "course-1-manager", denied: "course-1-member" },
    call: (client, id, query, init) => client.getCourseInvitedUsers(id, query, init),
    callWithAll: (client, id) => client.getCourseInvitedUsers(id, { limit: 2, offset: 4 }),
    pages: (client, id, options) =>
      client.pages.courseInvitedUsers(id, { pageSize: 2, ...options }),
    paginate: (client, id, options) => client.paginate.courseInvitedUsers(id, options),
    raw: (client, id) =>
      client.GET("/api/v2/course/{id}/invite/", { params: { path: { id }, query: { limit: 1 } } }),
  },
  getEventInvitedUsers: {
    tokens: { allowed: "event-1-manager", denied: "event-1-member" },
    call: (client, id, query, init) => client.getEventInvitedUsers(id, query, init),
    callWithAll: (client, id) => client.getEventInvitedUsers(id, { limit: 10, offset: 0 }),
    pages: (client, id, options) => client.pages.eventInvitedUsers(id, { pageSize: 2, ...options }),
    paginate: (client, id, options) => client.paginate.eventInvitedUsers(id, options),
    raw: (client, id) => client.GET("/api/v2/event/{id}/invite/", { params: { path: { id } } }),
  },
  getCourseDashboardUsers: {
    tokens: { allowed: "course-1-creator", denied: "course-1-member" },
    call: (client, id, query, init) => client.getCourseDashboardUsers(id, query, init),
    callWithAll: (client, id) =>
      client.getCourseDashboardUsers(id, {
        limit: 20,
        offset: 40,
        search: "anna maria",
        statuses: ["joined", "manager", "payment_waiting"],
        ordering: "-last_active_at",
      }),
    pages: (client, id, options) =>
      client.pages.courseDashboardUsers(id, { pageSize: 2, statuses: "creator", ...options }),
    paginate: (client, id, options) =>
      client.paginate.courseDashboardUsers(id, { ordering: "joined_at", ...options }),
    raw: (client, id) =>
      client.GET("/api/v2/course/{id}/users/", {
        params: { path: { id }, query: { statuses: '["invited"]', ordering: "last_active_at" } },
      }),
  },
};
