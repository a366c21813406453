// The package's entry. Every named type comes from the spec by generation: `paths`,
// `components` and `operations` (generated/openapi.ts), a type per component schema and per
// operation's query (generated/names.ts). This file adds only what the spec cannot say: the
// names kept from 0.1 and two helpers over `operations`.

import type {
  CourseInvitedUser,
  DashboardOrdering,
  EventInvitedUser,
  EventInvitedUserPage,
} from "./generated/names.js";
import type { operations } from "./generated/openapi.js";

export * from "./generated/names.js";
export type { $defs, components, operations, paths, webhooks } from "./generated/openapi.js";

/**
 * A user with a pending invitation, course or event: `id`, `username`, `real_name`, `ext_id`,
 * `avatar` required, any other `User` field possible (every {@link CourseInvitedUser} is one).
 * @deprecated Kept from 0.1; use {@link CourseInvitedUser} or {@link EventInvitedUser}.
 */
export type InvitedUser = EventInvitedUser;
/**
 * A page of {@link InvitedUser}: either invite list's page fits it.
 * @deprecated Kept from 0.1; use `CourseInvitedUserPage` or {@link EventInvitedUserPage}.
 */
export type InvitedUserPage = EventInvitedUserPage;
/** Alias of {@link DashboardOrdering}, kept from 0.1. */
export type Ordering = DashboardOrdering;

/** The operationIds of the API. */
export type OperationId = keyof operations;
/**
 * Query parameters of an operation, as the spec declares them. Exclude, not NonNullable: over
 * the generic `operations[Op]`, NonNullable's `T & {}` makes tsc compute the query of every
 * operation when it first resolves this alias (the client's `WireQuery` explains the cost).
 */
export type OperationQuery<Op extends OperationId> = Exclude<
  operations[Op]["parameters"]["query"],
  null | undefined
>;
