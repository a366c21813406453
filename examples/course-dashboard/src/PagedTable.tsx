// One list of the API on the infinite options: loading, error, empty, the table of what has
// been loaded, and "Load more" while there is a next page.
import type { CommunityQueryError } from "@community-api/query";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorState } from "./ErrorState.tsx";

interface Props<T> {
  list: UseInfiniteQueryResult<InfiniteData<{ count: number; results: T[] }>, CommunityQueryError>;
  /** What the rows are, for the caption: "users". */
  noun: string;
  loading: string;
  empty: string;
  columns: string[];
  /** The cells of an item's row, one per column. */
  cells: (item: T) => ReactNode[];
  courseId: string;
  baseUrl: string;
}

export function PagedTable<T extends { id: number }>(props: Props<T>) {
  const { list, courseId, baseUrl } = props;
  const items = list.data?.pages.flatMap((page) => page.results) ?? [];
  if (list.isPending) return <p role="status">{props.loading}</p>;
  if (list.isError && !list.data) {
    return <ErrorState error={list.error} courseId={courseId} baseUrl={baseUrl} />;
  }
  if (items.length === 0) return <p role="status">{props.empty}</p>;
  return (
    <>
      <table>
        <caption>
          {items.length} of {list.data?.pages[0]?.count} {props.noun}
        </caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              {props.cells(item).map((cell, i) => (
                <td key={props.columns[i]}>{cell}</td>
              ))}
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
  );
}
