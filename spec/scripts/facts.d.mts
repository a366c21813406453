// Types of facts.mjs for TypeScript consumers (tests, docs scripts).
// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked structurally.
type Json = any;

/** Follows local `#/...` references; throws, naming the reference, when one does not resolve. */
export function deref(doc: Json, node: Json): Json;
/** Properties of an object schema, `allOf` parts merged in (own properties win). */
export function propertiesOf(doc: Json, schema: Json): Record<string, Json>;
/** `getCourseDashboardUsers` -> `courseDashboardUsers`. */
export function iteratorKey(operationId: string): string;
/** The operation facts of a bundled OpenAPI document (spec/dist/operations.json without the fingerprint). */
export function deriveFacts(doc: Json): {
  operations: Json[];
  enums: Record<string, unknown[]>;
  defaults: Record<string, unknown>;
};
