// Types of provenance.mjs for TypeScript consumers (tests, docs scripts).

/** An item's `x-source`. */
export interface Source {
  from?: string;
  page?: string;
  reason?: string;
}
/** The values of `x-source.from`. */
export const SOURCE_KINDS: string[];
/** An item's description with its provenance marked. */
export function withProvenance(source: Source, description: string): string;
/** Marks, in place, the description of every item of `node` that has an `x-source`. */
export function markProvenance<T>(node: T): T;
