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

/**
 * A path parameter's value as the path wants it: a safe integer or a string matching the
 * parameter's pattern from the spec (e.g. an id's `^[0-9]{1,18}$`). Anything else is rejected
 * before a request is sent, with the offending value (shortened) in the message.
 */
export function toPathValue(value: unknown, name: string, pattern: RegExp): string {
  const text = typeof value === "number" && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text === "string" && pattern.test(text)) return text;
  const shown = typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : String(value);
  throw new TypeError(`Invalid ${name} ${shown}: expected a value matching ${pattern.source}`);
}
