// @vitest-environment happy-dom
// In React, as an app uses it: the options go to @tanstack/react-query's hooks as they are. The
// mock's MSW handlers answer; the component renders what a manager would see.
import { createCommunityQueries } from "@community-api/query";
import {
  QueryClient,
  QueryClientProvider,
  useInfiniteQuery,
  useQuery,
} from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { communityClient, requests, withMsw } from "./support/msw.js";

withMsw();
afterEach(cleanup);
const queries = createCommunityQueries(communityClient());

function Dashboard() {
  const count = useQuery(queries.getCourseDashboardUsers(1, { statuses: "joined", limit: 1 }));
  const list = useInfiniteQuery(queries.infinite.courseDashboardUsers(1, { pageSize: 3 }));
  const users = list.data?.pages.flatMap((page) => page.results) ?? [];
  return (
    <div>
      <p>joined: {count.data?.count ?? "…"}</p>
      <ul>
        {users.map((user) => (
          <li key={user.id}>{user.username}</li>
        ))}
      </ul>
      {list.hasNextPage && (
        <button type="button" onClick={() => list.fetchNextPage()}>
          more
        </button>
      )}
    </div>
  );
}

it("renders a count and a list from the hooks, and loads more", async () => {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <Dashboard />
    </QueryClientProvider>,
  );
  expect(await screen.findByText(/^joined: \d+$/)).toBeTruthy();
  await expect.poll(() => screen.queryAllByRole("listitem").length).toBe(3);
  fireEvent.click(screen.getByRole("button", { name: "more" }));
  await expect.poll(() => screen.queryAllByRole("listitem").length).toBe(6);
  // The bare status went out as the JSON-array form: one key, one URL for both spellings.
  expect(requests, JSON.stringify(requests)).toContain(
    "https://community.test/api/v2/course/1/users/?statuses=%5B%22joined%22%5D&limit=1",
  );
});
