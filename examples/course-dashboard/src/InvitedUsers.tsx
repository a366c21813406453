// The course's pending invitations, page after page.
import type { CommunityQueries } from "@community-api/query";
import { useInfiniteQuery } from "@tanstack/react-query";
import { ErrorState } from "./ErrorState.tsx";

interface Props {
  queries: CommunityQueries;
  courseId: string;
  baseUrl: string;
}

export function InvitedUsers({ queries, courseId, baseUrl }: Props) {
  const list = useInfiniteQuery(queries.infinite.courseInvitedUsers(courseId, { pageSize: 20 }));
  const users = list.data?.pages.flatMap((page) => page.results) ?? [];
  return (
    <>
      <h2>Invited users of course {courseId}</h2>
      {list.isPending ? (
        <p role="status">Loading invitations…</p>
      ) : list.isError && !list.data ? (
        <ErrorState error={list.error} courseId={courseId} baseUrl={baseUrl} />
      ) : users.length === 0 ? (
        <p role="status">Nobody is invited to this course.</p>
      ) : (
        <>
          <table>
            <caption>
              {users.length} of {list.data?.pages[0]?.count} invited users
            </caption>
            <thead>
              <tr>
                <th scope="col">Username</th>
                <th scope="col">Real name</th>
                <th scope="col">External id</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>{user.username}</td>
                  <td>{user.real_name}</td>
                  <td>{user.ext_id ?? "none"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.isError && <ErrorState error={list.error} courseId={courseId} baseUrl={baseUrl} />}
          {list.hasNextPage && (
            <button
              type="button"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {list.isFetchingNextPage ? "Loading…" : "Load more"}
            </button>
          )}
        </>
      )}
    </>
  );
}
