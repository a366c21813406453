import { describe, expectTypeOf, it } from "vitest";
import type {
  CourseDashboardUsersQuery,
  CourseUserDashboardPage,
  InvitedUser,
  InvitedUserPage,
  JoinStatus,
  Ordering,
  paths,
  User,
} from "../src/index.js";

type DashboardParams = paths["/api/v2/course/{id}/users/"]["get"]["parameters"];

describe("generated types", () => {
  it("types a dashboard item's join_status as JoinStatus | null", () => {
    type Item = CourseUserDashboardPage["results"][number];
    expectTypeOf<Item["join_status"]>().toEqualTypeOf<JoinStatus | null>();
    expectTypeOf<JoinStatus>().toEqualTypeOf<
      "creator" | "manager" | "joined" | "invited" | "requested" | "payment_waiting"
    >();
  });

  it("types next/previous as string | null and count as number", () => {
    expectTypeOf<InvitedUserPage["next"]>().toEqualTypeOf<string | null>();
    expectTypeOf<CourseUserDashboardPage["previous"]>().toEqualTypeOf<string | null>();
    expectTypeOf<InvitedUserPage["count"]>().toEqualTypeOf<number>();
  });

  it("makes the five projected fields of an invited user required", () => {
    expectTypeOf<InvitedUser["id"]>().toEqualTypeOf<number>();
    expectTypeOf<InvitedUser["ext_id"]>().toEqualTypeOf<string | number | null>();
    expectTypeOf<InvitedUser["avatar"]>().toEqualTypeOf<string | null>();
    // Other User fields stay optional: the event endpoint may send a full User.
    expectTypeOf<InvitedUser["date_joined"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<User["id"]>().toEqualTypeOf<number | undefined>();
  });

  it("lists the four orderings", () => {
    expectTypeOf<Ordering>().toEqualTypeOf<
      "joined_at" | "-joined_at" | "last_active_at" | "-last_active_at"
    >();
  });

  it("rejects an unknown ordering and a missing path id", () => {
    // @ts-expect-error "bogus" is not a DashboardOrdering
    const query: CourseDashboardUsersQuery = { ordering: "bogus" };
    // @ts-expect-error the path parameter `id` is required
    const params: DashboardParams = { path: {} };
    // @ts-expect-error `id` is a string holding digits in the raw spec types
    const numeric: DashboardParams = { path: { id: 42 } };
    expectTypeOf(query).not.toBeAny();
    expectTypeOf(params).not.toBeAny();
    expectTypeOf(numeric).not.toBeAny();
  });

  it("types limit and offset as numbers", () => {
    expectTypeOf<CourseDashboardUsersQuery["limit"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<CourseDashboardUsersQuery["offset"]>().toEqualTypeOf<number | undefined>();
  });
});
