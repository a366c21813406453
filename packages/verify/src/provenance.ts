// Where the spec takes what a finding concerns from: the spec's own `x-source` extension
// (`{ from: reference | provider-page | sdk, page }` or `{ from: inferred, reason }`), read from
// the bundled spec the checker already holds, on the nearest node that has one (the property,
// its schema, the parameter, the response). Nothing here lists the spec's items or their
// sources: a new mark in the spec shows in the report with no change here.
import { clip } from "./mask.js";

/** The spec's provenance of the item a finding concerns, as its nearest `x-source` says. */
export interface Source {
  /** `x-source.from`: `reference` (the endpoint reference pages), `provider-page` (another page of the provider), `sdk` (the official SDK) or `inferred` (ours). */
  readonly from: string;
  /** The page (or part of the SDK) it comes from, for all but `inferred`; clipped to {@link MAX_SOURCE_TEXT}. */
  readonly page?: string;
  /** Why we infer it, for `inferred`; clipped to {@link MAX_SOURCE_TEXT}. */
  readonly reason?: string;
  /** The JSON pointer, in the bundled spec, of the node whose `x-source` this is. */
  readonly at: string;
}

/** The most characters of a page or reason a finding carries (a report's strings are clipped at 300 anyway). */
export const MAX_SOURCE_TEXT = 160;

/** The only kind of source that is ours rather than the provider's. */
export const INFERRED = "inferred";

/** The key of `summary.bySource` that counts contradictions whose nearest spec node has no `x-source`. */
export const UNMARKED = "unmarked";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A node's `x-source` as a {@link Source}, or null when it has none (or not one of this shape). */
export function readSource(node: unknown, at: string): Source | null {
  if (!isObject(node)) return null;
  const mark = node["x-source"];
  if (!isObject(mark) || typeof mark.from !== "string" || mark.from === "") return null;
  const text = (value: unknown) =>
    typeof value === "string" && value !== "" ? clip(value, MAX_SOURCE_TEXT) : undefined;
  const page = text(mark.page);
  const reason = text(mark.reason);
  return {
    from: clip(mark.from, 40),
    ...(page !== undefined && { page }),
    ...(reason !== undefined && { reason }),
    at,
  };
}

/** `reference: Get Course Invited Users`, `inferred: seen in real payloads…`, or `not marked in the spec`. */
export function describeSource(source: Source | null): string {
  if (!source) return "not marked in the spec (no x-source on it or around it)";
  const detail = source.from === INFERRED ? source.reason : source.page;
  return detail ? `${source.from}: ${detail}` : source.from;
}

/** How many of the sources are of each kind: `{ reference: 2, inferred: 1, unmarked: 1 }`, in the order first seen. */
export function countSources(sources: Iterable<Source | null>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const source of sources) {
    const key = source?.from ?? UNMARKED;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
