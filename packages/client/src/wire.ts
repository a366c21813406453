// The wire format of parameters, as the API reads them (see the spec's `Statuses` parameter).

/**
 * Serializes query parameters. An array becomes ONE parameter holding a JSON array
 * (`statuses=%5B%22joined%22%2C%22manager%22%5D`), never repeated keys, brackets or a comma
 * list, which is what the API parses; a single value goes out bare (`statuses=creator`).
 * `undefined` and `null` are left out.
 */
export function serializeQuery(query: Record<string, unknown>): string {
  let search = "";
  for (const name in query) {
    const value = query[name];
    if (value == null) continue;
    search += `${search ? "&" : ""}${name}=${encodeURIComponent(
      Array.isArray(value) ? JSON.stringify(value) : String(value),
    )}`;
  }
  return search;
}

const ID = /^[0-9]{1,18}$/;

/**
 * A course or event id as the path wants it: a number or a string of digits. Anything else is
 * rejected before a request is sent, with the offending value in the message.
 */
export function toPathId(id: number | string): string {
  const text = typeof id === "number" && Number.isSafeInteger(id) ? String(id) : id;
  if (typeof text === "string" && ID.test(text)) return text;
  throw new TypeError(
    `Invalid id ${typeof id === "string" ? JSON.stringify(id) : String(id)}: expected a non-negative integer or a string of 1 to 18 digits`,
  );
}
