// Provenance as data: each schema, property, parameter and response of the spec says where it
// comes from in `x-source` (`{ from, page }` or `{ from: inferred, reason }`):
//   reference      one of the three seed reference pages states it (`page`: its title)
//   provider-page  another public page of the provider states it (`page`: which)
//   sdk            the provider's official SDK does it (`page`: what of it)
//   inferred       we infer it (`reason`: why)
// The docs and the generated types show it as text beside the item, through `withProvenance`.

/** The values of `x-source.from`. */
export const SOURCE_KINDS = ["reference", "provider-page", "sdk", "inferred"];

/**
 * An item's description with its provenance marked: "(inferred: reason)" first, unless the
 * description already starts with its own "(inferred" mark; "(source: page)" last for another
 * page of the provider or its SDK (after any inferred mark of a bound or `required`); the
 * description unchanged for what the seed pages state.
 * @param {{ from?: string, page?: string, reason?: string }} source
 * @param {string} description
 * @returns {string}
 */
export function withProvenance(source, description) {
  if (source.from === "inferred" && !description.startsWith("(inferred")) {
    const mark = `(inferred: ${source.reason ?? "no reason given"})`;
    return [mark, description].filter(Boolean).join(" ");
  }
  if (source.from === "provider-page" || source.from === "sdk") {
    return [description.trimEnd(), `(source: ${source.page})`].filter(Boolean).join(" ");
  }
  return description;
}

/**
 * Marks, in place, the description of every item of `node` that has an `x-source` (examples
 * are data and left alone).
 * @template T
 * @param {T} node an OpenAPI document or part of one
 * @returns {T} the same node
 */
export function markProvenance(node) {
  if (!node || typeof node !== "object") return node;
  if (Array.isArray(node)) {
    for (const item of node) markProvenance(item);
    return node;
  }
  const item = /** @type {Record<string, unknown>} */ (node);
  const source = item["x-source"];
  if (source && typeof source === "object") {
    const description = typeof item.description === "string" ? item.description : "";
    const marked = withProvenance(/** @type {{ from?: string }} */ (source), description);
    if (marked) item.description = marked;
  }
  for (const [key, value] of Object.entries(item)) {
    if (key !== "x-source" && key !== "examples" && key !== "example") markProvenance(value);
  }
  return node;
}
