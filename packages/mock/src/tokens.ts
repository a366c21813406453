// Test tokens: opaque bearer strings that name one role on one resource. The mock grants
// exactly that role; any string that is not such a token is unknown (401).

/** What a test token grants. */
export type TokenGrant =
  | {
      readonly resource: "course";
      readonly id: number;
      readonly role: "creator" | "manager" | "member";
    }
  | { readonly resource: "event"; readonly id: number; readonly role: "manager" | "member" };

/** Builds a test token, e.g. `testToken({ resource: "course", id: 1, role: "manager" })` -> `"course-1-manager"`. */
export function testToken(grant: TokenGrant): string {
  return `${grant.resource}-${grant.id}-${grant.role}`;
}

/** A few named tokens for the seeded dataset (courses 1..6, events 1..4). */
export const TEST_TOKENS = {
  /** Creator of course 1: may read course 1's invite and dashboard lists. */
  courseCreator: "course-1-creator",
  /** Manager of course 1: may read course 1's invite and dashboard lists. */
  courseManager: "course-1-manager",
  /** Plain member of course 1: 403 on every list. */
  courseMember: "course-1-member",
  /** Manager of event 1: may read event 1's invite list. */
  eventManager: "event-1-manager",
  /** Plain member of event 1: 403 on every list. */
  eventMember: "event-1-member",
  /** Not a token the mock knows: 401. */
  invalid: "not-a-valid-token",
} as const;

const TOKEN = /^(course|event)-([1-9][0-9]{0,8})-(creator|manager|member)$/;

/**
 * Reads a token back into its grant, or `undefined` when it is unknown. `knownIds` limits the
 * ids to resources that exist: a token for course 99 belongs to no one, so it is unknown too.
 */
export function parseToken(
  token: string,
  knownIds: { readonly course: ReadonlySet<number>; readonly event: ReadonlySet<number> },
): TokenGrant | undefined {
  const m = TOKEN.exec(token);
  if (!m) return undefined;
  const id = Number(m[2]);
  if (m[1] === "course" && knownIds.course.has(id)) {
    return { resource: "course", id, role: m[3] as "creator" | "manager" | "member" };
  }
  if (m[1] === "event" && knownIds.event.has(id) && m[3] !== "creator") {
    return { resource: "event", id, role: m[3] as "manager" | "member" };
  }
  return undefined;
}
