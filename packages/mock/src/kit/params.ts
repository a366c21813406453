// Query parameter validation, shared by the HTTP mock and the in-process kit, driven by each
// parameter's facts from the spec (type, minimum, enum, default, JSON-array form). The rules are
// at least as strict as the spec (Prism checks every request against it): whatever Prism rejects
// is rejected here too, with a 400 naming the parameter, in the API's error shape (the wording
// Django REST framework uses).
import { DEFAULTS, OPERATIONS, type ParsedQueries } from "./generated/operations.js";
import type { DashboardOrdering, JoinStatus } from "./model.js";

/** One `{ field, messages }` item of a 400 body. */
export interface FieldError {
  readonly field: string;
  readonly messages: readonly { readonly code: string; readonly message: string }[];
}

/** A list operation of the spec. */
export type ListOperationId = keyof typeof OPERATIONS;

/** What a query parameter's validation needs, as the generated table holds it. */
type ParameterFacts = {
  readonly name: string;
  readonly type: string | null;
  readonly minimum?: number;
  readonly default?: unknown;
  readonly enum?: readonly string[];
  readonly jsonArray?: { readonly enum: readonly string[] | null; readonly pattern: string | null };
};

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: FieldError[] };

/** `statuses` default, from the spec (`StatusesFilter.default`). */
export const DEFAULT_STATUSES = JSON.parse(DEFAULTS.StatusesFilter) as readonly JoinStatus[];
/** `ordering` default, from the spec (`DashboardOrdering.default`). */
export const DEFAULT_ORDERING: DashboardOrdering = DEFAULTS.DashboardOrdering;
const fieldError = (field: string, code: string, message: string): FieldError => ({
  field,
  messages: [{ code, message }],
});

/** Quotes a user-supplied value for a message, shortened so a hostile value cannot bloat it. */
function quote(value: string): string {
  const chars = Array.from(value);
  return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 40).join("")}…` : value);
}

type Single = { value: string | undefined } | { error: FieldError };

/** The one value of a parameter; empty counts as absent (as Prism and DRF treat it). */
function single(query: URLSearchParams, name: string): Single {
  const values = query.getAll(name);
  if (values.length > 1) {
    return {
      error: fieldError(name, "invalid", `Expected a single value, got ${values.length}.`),
    };
  }
  const value = values[0];
  return { value: value === "" ? undefined : value };
}

function integer(
  query: URLSearchParams,
  name: string,
  min: bigint,
): bigint | undefined | FieldError {
  const got = single(query, name);
  if ("error" in got) return got.error;
  if (got.value === undefined) return undefined;
  // An optional sign and digits only: Prism also lets " 1", "1e2", "0x10" or "1.0" through
  // (JavaScript coercion), the API's integer parsing does not. A negative integer is an integer:
  // it fails the minimum below, with the message that says so.
  if (!/^-?[0-9]+$/.test(got.value)) {
    return fieldError(name, "invalid", "A valid integer is required.");
  }
  const value = BigInt(got.value);
  if (value < min) {
    return fieldError(name, "min_value", `Ensure this value is greater than or equal to ${min}.`);
  }
  return value;
}

/** A JSON-array parameter (e.g. `statuses`): one bare item, or ONE JSON array of items. */
function jsonArray(
  query: URLSearchParams,
  facts: ParameterFacts & { jsonArray: NonNullable<ParameterFacts["jsonArray"]> },
): readonly string[] | FieldError {
  const { name } = facts;
  const got = single(query, name);
  if ("error" in got) return got.error;
  const raw = got.value;
  const items: readonly string[] = facts.jsonArray.enum ?? [];
  if (raw === undefined) {
    return typeof facts.default === "string" ? (JSON.parse(facts.default) as string[]) : [];
  }
  if (items.includes(raw)) return [raw];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  // Both the spec's pattern and JSON must accept it: the pattern allows whitespace JSON does
  // not (e.g. U+00A0), JSON allows escapes the pattern does not (e.g. "jo\u0069ned").
  const pattern = facts.jsonArray.pattern;
  if (pattern !== null && new RegExp(pattern, "u").test(raw) && Array.isArray(parsed)) {
    return parsed as string[];
  }
  if (Array.isArray(parsed)) {
    if (parsed.length === 0) return fieldError(name, "empty", "This list may not be empty.");
    const unknown = parsed.find((item) => typeof item !== "string" || !items.includes(item));
    if (typeof unknown === "string") {
      return fieldError(name, "invalid_choice", `${quote(unknown)} is not a valid choice.`);
    }
  } else if (!raw.trimStart().startsWith("[")) {
    return fieldError(name, "invalid_choice", `${quote(raw)} is not a valid choice.`);
  }
  return fieldError(
    name,
    "invalid",
    `Expected one value or a JSON array of values, e.g. ${JSON.stringify(items.slice(0, 2))}.`,
  );
}

/** An enum parameter (e.g. `ordering`). */
function choice(query: URLSearchParams, facts: ParameterFacts): string | undefined | FieldError {
  const got = single(query, facts.name);
  if ("error" in got) return got.error;
  if (got.value === undefined) return facts.default as string | undefined;
  if (facts.enum?.includes(got.value)) return got.value;
  return fieldError(facts.name, "invalid_choice", `${quote(got.value)} is not a valid choice.`);
}

/** A plain string parameter (e.g. `search`); empty counts as absent. */
function text(query: URLSearchParams, facts: ParameterFacts): string | undefined | FieldError {
  const got = single(query, facts.name);
  if ("error" in got) return got.error;
  return got.value ?? (facts.default as string | undefined);
}

const isError = (value: unknown): value is FieldError =>
  typeof value === "object" && value !== null && "field" in value;

function parameter(query: URLSearchParams, facts: ParameterFacts): unknown {
  if (facts.jsonArray) return jsonArray(query, { ...facts, jsonArray: facts.jsonArray });
  if (facts.enum) return choice(query, facts);
  if (facts.type === "integer") {
    const value = integer(query, facts.name, BigInt(facts.minimum ?? Number.MIN_SAFE_INTEGER));
    return value === undefined && typeof facts.default === "number" ? BigInt(facts.default) : value;
  }
  return text(query, facts);
}

/**
 * Every query parameter of a list operation, validated by its facts; all invalid ones are
 * reported at once, in the spec's order. Parameters the spec does not declare are ignored, as
 * the API ignores them.
 */
export function parseQuery<Op extends ListOperationId>(
  operationId: Op,
  query: URLSearchParams,
): Parsed<ParsedQueries[Op]> {
  const value: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const facts of OPERATIONS[operationId].query as readonly ParameterFacts[]) {
    const parsed = parameter(query, facts);
    if (isError(parsed)) errors.push(parsed);
    else value[facts.name] = parsed;
  }
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, value: value as ParsedQueries[Op] };
}

/**
 * Search terms as Django REST framework's SearchFilter splits them: NUL removed, commas and
 * whitespace separate terms; each term must match.
 */
export function searchTerms(search: string | undefined): string[] {
  return (search ?? "")
    .replace(/\0/g, "")
    .split(/[\s,]+/u)
    .filter((term) => term !== "");
}
