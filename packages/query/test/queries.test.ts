// The options against query-core's own QueryClient and QueryObserver, with the mock's MSW
// handlers answering (its dataset, roles and pagination): what an app's cache sees.
import { PermissionDeniedError, RateLimitError } from "@community-api/client";
import { TEST_TOKENS } from "@community-api/mock/kit";
import { scenario } from "@community-api/mock/msw";
import { createCommunityQueries } from "@community-api/query";
import {
  CancelledError,
  hashKey,
  InfiniteQueryObserver,
  QueryObserver,
  skipToken,
} from "@tanstack/query-core";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import {
  BASE_URL,
  communityClient,
  queryClient,
  requests,
  server,
  withMsw,
} from "./support/msw.js";

withMsw();
const USERS = `${BASE_URL}/api/v2/course/1/users/`;
/** The dashboard list answers the mock's staged 429 (its body, this `Retry-After`). */
const throttled = (options: { retryAfter: number; times?: number }) =>
  scenario("getCourseDashboardUsers", { status: 429, baseUrl: BASE_URL, ...options });

describe("query options", () => {
  it("fetch a page through the client's named method, typed and tagged in the cache", async () => {
    const queries = createCommunityQueries(communityClient());
    const cache = queryClient();
    const options = queries.getCourseDashboardUsers(1, { limit: 5, ordering: "-last_active_at" });
    const page = await cache.fetchQuery(options);
    expect(page.results).toHaveLength(5);
    expect(page.count).toBeGreaterThan(5);
    expect(cache.getQueryData(options.queryKey)?.count).toBe(page.count);
    expect(requests).toEqual([`${USERS}?limit=5&ordering=-last_active_at`]);
  });

  it("walk every page of a list with the infinite options: the items are `count` users", async () => {
    const queries = createCommunityQueries(communityClient());
    const observer = new InfiniteQueryObserver(
      queryClient(),
      queries.infinite.courseDashboardUsers(1, { pageSize: 7 }),
    );
    await observer.refetch();
    let result = observer.getCurrentResult();
    while (result.hasNextPage) result = await observer.fetchNextPage();
    const pages = result.data?.pages ?? [];
    const ids = pages.flatMap((page) => page.results.map((user) => user.id));
    expect(pages.length).toBeGreaterThan(2);
    expect(ids).toHaveLength(pages[0]?.count ?? -1);
    expect(new Set(ids).size).toBe(ids.length);
    // The page parameter is the offset of each `next` link, as numbers.
    expect(result.data?.pageParams.slice(0, 3)).toEqual([0, 7, 14]);
    expect(requests.slice(0, 2)).toEqual([`${USERS}?limit=7`, `${USERS}?limit=7&offset=7`]);
    expect(result.hasPreviousPage).toBe(false);
  });

  it("fail the infinite query, not getNextPageParam, on a next link that does not advance", async () => {
    server.use(
      http.get(USERS, () =>
        HttpResponse.json({
          count: 9,
          next: `${USERS}?limit=1&offset=0`,
          previous: null,
          results: [],
        }),
      ),
    );
    const queries = createCommunityQueries(communityClient());
    const observer = new InfiniteQueryObserver(
      queryClient(),
      queries.infinite.courseDashboardUsers(1),
    );
    const result = await observer.refetch();
    expect(result.error?.name).toBe("InvalidResponseError");
    expect(result.error?.message).toMatch(
      /Pagination stopped: the next link .*offset=0.* at offset 0/,
    );
    expect(requests).toHaveLength(1);
  });

  it("with skipToken for the id, wait without a request", async () => {
    const queries = createCommunityQueries(communityClient());
    const options = queries.getCourseDashboardUsers(skipToken);
    expect(options.queryFn).toBe(skipToken);
    expect(queries.infinite.courseInvitedUsers(skipToken).queryFn).toBe(skipToken);
    const observer = new QueryObserver(queryClient(), options);
    const unsubscribe = observer.subscribe(() => {});
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(observer.getCurrentResult()).toMatchObject({ status: "pending", fetchStatus: "idle" });
    unsubscribe();
    expect(requests).toEqual([]);
  });
});

describe("keys", () => {
  const queries = createCommunityQueries(communityClient());

  it("go from general to specific: package, scope, community, operation, id, query", () => {
    expect(queries.keys.all).toEqual(["community-api", null, BASE_URL]);
    expect(queries.keys.getCourseDashboardUsers()).toEqual([
      ...queries.keys.all,
      "getCourseDashboardUsers",
    ]);
    expect(queries.keys.getCourseDashboardUsers(1)).toEqual([
      ...queries.keys.all,
      "getCourseDashboardUsers",
      "1",
    ]);
    expect(queries.getCourseDashboardUsers(1, { search: "anna" }).queryKey).toEqual([
      ...queries.keys.getCourseDashboardUsers(1),
      { search: "anna" },
    ]);
    expect(queries.infinite.courseDashboardUsers(1, { pageSize: 5 }).queryKey).toEqual([
      ...queries.keys.getCourseDashboardUsers(1),
      "infinite",
      { pageSize: 5 },
    ]);
  });

  it("are normalised: 1 and '1', a bare status and a one-item array, undefined values", () => {
    const hash = (key: readonly unknown[]) => hashKey(key);
    expect(hash(queries.getCourseDashboardUsers(1, { statuses: "joined" }).queryKey)).toBe(
      hash(
        queries.getCourseDashboardUsers("1", { statuses: ["joined"], search: undefined }).queryKey,
      ),
    );
    expect(hash(queries.getCourseDashboardUsers(1).queryKey)).toBe(
      hash(queries.getCourseDashboardUsers(1, {}).queryKey),
    );
    expect(
      hash(queries.getCourseDashboardUsers(1, { statuses: ["joined", "manager"] }).queryKey),
    ).not.toBe(hash(queries.getCourseDashboardUsers(1, { statuses: "joined" }).queryKey));
  });

  it("hold the whole normalised base URL, the scope, and never the token", () => {
    const root = (baseUrl: string, scope?: string) =>
      createCommunityQueries(communityClient({ baseUrl, token: "secret-token-42" }), { scope }).keys
        .all;
    expect(root("HTTPS://Community.Test:443/")).toEqual(root("https://community.test"));
    // Two communities under one host never share an entry.
    expect(root("https://host.test/a")).not.toEqual(root("https://host.test/b"));
    expect(root("https://host.test/a", "user-7")).toEqual([
      "community-api",
      "user-7",
      "https://host.test/a",
    ]);
    const client = communityClient({ token: "secret-token-42" });
    const all = createCommunityQueries(client);
    const keys = [
      all.getCourseDashboardUsers(1, { search: "x" }).queryKey,
      all.infinite.eventInvitedUsers(1).queryKey,
      all.keys.getCourseInvitedUsers(1),
    ];
    expect(JSON.stringify(keys)).not.toContain("secret-token-42");
  });

  it("invalidate and remove by prefix: one operation and id, or everything", async () => {
    const cache = queryClient();
    const one = queries.getCourseDashboardUsers(1, { limit: 1 });
    const pages = queries.infinite.courseDashboardUsers(1, { pageSize: 2 });
    const invited = queries.getCourseInvitedUsers(1, { limit: 1 });
    await Promise.all([
      cache.fetchQuery(one),
      cache.fetchInfiniteQuery(pages),
      cache.fetchQuery(invited),
    ]);
    await cache.invalidateQueries({
      queryKey: queries.keys.getCourseDashboardUsers(1),
      refetchType: "none",
    });
    const state = (key: readonly unknown[]) => cache.getQueryState(key)?.isInvalidated;
    expect([state(one.queryKey), state(pages.queryKey), state(invited.queryKey)]).toEqual([
      true,
      true,
      false,
    ]);
    cache.removeQueries({ queryKey: queries.keys.all });
    expect(cache.getQueryCache().getAll()).toEqual([]);
  });
});

describe("retries, owned by TanStack with the client's policy", () => {
  it("a typed 403 is one request, not retried", async () => {
    const queries = createCommunityQueries(communityClient({ token: TEST_TOKENS.courseMember }));
    const error = await queryClient()
      .fetchQuery(queries.getCourseDashboardUsers(1))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(requests).toHaveLength(1);
  });

  it("a 429 is retried after its Retry-After, by TanStack (the client makes one request per try)", async () => {
    server.use(throttled({ retryAfter: 1, times: 1 }));
    const queries = createCommunityQueries(communityClient());
    const observer = new QueryObserver(
      queryClient(),
      queries.getCourseDashboardUsers(1, { limit: 2 }),
    );
    const failures: unknown[] = [];
    const unsubscribe = observer.subscribe((result) => {
      if (result.failureReason) failures.push(result.failureReason);
    });
    const started = performance.now();
    const result = await observer.refetch();
    unsubscribe();
    expect(result.data?.results).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(failures[0]).toBeInstanceOf(RateLimitError);
    expect(result.failureCount).toBe(0);
    expect(requests).toHaveLength(2);
  });

  it("a Retry-After over the client's 60 s is not waited for", async () => {
    server.use(throttled({ retryAfter: 3600 }));
    const queries = createCommunityQueries(communityClient());
    const error = await queryClient()
      .fetchQuery(queries.getCourseDashboardUsers(1))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(requests).toHaveLength(1);
  });
});

describe("cancellation", () => {
  it("a cancelled query aborts its request", async () => {
    let aborted: Promise<void> | undefined;
    server.use(
      http.get(USERS, ({ request }) => {
        aborted = new Promise((resolve) =>
          request.signal.addEventListener("abort", () => resolve()),
        );
        return new Promise<never>(() => {});
      }),
    );
    const signals: AbortSignal[] = [];
    const client = communityClient({
      fetch: (input, init) => {
        if (init?.signal) signals.push(init.signal);
        return fetch(input, init);
      },
    });
    const cache = queryClient();
    const options = createCommunityQueries(client).getCourseDashboardUsers(1);
    const fetching = cache.fetchQuery(options).catch((e: unknown) => e);
    await expect.poll(() => requests.length).toBe(1);
    await cache.cancelQueries({ queryKey: options.queryKey });
    expect(await fetching).toBeInstanceOf(CancelledError);
    expect(signals[0]?.aborted).toBe(true);
    await expect(aborted).resolves.toBeUndefined();
  });
});
