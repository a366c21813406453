// Public API of @community-api/query.
export type { InfiniteQueries, OperationKeys, OperationQueries } from "./generated/operations.js";
export {
  type CommunityQueries,
  type CommunityQueriesOptions,
  createCommunityQueries,
} from "./queries.js";
export { retry, retryDelay } from "./retry.js";
export type {
  CommunityInfiniteQueryOptions,
  CommunityQueryError,
  CommunityQueryOptions,
  IdOrSkip,
  InfiniteQuery,
  InfiniteQueryKeyOf,
  KeyRoot,
  OperationKey,
  QueryKeyOf,
  RetryOptions,
  TaggedInfiniteQueryKey,
  TaggedQueryKey,
} from "./types.js";
