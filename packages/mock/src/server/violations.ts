// Reading Prism's verdict. Prism runs as a validating proxy without --errors, so it reports
// what it found in the `sl-violations` response header and lets the mock's answer through;
// this module decides whether that answer still honours the contract.

/** One finding of Prism, as it serialises them in `sl-violations`. */
export interface Violation {
  readonly location: readonly string[];
  readonly severity: string;
  readonly code?: string | number;
  readonly message: string;
}

export function parseViolations(header: string | undefined): Violation[] {
  if (header === undefined || header === "") return [];
  try {
    const parsed: unknown = JSON.parse(header);
    if (Array.isArray(parsed)) return parsed as Violation[];
  } catch {
    // Prism truncates long lists as "Too many violations! [...": still a finding.
  }
  return [{ location: ["response"], severity: "Error", message: header }];
}

const isError = (v: Violation) => v.severity === "Error";
const at = (place: string) => (v: Violation) => v.location[0] === place;

/**
 * Why the answer breaks the contract, or `undefined` when it is fine:
 * - any response finding, even a warning (Prism only warns about an undeclared 4xx status):
 *   the mock sent something the spec does not allow;
 * - a success for a request Prism found invalid: the mock accepted what the spec forbids
 *   (a 4xx for such a request is the correct answer, and then the finding is expected);
 * - a success on a route Prism does not know: the mock serves something the spec lacks.
 */
export function contractBreach(
  status: number,
  violations: readonly Violation[],
): string | undefined {
  if (violations.some(at("response"))) {
    return "the mock's response violates the spec";
  }
  if (status < 400 && violations.some((v) => at("request")(v) && isError(v))) {
    return "the mock accepted a request the spec rejects";
  }
  if (status < 400 && violations.some((v) => v.message === "Selected route not found")) {
    return "the mock answered a route the spec does not define";
  }
  return undefined;
}

/**
 * The API's 400 body for the request parameters Prism found invalid, or `undefined` if it found
 * none. In static and dynamic modes Prism answers an invalid request with the spec's first 400
 * example (or a generated one), which names whatever parameter that example names; this body
 * names the ones that are actually wrong, with Prism's message.
 */
export function badRequestBody(violations: readonly Violation[]): string | undefined {
  const fields = new Map<string, { code: string; message: string }[]>();
  for (const v of violations) {
    const [place, where, name] = v.location;
    if (place !== "request" || !isError(v) || (where !== "query" && where !== "path") || !name) {
      continue;
    }
    const messages = fields.get(name) ?? [];
    messages.push({ code: "invalid", message: v.message });
    fields.set(name, messages);
  }
  if (fields.size === 0) return undefined;
  return JSON.stringify({
    errors: [...fields].map(([field, messages]) => ({ field, messages })),
  });
}
