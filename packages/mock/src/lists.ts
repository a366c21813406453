// The three lists, computed from the dataset: who is in them and in which order.
import type {
  DashboardUserItem,
  Dataset,
  InvitedUserItem,
  MockCourse,
  MockEvent,
  MockUser,
} from "./model.js";
import type { DashboardParams } from "./params.js";
import { timestampToEpochMicros } from "./timestamps.js";

/** Lookups over a dataset, built once per handler. */
export interface DatasetIndex {
  readonly dataset: Dataset;
  readonly users: ReadonlyMap<number, MockUser>;
  readonly courses: ReadonlyMap<number, MockCourse>;
  readonly events: ReadonlyMap<number, MockEvent>;
  readonly ids: { readonly course: ReadonlySet<number>; readonly event: ReadonlySet<number> };
}

export function indexDataset(dataset: Dataset): DatasetIndex {
  const courses = new Map(dataset.courses.map((c) => [c.id, c]));
  const events = new Map(dataset.events.map((e) => [e.id, e]));
  return {
    dataset,
    users: new Map(dataset.users.map((u) => [u.id, u])),
    courses,
    events,
    ids: { course: new Set(courses.keys()), event: new Set(events.keys()) },
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
  params: Pick<DashboardParams, "searchTerms" | "statuses" | "ordering">,
): DashboardUserItem[] {
  const terms = params.searchTerms.map((t) => t.toLowerCase());
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
