// The course's pending invitations, page after page.
import type { CommunityQueries } from "@community-api/query";
import { useInfiniteQuery } from "@tanstack/react-query";
import { PagedTable } from "./PagedTable.tsx";

interface Props {
  queries: CommunityQueries;
  courseId: string;
  baseUrl: string;
}

export function InvitedUsers({ queries, courseId, baseUrl }: Props) {
  const list = useInfiniteQuery(queries.infinite.courseInvitedUsers(courseId, { pageSize: 20 }));
  return (
    <>
      <h2>Invited users of course {courseId}</h2>
      <PagedTable
        list={list}
        noun="invited users"
        loading="Loading invitations…"
        empty="Nobody is invited to this course."
        columns={["Username", "Real name", "External id"]}
        cells={(user) => [user.username, user.real_name, user.ext_id ?? "none"]}
        courseId={courseId}
        baseUrl={baseUrl}
      />
    </>
  );
}
