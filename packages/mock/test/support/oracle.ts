// The expected lists, computed straight from the dataset with deliberately plain code (no
// import from src/ but the data), so the handler is checked against an independent reading.
import type { Dataset, JoinStatus } from "../../src/kit/model.js";

/** Instant of `2026-03-04T10:11:12.123456+01:00` as [epoch ms, µs within the ms], via Date.parse. */
function instant(value: string): [number, number] {
  const fraction = /\.(\d+)/.exec(value)?.[1] ?? "0";
  return [Date.parse(value), Number(fraction.padEnd(6, "0").slice(3, 6))];
}

export function expectedDashboardIds(
  dataset: Dataset,
  courseId: number,
  query: { search?: string; statuses?: readonly JoinStatus[]; ordering?: string } = {},
): number[] {
  const course = dataset.courses.find((c) => c.id === courseId);
  if (!course) throw new Error(`no course ${courseId}`);
  const statuses = query.statuses ?? ["manager", "joined"];
  const ordering = query.ordering ?? "-joined_at";
  const field = ordering.endsWith("joined_at") ? "joined_at" : "last_active_at";
  const descending = ordering.startsWith("-");
  const terms = (query.search ?? "")
    .replaceAll("\0", "")
    .replaceAll(",", " ")
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => t.toLowerCase());
  const rows = [];
  for (const member of course.members) {
    if (member.join_status === null || !statuses.includes(member.join_status)) continue;
    const user = dataset.users.find((u) => u.id === member.user_id);
    if (!user) throw new Error(`no user ${member.user_id}`);
    const haystacks = [user.username.toLowerCase(), user.real_name.toLowerCase()];
    if (!terms.every((t) => haystacks.some((h) => h.includes(t)))) continue;
    const value = member[field];
    rows.push({ id: user.id, at: value === null ? null : instant(value) });
  }
  const nonNull = rows.filter((r) => r.at !== null);
  const nulls = rows.filter((r) => r.at === null).sort((a, b) => a.id - b.id);
  nonNull.sort((a, b) => {
    const [am, au] = a.at as [number, number];
    const [bm, bu] = b.at as [number, number];
    const cmp = am !== bm ? am - bm : au - bu;
    if (cmp !== 0) return descending ? -cmp : cmp;
    return a.id - b.id;
  });
  return [...nonNull, ...nulls].map((r) => r.id);
}

export function expectedCourseInviteIds(dataset: Dataset, courseId: number): number[] {
  const course = dataset.courses.find((c) => c.id === courseId);
  if (!course) throw new Error(`no course ${courseId}`);
  return course.members
    .filter((m) => m.join_status === "invited")
    .map((m) => m.user_id)
    .sort((a, b) => a - b);
}

export function expectedEventInviteIds(dataset: Dataset, eventId: number): number[] {
  const event = dataset.events.find((e) => e.id === eventId);
  if (!event) throw new Error(`no event ${eventId}`);
  return [...event.invited_user_ids].sort((a, b) => a - b);
}
