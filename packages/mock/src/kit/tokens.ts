// Test tokens: opaque bearer strings that name one role on one resource. The mock grants
// exactly that role; any string that is not such a token is unknown (401). The resources and
// roles are the spec's (`x-required-roles`), plus `member`, a role that grants nothing.
import { OPERATIONS, RESOURCE_ROLES } from "./generated/operations.js";

type Roles = typeof RESOURCE_ROLES;

/** What a test token grants. */
export type TokenGrant = {
  [R in keyof Roles]: {
    readonly resource: R;
    readonly id: number;
    readonly role: Roles[R][number];
  };
}[keyof Roles];

/** Builds a test token, e.g. `testToken({ resource: "course", id: 1, role: "manager" })` -> `"course-1-manager"`. */
export function testToken(grant: TokenGrant): string {
  return `${grant.resource}-${grant.id}-${grant.role}`;
}

/** A few named tokens for the seeded dataset (see {@link tokenGuide} for every one). */
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

const TOKEN = /^([a-z_]+)-([1-9][0-9]{0,8})-([a-z_]+)$/;

/**
 * Reads a token back into its grant, or `undefined` when it is unknown. `knownIds` limits the
 * ids to resources that exist: a token for course 99 belongs to no one, so it is unknown too.
 */
export function parseToken(
  token: string,
  knownIds: { readonly [R in keyof Roles]: ReadonlySet<number> },
): TokenGrant | undefined {
  const m = TOKEN.exec(token);
  if (!m) return undefined;
  const [, resource = "", digits, role = ""] = m;
  if (!Object.hasOwn(RESOURCE_ROLES, resource)) return undefined;
  const name = resource as keyof Roles;
  const id = Number(digits);
  const roles: readonly string[] = RESOURCE_ROLES[name];
  if (!knownIds[name].has(id) || !roles.includes(role)) return undefined;
  return { resource: name, id, role } as TokenGrant;
}

/** `[1, 2, 3, 6]` -> `"1-3, 6"`. */
function ranges(ids: readonly number[]): string {
  const sorted = [...ids].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}

/**
 * Every test token and what it may read, one line each, from the spec's roles and the dataset's
 * ids: e.g. `course-<id>-manager  getCourseInvitedUsers, getCourseDashboardUsers (ids 1-6)`.
 */
export function tokenGuide(ids: { readonly [R in keyof Roles]: ReadonlySet<number> }): string[] {
  const rows: [string, string][] = [];
  for (const resource of Object.keys(RESOURCE_ROLES) as (keyof Roles)[]) {
    const grants = new Map<string, string[]>();
    for (const role of RESOURCE_ROLES[resource] as readonly string[]) {
      const readable = Object.entries(OPERATIONS)
        .filter(
          ([, op]) =>
            op.roles.resource === resource && (op.roles.roles as readonly string[]).includes(role),
        )
        .map(([operationId]) => operationId);
      const what =
        readable.length > 0 ? `${readable.join(", ")} of ${resource} <id>` : "403 on every list";
      grants.set(what, [...(grants.get(what) ?? []), `${resource}-<id>-${role}`]);
    }
    for (const [what, tokens] of grants) {
      rows.push([tokens.join(", "), `${what} (ids ${ranges([...ids[resource]])})`]);
    }
  }
  rows.push(["anything else, or no token", "401"]);
  const width = Math.max(...rows.map(([tokens]) => tokens.length));
  return rows.map(([tokens, what]) => `${tokens.padEnd(width)}  ${what}`);
}
