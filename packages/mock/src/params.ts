// Query parameter validation, shared by the HTTP mock and the in-process kit. The rules are at
// least as strict as the spec (Prism checks every request against it): whatever Prism rejects
// is rejected here too, with a 400 naming the parameter, in the API's error shape.
import {
  DASHBOARD_ORDERINGS,
  type DashboardOrdering,
  JOIN_STATUSES,
  type JoinStatus,
} from "./model.js";

/** One `{ field, messages }` item of a 400 body. */
export interface FieldError {
  readonly field: string;
  readonly messages: readonly { readonly code: string; readonly message: string }[];
}

export interface PagingParams {
  /** `undefined` when absent or empty: the default page size applies. */
  readonly limit: bigint | undefined;
  readonly offset: bigint;
}

export interface DashboardParams extends PagingParams {
  /** Search terms (each must match username or real_name); empty = no filter. */
  readonly searchTerms: readonly string[];
  readonly statuses: readonly JoinStatus[];
  readonly ordering: DashboardOrdering;
}

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: FieldError[] };

/** `statuses` default, as the spec says. */
export const DEFAULT_STATUSES: readonly JoinStatus[] = ["manager", "joined"];
/** `ordering` default, as the spec says. */
export const DEFAULT_ORDERING: DashboardOrdering = "-joined_at";

const STATUS_NAMES = JOIN_STATUSES.join("|");
/** The spec's pattern for the JSON-array form of `statuses` (test/spec-sync.test.ts keeps them equal). */
export const STATUSES_ARRAY_PATTERN = `^\\[\\s*"(${STATUS_NAMES})"(\\s*,\\s*"(${STATUS_NAMES})")*\\s*\\]$`;
const STATUSES_ARRAY = new RegExp(STATUSES_ARRAY_PATTERN, "u");

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

function statuses(query: URLSearchParams): readonly JoinStatus[] | FieldError {
  const got = single(query, "statuses");
  if ("error" in got) return got.error;
  const raw = got.value;
  if (raw === undefined) return DEFAULT_STATUSES;
  if ((JOIN_STATUSES as readonly string[]).includes(raw)) return [raw as JoinStatus];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  // Both the spec's pattern and JSON must accept it: the pattern allows whitespace JSON does
  // not (e.g. U+00A0), JSON allows escapes the pattern does not (e.g. "jo\u0069ned").
  if (STATUSES_ARRAY.test(raw) && Array.isArray(parsed)) return parsed as JoinStatus[];
  if (Array.isArray(parsed)) {
    if (parsed.length === 0) return fieldError("statuses", "empty", "This list may not be empty.");
    const unknown = parsed.find(
      (item) => typeof item !== "string" || !(JOIN_STATUSES as readonly string[]).includes(item),
    );
    if (typeof unknown === "string") {
      return fieldError("statuses", "invalid_choice", `${quote(unknown)} is not a valid choice.`);
    }
  } else if (!raw.trimStart().startsWith("[")) {
    return fieldError("statuses", "invalid_choice", `${quote(raw)} is not a valid choice.`);
  }
  return fieldError(
    "statuses",
    "invalid",
    'Expected a join status or a JSON array of join statuses, e.g. ["joined","manager"].',
  );
}

function ordering(query: URLSearchParams): DashboardOrdering | FieldError {
  const got = single(query, "ordering");
  if ("error" in got) return got.error;
  if (got.value === undefined) return DEFAULT_ORDERING;
  if ((DASHBOARD_ORDERINGS as readonly string[]).includes(got.value)) {
    return got.value as DashboardOrdering;
  }
  return fieldError("ordering", "invalid_choice", `${quote(got.value)} is not a valid choice.`);
}

function searchTerms(query: URLSearchParams): readonly string[] | FieldError {
  const got = single(query, "search");
  if ("error" in got) return got.error;
  // As Django REST framework's SearchFilter: NUL removed, commas and whitespace separate terms.
  return (got.value ?? "")
    .replace(/\0/g, "")
    .split(/[\s,]+/u)
    .filter((term) => term !== "");
}

const isError = (value: unknown): value is FieldError =>
  typeof value === "object" && value !== null && "field" in value;

/** `limit` and `offset`, the parameters of every list. */
export function parsePaging(query: URLSearchParams): Parsed<PagingParams> {
  const limit = integer(query, "limit", 1n);
  const offset = integer(query, "offset", 0n);
  const errors = [limit, offset].filter(isError);
  if (isError(limit) || isError(offset)) return { ok: false, errors };
  return { ok: true, value: { limit, offset: offset ?? 0n } };
}

/** Every parameter of the course dashboard users list; all invalid ones are reported at once. */
export function parseDashboard(query: URLSearchParams): Parsed<DashboardParams> {
  const paging = parsePaging(query);
  const terms = searchTerms(query);
  const wanted = statuses(query);
  const order = ordering(query);
  const errors = [...(paging.ok ? [] : paging.errors), ...[terms, wanted, order].filter(isError)];
  if (!paging.ok || isError(terms) || isError(wanted) || isError(order))
    return { ok: false, errors };
  return {
    ok: true,
    value: { ...paging.value, searchTerms: terms, statuses: wanted, ordering: order },
  };
}
