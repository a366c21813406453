// The options' types as apps meet them: through @tanstack/react-query's and @tanstack/vue-query's
// hooks (vue-query's MaybeRef forms too) and query-core's QueryClient. Type-only: no hook runs.
import {
  type ApiError,
  createCommunityClient,
  createCommunityCoreClient,
  type ResponseOf,
} from "@community-api/client";
import { type CommunityQueryError, createCommunityQueries } from "@community-api/query";
import { type InfiniteData, QueryClient, skipToken } from "@tanstack/query-core";
import * as react from "@tanstack/react-query";
import * as vue from "@tanstack/vue-query";
import { describe, expectTypeOf, it } from "vitest";
import { computed, ref } from "vue";

type CourseUserDashboardPage = ResponseOf<"getCourseDashboardUsers">;
type InvitedUserPage = ResponseOf<"getCourseInvitedUsers">;
const queries = createCommunityQueries(createCommunityClient({ baseUrl: "https://x.test" }));

describe("with react-query", () => {
  it("useQuery infers the page and the client's typed errors", () => {
    const result = react.useQuery(queries.getCourseDashboardUsers(1, { statuses: ["joined"] }));
    expectTypeOf(result.data).toEqualTypeOf<CourseUserDashboardPage | undefined>();
    expectTypeOf(result.error).toEqualTypeOf<CommunityQueryError | null>();
    expectTypeOf<CommunityQueryError>().toExtend<ApiError | TypeError>();
    // `select` narrows the data as usual.
    const count = react.useQuery({
      ...queries.getCourseInvitedUsers(1),
      select: (page) => page.count,
    });
    expectTypeOf(count.data).toEqualTypeOf<number | undefined>();
  });

  it("useInfiniteQuery gives the pages", () => {
    const result = react.useInfiniteQuery(
      queries.infinite.courseDashboardUsers(1, { search: "anna" }),
    );
    expectTypeOf(result.data?.pages).toEqualTypeOf<CourseUserDashboardPage[] | undefined>();
    expectTypeOf(result.hasNextPage).toEqualTypeOf<boolean>();
  });

  it("takes skipToken for an id not known yet, and the core client too", () => {
    const id: number | undefined = undefined as number | undefined;
    react.useQuery(queries.getCourseDashboardUsers(id ?? skipToken));
    const core = createCommunityQueries(createCommunityCoreClient({ baseUrl: "https://x.test" }), {
      scope: "user-1",
    });
    expectTypeOf(react.useQuery(core.getCourseInvitedUsers(1)).data).toEqualTypeOf<
      InvitedUserPage | undefined
    >();
  });

  it("refuses what the named method refuses", () => {
    // @ts-expect-error "newest" is not one of the spec's orderings
    queries.getCourseDashboardUsers(1, { ordering: "newest" });
    // @ts-expect-error "left" is not a join status
    queries.getCourseDashboardUsers(1, { statuses: ["left"] });
    // @ts-expect-error the invite list has no statuses parameter
    queries.getCourseInvitedUsers(1, { statuses: "joined" });
    // @ts-expect-error the infinite options name the page size pageSize, as the iterators do
    queries.infinite.courseDashboardUsers(1, { limit: 5 });
    // @ts-expect-error an id is a number or a string of digits, not an object
    queries.keys.getCourseDashboardUsers({ id: 1 });
  });
});

describe("with query-core's QueryClient", () => {
  it("getQueryData and setQueryData read the tag of the key", () => {
    const client = new QueryClient();
    const { queryKey } = queries.getCourseDashboardUsers(1);
    expectTypeOf(client.getQueryData(queryKey)).toEqualTypeOf<
      CourseUserDashboardPage | undefined
    >();
    const infinite = queries.infinite.courseInvitedUsers(1).queryKey;
    expectTypeOf(client.getQueryData(infinite)).toEqualTypeOf<
      InfiniteData<InvitedUserPage, number> | undefined
    >();
    client.invalidateQueries({ queryKey: queries.keys.getCourseDashboardUsers(1) });
    client.removeQueries({ queryKey: queries.keys.all });
  });
});

describe("with vue-query", () => {
  it("takes the options as they are, and in its MaybeRef forms", () => {
    const plain = vue.useQuery(queries.getCourseDashboardUsers(1));
    expectTypeOf(plain.data.value).toEqualTypeOf<CourseUserDashboardPage | undefined>();
    const id = ref(1);
    const computedOptions = vue.useQuery(computed(() => queries.getCourseDashboardUsers(id.value)));
    expectTypeOf(computedOptions.data.value).toEqualTypeOf<CourseUserDashboardPage | undefined>();
    const getter = vue.useQuery(() => queries.getCourseInvitedUsers(id.value));
    expectTypeOf(getter.data.value).toEqualTypeOf<InvitedUserPage | undefined>();
    expectTypeOf(getter.error.value).toEqualTypeOf<CommunityQueryError | null>();
    const pages = vue.useInfiniteQuery(queries.infinite.eventInvitedUsers(1));
    expectTypeOf(pages.data.value?.pages).toEqualTypeOf<
      ResponseOf<"getEventInvitedUsers">[] | undefined
    >();
  });
});
