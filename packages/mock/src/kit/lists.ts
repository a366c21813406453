// The lists, computed from the dataset: who is in them and in which order. One implementation
// per list operation of the spec, in LISTS (keyed by operationId): an operation the spec adds
// without one here fails the type check, naming it.
import type { OPERATIONS, ParsedQueries, RESOURCE_ROLES } from "./generated/operations.js";
import type {
  DashboardUserItem,
  Dataset,
  InvitedUserItem,
  MockCourse,
  MockEvent,
  MockUser,
} from "./model.js";
import { searchTerms } from "./params.js";
import { timestampToEpochMicros } from "./timestamps.js";

/** The resources the spec's operations act on (`x-required-roles.resource`). */
export type ResourceName = keyof typeof RESOURCE_ROLES;

/** The dataset's record of each resource. A resource the spec adds needs one here. */
export interface Resources {
  course: MockCourse;
  event: MockEvent;
}

/** Lookups over a dataset, built once per handler. */
export interface DatasetIndex {
  readonly dataset: Dataset;
  readonly users: ReadonlyMap<number, MockUser>;
  /** Each resource's records by id. */
  readonly resources: { readonly [R in ResourceName]: ReadonlyMap<number, Resources[R]> };
  /** Each resource's ids, for the token check. */
  readonly ids: { readonly [R in ResourceName]: ReadonlySet<number> };
}

export function indexDataset(dataset: Dataset): DatasetIndex {
  const resources = {
    course: new Map(dataset.courses.map((c) => [c.id, c])),
    event: new Map(dataset.events.map((e) => [e.id, e])),
  } satisfies DatasetIndex["resources"];
  return {
    dataset,
    users: new Map(dataset.users.map((u) => [u.id, u])),
    resources,
    ids: { course: new Set(resources.course.keys()), event: new Set(resources.event.keys()) },
  };
}

function userOf(index: DatasetIndex, id: number): MockUser {
  const user = index.users.get(id);
  if (!user) throw new Error(`dataset refers to unknown user ${id}`);
  return user;
}

/** Pending course invitations (join_status `invited`), by user id: the five-field projection. */
export function courseInvitedUsers(index: DatasetIndex, course: MockCourse): InvitedUserItem[] {
  return course.members
    .filter((m) => m.join_status === "invited")
    .map((m) => userOf(index, m.user_id))
    .sort((a, b) => a.id - b.id)
    .map(({ id, username, real_name, ext_id, avatar }) => ({
      id,
      username,
      real_name,
      ext_id,
      avatar,
    }));
}

/** Pending event invitations, by user id. Full users, as the event reference's example shows. */
export function eventInvitedUsers(index: DatasetIndex, event: MockEvent): MockUser[] {
  return event.invited_user_ids.map((id) => userOf(index, id));
}

const instant = (value: string | null): number | null =>
  value === null ? null : timestampToEpochMicros(value);

/**
 * Course members filtered by status and search, ordered by `ordering`: nulls last in both
 * directions, ties broken by ascending user id so pages never overlap.
 */
export function courseDashboardUsers(
  index: DatasetIndex,
  course: MockCourse,
  params: Pick<ParsedQueries["getCourseDashboardUsers"], "search" | "statuses" | "ordering">,
): DashboardUserItem[] {
  const terms = searchTerms(params.search).map((t) => t.toLowerCase());
  const field = params.ordering.replace(/^-/, "") as "joined_at" | "last_active_at";
  const direction = params.ordering.startsWith("-") ? -1 : 1;
  return course.members
    .filter((m) => m.join_status !== null && params.statuses.includes(m.join_status))
    .map((m) => ({ member: m, user: userOf(index, m.user_id) }))
    .filter(({ user }) => {
      const username = user.username.toLowerCase();
      const realName = user.real_name.toLowerCase();
      return terms.every((t) => username.includes(t) || realName.includes(t));
    })
    .map(({ member, user }) => ({ item: { member, user }, key: instant(member[field]) }))
    .sort((a, b) => {
      if (a.key !== b.key) {
        if (a.key === null) return 1;
        if (b.key === null) return -1;
        return (a.key - b.key) * direction;
      }
      return a.item.user.id - b.item.user.id;
    })
    .map(({ item: { member, user } }) => ({
      id: user.id,
      username: user.username,
      real_name: user.real_name,
      avatar: user.avatar,
      join_status: member.join_status,
      user_completion_rate: member.user_completion_rate,
      last_active_at: member.last_active_at,
      joined_at: member.joined_at,
    }));
}

/** A list operation of the spec. */
export type ListOperationId = keyof typeof OPERATIONS;
/** The resource a list operation reads (its `x-required-roles.resource`). */
export type ResourceOf<Op extends ListOperationId> = (typeof OPERATIONS)[Op]["roles"]["resource"];

/** The items of one list (all pages), for a resource record and the validated query. */
export type ListImplementation<Op extends ListOperationId> = (
  index: DatasetIndex,
  resource: Resources[ResourceOf<Op>],
  query: ParsedQueries[Op],
) => readonly unknown[];

/** One implementation per list operation of the spec. */
export type ListImplementations = { readonly [Op in ListOperationId]: ListImplementation<Op> };

export const LISTS: ListImplementations = {
  getCourseInvitedUsers: (index, course) => courseInvitedUsers(index, course),
  getEventInvitedUsers: (index, event) => eventInvitedUsers(index, event),
  getCourseDashboardUsers: (index, course, query) => courseDashboardUsers(index, course, query),
};
