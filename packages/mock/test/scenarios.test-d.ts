// Scenarios are typed from the spec: the operation ids it defines, and for each the statuses it
// declares (a `5XX` range as 500, 502, 503, 504). A status it does not declare is a type error.
import { expectTypeOf, test } from "vitest";
import { createMockFetch, type DeclaredStatus, type Scenario } from "../src/kit/index.js";
import { scenario } from "../src/msw/index.js";

test("the declared statuses of an operation", () => {
  expectTypeOf<DeclaredStatus<"getCourseDashboardUsers">>().toEqualTypeOf<
    200 | 400 | 401 | 403 | 404 | 429 | 500 | 502 | 503 | 504
  >();
});

test("scenario() takes an operation of the spec and one of its statuses", () => {
  scenario("getCourseDashboardUsers", { status: 429, retryAfter: 2, times: 1, delayMs: 10 });
  // @ts-expect-error 418 is not a status getCourseDashboardUsers declares
  scenario("getCourseDashboardUsers", { status: 418 });
  // @ts-expect-error the spec has no operation getCourseUsers
  scenario("getCourseUsers", { status: 503 });
});

test("createMockFetch's scenarios are checked the same way", () => {
  const ok: Scenario = { operationId: "getEventInvitedUsers", status: 503, times: 2 };
  createMockFetch({ scenarios: [ok] });
  // @ts-expect-error 201 is not a status getEventInvitedUsers declares
  createMockFetch({ scenarios: [{ operationId: "getEventInvitedUsers", status: 201 }] });
});
