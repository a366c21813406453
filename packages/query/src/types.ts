// The types of the options this package returns, from query-core's types and the client's
// operation types: nothing here names an operation.
import type {
  ApiError,
  CommunityId,
  GetOperationId,
  ListOperationId,
  NamedQuery,
  ResponseOf,
} from "@community-api/client";
import type {
  DataTag,
  InfiniteData,
  QueryFunction,
  QueryKey,
  SkipToken,
} from "@tanstack/query-core";

/**
 * What a query of this package fails with: one of the client's typed errors (`ApiError` and its
 * subclasses, e.g. `PermissionDeniedError`), or the `TypeError` of an id or token the client
 * refuses before sending.
 */
export type CommunityQueryError = ApiError | TypeError;

/** The start of every key: this package's name, the scope (or null) and the community's base URL. */
export type KeyRoot = readonly ["community-api", string | null, string];

/** A key prefix of one operation: the root, the operationId, then its path values (ids) if given. */
export type OperationKey<Op extends GetOperationId> = readonly [...KeyRoot, Op, ...string[]];

/** The key of a plain query: the operation's prefix, its ids, then the normalised query. */
export type QueryKeyOf<Op extends GetOperationId> = readonly [...KeyRoot, Op, ...unknown[]];

/** The key of an infinite query: the operation's prefix, its ids, `"infinite"`, the normalised query. */
export type InfiniteQueryKeyOf<Op extends ListOperationId> = readonly [
  ...KeyRoot,
  Op,
  ...unknown[],
];

/** The query of the infinite options: the list's filters, and the page size as the iterators name it. */
export type InfiniteQuery<Op extends ListOperationId> = Omit<NamedQuery<Op>, "limit" | "offset"> & {
  /** Page size, sent as `limit`. Default: the server's. */
  pageSize?: number | undefined;
};

/** A plain query's key, tagged with its data and error types (query-core's `DataTag`). */
export type TaggedQueryKey<Op extends GetOperationId> = DataTag<
  QueryKeyOf<Op>,
  ResponseOf<Op>,
  CommunityQueryError
>;

/** An infinite query's key, tagged with its data (`InfiniteData` of pages) and error types. */
export type TaggedInfiniteQueryKey<Op extends ListOperationId> = DataTag<
  InfiniteQueryKeyOf<Op>,
  InfiniteData<ResponseOf<Op>, number>,
  CommunityQueryError
>;

/** TanStack's `retry` and `retryDelay`, applying the client's retry policy (see `retry`). */
export interface RetryOptions {
  /** Whether to try again after `failureCount` failures; see {@link retry}. */
  retry: (failureCount: number, error: CommunityQueryError) => boolean;
  /** How long to wait (ms) before the next try; see {@link retryDelay}. */
  retryDelay: (failureCount: number, error: CommunityQueryError) => number;
}

/** Query options of an operation, for `useQuery`, `queryClient.fetchQuery` and the like. */
export interface CommunityQueryOptions<Op extends GetOperationId> extends RetryOptions {
  /** Tagged with the data and error types, so that `queryClient.getQueryData(key)` is typed. */
  queryKey: TaggedQueryKey<Op>;
  /**
   * Calls the client's named method; `skipToken` when the id is. It reads no key: typed with
   * any key, so that adapters which map the key's type (vue-query's `MaybeRef` forms) take it.
   */
  queryFn: QueryFunction<ResponseOf<Op>, QueryKey> | SkipToken;
}

/** Infinite query options of a list operation: the page parameter is the offset. */
export interface CommunityInfiniteQueryOptions<Op extends ListOperationId> extends RetryOptions {
  /** Tagged with the data (`InfiniteData` of pages) and error types. */
  queryKey: TaggedInfiniteQueryKey<Op>;
  /** Fetches the page at the offset; `skipToken` when the id is. */
  queryFn: QueryFunction<ResponseOf<Op>, QueryKey, number> | SkipToken;
  /** `0`: the first page. */
  initialPageParam: number;
  /** The offset of the page's `next` link, `undefined` on the last page. */
  getNextPageParam: (lastPage: ResponseOf<Op>) => number | undefined;
  /** The offset of the page's `previous` link, `undefined` on the first page. */
  getPreviousPageParam: (firstPage: ResponseOf<Op>) => number | undefined;
}

/** An id, or `skipToken` for one that is not known yet. */
export type IdOrSkip = CommunityId | SkipToken;
