// The course's dashboard users: search, join-status filter, ordering, a count per join status,
// and a table that loads more pages on demand (the infinite options).
import type { DashboardOrdering, JoinStatus } from "@community-api/client";
import type { CommunityQueries } from "@community-api/query";
import { useInfiniteQuery, useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { formatDate, orderingLabel, statusLabel } from "./format.ts";
import { PagedTable } from "./PagedTable.tsx";
import { useDebounced } from "./useDebounced.ts";

const PAGE_SIZE = 20;
const { joinStatuses, orderings } = __SPEC_FACTS__;

interface Props {
  queries: CommunityQueries;
  courseId: string;
  baseUrl: string;
}

export function DashboardUsers({ queries, courseId, baseUrl }: Props) {
  const [search, setSearch] = useState("");
  const [statuses, setStatuses] = useState<JoinStatus[]>([]);
  const [ordering, setOrdering] = useState<DashboardOrdering | "">("");
  const settledSearch = useDebounced(search.trim(), 300);
  const list = useInfiniteQuery(
    queries.infinite.courseDashboardUsers(courseId, {
      pageSize: PAGE_SIZE,
      search: settledSearch || undefined,
      // No filter: the API's default statuses. Chosen ones go out in the JSON-array form.
      statuses: statuses.length ? statuses : undefined,
      ordering: ordering || undefined,
    }),
  );
  const counts = useQueries({
    queries: joinStatuses.map((status) =>
      queries.getCourseDashboardUsers(courseId, { statuses: [status], limit: 1 }),
    ),
  });
  const toggle = (status: JoinStatus) =>
    setStatuses((current) =>
      current.includes(status) ? current.filter((s) => s !== status) : [...current, status],
    );

  return (
    <>
      <h2>Dashboard users of course {courseId}</h2>
      <ul className="counts" aria-label="Users per join status">
        {joinStatuses.map((status, i) => (
          <li key={status}>
            {statusLabel(status)}:{" "}
            <span>{counts[i]?.data?.count ?? (counts[i]?.isError ? "–" : "…")}</span>
          </li>
        ))}
      </ul>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Search
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </label>
        <fieldset>
          <legend>Join status</legend>
          {joinStatuses.map((status) => (
            <label key={status} className="check">
              <input
                type="checkbox"
                checked={statuses.includes(status)}
                onChange={() => toggle(status)}
              />
              {statusLabel(status)}
            </label>
          ))}
        </fieldset>
        <label>
          Order
          <select
            value={ordering}
            onChange={(event) => setOrdering(event.target.value as DashboardOrdering | "")}
          >
            <option value="">API default</option>
            {orderings.map((value) => (
              <option key={value} value={value}>
                {orderingLabel(value)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <PagedTable
        list={list}
        noun="users"
        loading="Loading users…"
        empty="No users match these filters."
        columns={["Username", "Real name", "Join status", "Completion", "Last active", "Joined"]}
        cells={(user) => [
          user.username,
          user.real_name,
          statusLabel(user.join_status),
          `${Math.round(user.user_completion_rate)} %`,
          formatDate(user.last_active_at),
          formatDate(user.joined_at),
        ]}
        courseId={courseId}
        baseUrl={baseUrl}
      />
    </>
  );
}
