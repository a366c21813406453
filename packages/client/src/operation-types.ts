// The client's types, derived from the generated `operations` of @community-api/types and the
// generated operation table: nothing here names an operation, a parameter or a field.
import type { operations } from "@community-api/types";
import type { JsonArrayParameters, OPERATIONS } from "./generated/operations.js";
import type { PaginationOptions } from "./pagination.js";

/** The operationId of a GET operation, which has a named method. */
export type GetOperationId = keyof typeof OPERATIONS;

/** The operationId of a list operation, which has item and page iterators. */
export type ListOperationId = {
  [Op in GetOperationId]: (typeof OPERATIONS)[Op]["iterator"] extends string ? Op : never;
}[GetOperationId];

/** A path parameter (a course or event id): a non-negative integer, or a string of digits. Anything else is rejected before sending. */
export type CommunityId = number | string;

/** Per-call options of the named methods. */
export interface RequestOptions {
  /** Aborts the call, including a retry wait; the call then rejects with the signal's reason. Default: none. */
  signal?: AbortSignal | undefined;
  /** Headers for this call only, e.g. `{ "Accept-Language": "it" }`; an `Authorization` header is replaced by the client's token when it has one. Default: none. */
  headers?: Record<string, string> | undefined;
  /** Overrides the client's `maxRetries` for this call. Default: the client's (`2`). */
  maxRetries?: number | undefined;
  /** Overrides the client's `timeout` (ms) for this call. Default: the client's (`30_000`). */
  timeout?: number | undefined;
  /** Overrides the client's `maxResponseSize` (bytes) for this call. Default: the client's (16 MiB). */
  maxResponseSize?: number | undefined;
}

/**
 * The query of an operation as the spec declares it (on the wire). Exclude, not NonNullable:
 * NonNullable's `T & {}` over the generic `operations[Op]` makes tsc compute its constraint, the
 * query of EVERY operation, the first time a consumer's call resolves this alias: at 3,000
 * operations (bench/src/scale.mjs) the consumer's check made about 15,000 types with it and 300
 * without. The type of every `Op` is the same.
 */
type WireQuery<Op extends GetOperationId> = Exclude<
  operations[Op]["parameters"]["query"],
  null | undefined
>;

/**
 * The query a named method takes: the spec's query parameters, where a parameter of the
 * JSON-array form (e.g. `statuses`) takes one item (sent bare) or an array of them (sent as ONE
 * parameter holding a JSON array). Documentation of each parameter comes from the spec.
 */
export type NamedQuery<Op extends GetOperationId> = [WireQuery<Op>] extends [never]
  ? Record<string, never>
  : {
      [K in keyof WireQuery<Op>]?: K extends keyof JsonArrayParameters[Op]
        ? JsonArrayParameters[Op][K] | readonly JsonArrayParameters[Op][K][] | undefined
        : WireQuery<Op>[K] | undefined;
    };

/** The 200 JSON body of an operation (a page, for a list). */
export type ResponseOf<Op extends GetOperationId> =
  operations[Op]["responses"][200]["content"]["application/json"];

/** An item of a list operation's page. */
export type ItemOf<Op extends GetOperationId> =
  ResponseOf<Op> extends {
    results: readonly (infer Item)[];
  }
    ? Item
    : never;

/** What the iterators of an operation take: its filters plus {@link PaginationOptions}. */
export type IteratorOptions<Op extends GetOperationId> = PaginationOptions &
  Omit<NamedQuery<Op>, "limit" | "offset">;
