// The kit's public types fit the spec's generated ones. (That its fetch fits the client's
// option is compiled in tests/test/mock-readme-example.test.ts, which spans both packages.)
import type {
  CourseUserDashboard,
  CourseUserDashboardPage,
  DashboardOrdering,
  InvitedUser,
  InvitedUserPage,
  JoinStatus,
} from "@community-api/types";
import { expectTypeOf, test } from "vitest";
import type {
  DashboardUserItem,
  InvitedUserItem,
  DashboardOrdering as MockOrdering,
  JoinStatus as MockStatus,
  MockUser,
  Page,
} from "../src/kit/index.js";

/** Compiles only when _Source is assignable to Target (plain assignability, as users see it). */
const assignable =
  <Target>() =>
  <_Source extends Target>(): true =>
    true;

test("payloads are assignable to the spec's types", () => {
  assignable<CourseUserDashboard>()<DashboardUserItem>();
  assignable<InvitedUser>()<InvitedUserItem>();
  assignable<InvitedUser>()<MockUser>();
  assignable<CourseUserDashboardPage>()<Page<DashboardUserItem>>();
  assignable<InvitedUserPage>()<Page<InvitedUserItem | MockUser>>();
  // @ts-expect-error a page of dashboard items is not a page of invited users (no ext_id)
  assignable<InvitedUserPage>()<Page<DashboardUserItem>>();
});

test("enums are the spec's", () => {
  expectTypeOf<MockStatus>().toEqualTypeOf<JoinStatus>();
  expectTypeOf<MockOrdering>().toEqualTypeOf<DashboardOrdering>();
});
