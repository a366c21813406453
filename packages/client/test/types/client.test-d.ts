// Type tests (vitest --typecheck): each @ts-expect-error is an assertion that the line below it
// does not compile, for the reason it states.
import { describe, expectTypeOf, it } from "vitest";
import {
  ApiError,
  type BadRequestError,
  type CourseInvitedUserPage,
  type CourseUserDashboard,
  type CourseUserDashboardPage,
  createCommunityClient,
  createCommunityCoreClient,
  type ErrorBody,
  type EventInvitedUser,
  type EventInvitedUserPage,
  type InvitedUserPage,
  type NetworkError,
  NotFoundError,
  type PermissionDeniedError,
  paginate,
  paginatePages,
  type RateLimitError,
  ResponseTooLargeError,
  type ServerError,
  type TimeoutError,
  type UnauthorizedError,
  type ValidationError,
} from "../../src/index.js";

const client = createCommunityClient({ baseUrl: "https://community.example.com", token: "t" });
/** What an async generator yields. */
type Yield<G> = G extends AsyncGenerator<infer T, void, undefined> ? T : never;

describe("named methods and iterators", () => {
  it("return the spec's page and item types", () => {
    expectTypeOf(client.getCourseInvitedUsers(1)).resolves.toEqualTypeOf<CourseInvitedUserPage>();
    expectTypeOf(client.getEventInvitedUsers("1")).resolves.toEqualTypeOf<EventInvitedUserPage>();
    expectTypeOf(
      client.getCourseDashboardUsers(1),
    ).resolves.toEqualTypeOf<CourseUserDashboardPage>();
    expectTypeOf(client.paginate.courseDashboardUsers(1)).toEqualTypeOf<
      AsyncGenerator<CourseUserDashboard, void, undefined>
    >();
    // Compared by what they yield: expect-type cannot compare generators of types this deep.
    expectTypeOf<
      Yield<ReturnType<typeof client.paginate.eventInvitedUsers>>
    >().toEqualTypeOf<EventInvitedUser>();
    expectTypeOf<
      Yield<ReturnType<typeof client.pages.courseInvitedUsers>>
    >().toEqualTypeOf<CourseInvitedUserPage>();
    // The 0.1 names still fit: the event page is the old InvitedUserPage, a course page fits it.
    expectTypeOf<EventInvitedUserPage>().toEqualTypeOf<InvitedUserPage>();
    expectTypeOf<CourseInvitedUserPage>().toExtend<InvitedUserPage>();
  });

  it("accept one status or an array of them, and the four orderings", () => {
    client.getCourseDashboardUsers(1, { statuses: "creator", ordering: "-last_active_at" });
    client.paginate.courseDashboardUsers("1", { statuses: ["joined", "manager"], pageSize: 5 });
    const readonlyStatuses = ["joined", "invited"] as const;
    client.getCourseDashboardUsers(1, { statuses: readonlyStatuses, limit: undefined });
  });

  it("reject unknown statuses and orderings", () => {
    // @ts-expect-error "member" is not a JoinStatus
    client.getCourseDashboardUsers(1, { statuses: "member" });
    // @ts-expect-error "member" is not a JoinStatus, inside an array either
    client.getCourseDashboardUsers(1, { statuses: ["joined", "member"] });
    // @ts-expect-error "name" is not a DashboardOrdering
    client.getCourseDashboardUsers(1, { ordering: "name" });
    // @ts-expect-error "-name" is not a DashboardOrdering in the pagination options either
    client.paginate.courseDashboardUsers(1, { ordering: "-name" });
    // @ts-expect-error the invite lists have no statuses filter
    client.getCourseInvitedUsers(1, { statuses: "joined" });
  });

  it("reject ids that are neither numbers nor strings", () => {
    // @ts-expect-error an id is a number or a string of digits, not a boolean
    client.getCourseInvitedUsers(true);
    // @ts-expect-error the id is required
    client.getEventInvitedUsers();
    // @ts-expect-error an id is not an object of path parameters
    client.pages.courseDashboardUsers({ id: 1 });
  });
});

describe("raw openapi-fetch client", () => {
  it("types data by path and rejects wrong path parameters", async () => {
    const { data, error } = await client.GET("/api/v2/course/{id}/users/", {
      params: { path: { id: "1" }, query: { ordering: "joined_at" } },
    });
    // openapi-fetch maps the types through `Readable<>`: equal in shape, not in identity.
    expectTypeOf(data).toExtend<CourseUserDashboardPage | undefined>();
    expectTypeOf<CourseUserDashboardPage | undefined>().toExtend<typeof data>();
    expectTypeOf(error).toExtend<ErrorBody | undefined>();
    expectTypeOf<ErrorBody | undefined>().toExtend<typeof error>();

    // @ts-expect-error the raw path id is the spec's string of digits (named methods take numbers)
    client.GET("/api/v2/course/{id}/users/", { params: { path: { id: 1 } } });
    // @ts-expect-error the path parameter `id` is required
    client.GET("/api/v2/course/{id}/invite/", { params: { path: {} } });
    // @ts-expect-error `courseId` is not a path parameter of this path
    client.GET("/api/v2/event/{id}/invite/", { params: { path: { courseId: "1" } } });
    // @ts-expect-error the spec has no such path
    client.GET("/api/v2/course/{id}/members/", { params: { path: { id: "1" } } });
    client.GET("/api/v2/course/{id}/users/", {
      // @ts-expect-error "name" is not a DashboardOrdering in raw calls either
      params: { path: { id: "1" }, query: { ordering: "name" } },
    });
  });
});

describe("errors", () => {
  it("give every class a literal status and name", () => {
    expectTypeOf<BadRequestError["status"]>().toEqualTypeOf<400>();
    expectTypeOf<UnauthorizedError["status"]>().toEqualTypeOf<401>();
    expectTypeOf<PermissionDeniedError["status"]>().toEqualTypeOf<403>();
    expectTypeOf<NotFoundError["status"]>().toEqualTypeOf<404>();
    expectTypeOf<RateLimitError["status"]>().toEqualTypeOf<429>();
    expectTypeOf<ServerError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<NetworkError["status"]>().toEqualTypeOf<undefined>();
    expectTypeOf<TimeoutError["status"]>().toEqualTypeOf<undefined>();
    expectTypeOf<NotFoundError["name"]>().toEqualTypeOf<"NotFoundError">();
    expectTypeOf<ValidationError>().toEqualTypeOf<BadRequestError>();
    expectTypeOf<ApiError["body"]>().toEqualTypeOf<ErrorBody | string | undefined>();
    // @ts-expect-error a NotFoundError's status is 404, never 403
    const wrong: NotFoundError["status"] = 403;
    void wrong;
  });

  it("narrow a caught value with instanceof", () => {
    const caught = JSON.parse("null") as unknown;
    if (caught instanceof NotFoundError) {
      expectTypeOf(caught.status).toEqualTypeOf<404>();
      expectTypeOf(caught.requestId).toEqualTypeOf<string | undefined>();
    }
    if (caught instanceof ApiError) {
      expectTypeOf(caught.status).toEqualTypeOf<number | undefined>();
    }
    // A body past maxResponseSize always came with a response: its status is a number.
    if (caught instanceof ResponseTooLargeError) {
      expectTypeOf(caught.status).toEqualTypeOf<number>();
      expectTypeOf(caught.name).toEqualTypeOf<"ResponseTooLargeError">();
    }
  });
});

describe("options", () => {
  it("type the client options", () => {
    createCommunityClient({ baseUrl: "x", token: async () => "t", maxRetries: 0, timeout: 5_000 });
    // @ts-expect-error the timeout is a number of milliseconds
    createCommunityClient({ baseUrl: "x", timeout: "30s" });
    // @ts-expect-error baseUrl is required: every community has its own host
    createCommunityClient({ token: "t" });
    // @ts-expect-error a token function returns a string (or a promise of one)
    createCommunityClient({ baseUrl: "x", token: () => 42 });
    createCommunityClient({ baseUrl: "x", maxResponseSize: 64 * 1024 * 1024 });
    // @ts-expect-error maxResponseSize is a number of bytes
    createCommunityClient({ baseUrl: "x", maxResponseSize: "64MB" });
    client.getCourseInvitedUsers(1, {}, { maxResponseSize: Number.POSITIVE_INFINITY });
    client.paginate.courseInvitedUsers(1, { pageSize: 100, maxResponseSize: 1024 });
  });
});

describe("the core client and the standalone iterators", () => {
  const core = createCommunityCoreClient({ baseUrl: "https://community.example.com" });

  it("infer the item and page types from the named method", () => {
    expectTypeOf(paginate(core.getCourseDashboardUsers, 1)).toEqualTypeOf<
      AsyncGenerator<CourseUserDashboard, void, undefined>
    >();
    expectTypeOf<
      Yield<ReturnType<typeof paginate<object, EventInvitedUserPage>>>
    >().toEqualTypeOf<EventInvitedUser>();
    const events = paginate(core.getEventInvitedUsers, "1", { pageSize: 50 });
    expectTypeOf<Yield<typeof events>>().toEqualTypeOf<EventInvitedUser>();
    const coursePages = paginatePages(core.getCourseInvitedUsers, 1);
    expectTypeOf<Yield<typeof coursePages>>().toEqualTypeOf<CourseInvitedUserPage>();
    paginate(core.getCourseDashboardUsers, 1, {
      statuses: ["joined"],
      ordering: "-last_active_at",
    });
  });

  it("check the options against the method's filters", () => {
    // @ts-expect-error "-name" is not a DashboardOrdering
    paginate(core.getCourseDashboardUsers, 1, { ordering: "-name" });
    // @ts-expect-error the invite lists have no statuses filter
    paginate(core.getCourseInvitedUsers, 1, { statuses: "joined" });
    // @ts-expect-error limit is pageSize in the iterators
    paginate(core.getCourseInvitedUsers, 1, { limit: 5 });
    // @ts-expect-error the core client has no iterator properties
    core.paginate;
  });
});
