// createCommunityClient: the core client (named methods on openapi-fetch) plus the iterator
// properties `paginate` and `pages`, one per list operation of the spec (generated table).
import {
  type CommunityClientOptions,
  type CommunityCoreClient,
  createCommunityCoreClient,
} from "./core.js";
import { type ItemIterators, OPERATIONS, type PageIterators } from "./generated/operations.js";
import type { GetOperationId, IteratorOptions } from "./operation-types.js";
import { iterateItems, type Page, pagesOf } from "./pagination.js";

/** One item iterator per list operation (kept from 0.1: the same as {@link ItemIterators}). */
export type CommunityPaginators = ItemIterators;
/** One page iterator per list operation (kept from 0.1: the same as {@link PageIterators}). */
export type CommunityPageIterators = PageIterators;
/** Options of the course dashboard users iterators (kept from 0.1). */
export type CourseDashboardUsersPaginationOptions = IteratorOptions<"getCourseDashboardUsers">;
export type { ItemIterators, PageIterators };

/** The core client plus the iterator properties. */
export interface CommunityClient extends CommunityCoreClient {
  /** Item iterators over every page. */
  readonly paginate: ItemIterators;
  /** Page iterators. */
  readonly pages: PageIterators;
}

type LooseIterator = (...args: never[]) => AsyncGenerator<unknown, void, undefined>;

/** Creates a client for one community. See {@link CommunityClientOptions} for the defaults. */
export function createCommunityClient(options: CommunityClientOptions): CommunityClient {
  const client = createCommunityCoreClient(options);
  const items = {} as Record<keyof ItemIterators, LooseIterator>;
  const pages = {} as Record<keyof PageIterators, LooseIterator>;
  for (const operationId of Object.keys(OPERATIONS) as GetOperationId[]) {
    const { iterator, pathParameters } = OPERATIONS[operationId];
    if (iterator === null) continue;
    const method = client[operationId] as (...args: unknown[]) => Promise<Page<unknown>>;
    const count = pathParameters.length;
    // The operation's path values first, in order, then the options.
    const pagesFor = (args: unknown[]) =>
      pagesOf(
        (query, init) => method(...args.slice(0, count), query, init),
        args[count] as IteratorOptions<GetOperationId> | undefined,
      );
    items[iterator] = (...args: unknown[]) => iterateItems(pagesFor(args));
    pages[iterator] = (...args: unknown[]) => pagesFor(args);
  }
  return Object.assign(client, {
    paginate: items as ItemIterators,
    pages: pages as PageIterators,
  });
}
