// The options of verify() and the shape of its report, with the limits that bound both.
import type { Location, Severity } from "./check.js";
import type { Shown } from "./mask.js";
import type { Source } from "./provenance.js";

/** Options of {@link verify}. */
export interface VerifyOptions {
  /** Your community's base URL, e.g. `https://community.example.com`. Required. */
  baseUrl: string;
  /** The bearer token. Sent to the base URL's origin only, and cut out of the report. Required. */
  token?: string | undefined;
  /** The id to use per resource (`{ course: 42, event: 7 }`); operations of a resource without one are skipped. Default: none. */
  ids?: Readonly<Record<string, string | number | undefined>> | undefined;
  /** Pages to walk per parameter combination, with the client's page iterators. Default: `3`. */
  pages?: number | undefined;
  /** Combinations run at once (each walks its pages one after the other). Default: `2`. */
  concurrency?: number | undefined;
  /** The fetch to send requests with. Default: `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch | undefined;
  /** The client's retries of a GET after a network error, a timeout, 408, 429 or 5xx. Default: the client's (`2`). */
  maxRetries?: number | undefined;
  /** Time limit of each attempt, in ms, until its body is read. Default: the client's `DEFAULT_TIMEOUT` (`30_000`). */
  timeout?: number | undefined;
  /**
   * The most bytes of any response body read, counted decoded (after gzip or deflate), the
   * verifier's own copy included; a longer answer is a `too-large` finding and its transfer is
   * stopped. Default: the client's `MAX_RESPONSE_SIZE` (16 MiB).
   */
  maxResponseSize?: number | undefined;
  /**
   * Time limit of the whole run, in ms: what is not done by then is reported as not checked.
   * Default: {@link DEFAULT_RUN_TIMEOUT} (`120_000`).
   */
  runTimeout?: number | undefined;
}

/** One thing the API does that the spec does not say, with how often it was seen. */
export interface Finding {
  /** `contradiction` (the answer breaks the spec), `undocumented` (it carries what the spec does not describe; lower severity) or `unchecked` (it could not be checked: `too-large`). */
  readonly severity: Severity;
  readonly operationId: string;
  /** What kind of difference: `status`, `header`, `content-type`, `not-json`, `type`, `enum`, `required`, `format`, `no-match`, `link`, `redirect`, `rejected`, `pagination`, `too-large`, `undocumented`, ... */
  readonly kind: string;
  readonly location: Location;
  /** JSON pointer into the body with array indices as `*` (a header's name for `header`); server-sent names under the name rule. */
  readonly pointer: string;
  /** The concrete pointer of the first occurrence. */
  readonly example: string;
  /** What the spec says. */
  readonly spec: string;
  /** What arrived, masked: its type and a short value. */
  readonly actual: Shown;
  /**
   * Where the spec takes what the finding contradicts from: the `x-source` of the nearest spec
   * node that has one (the property, its schema, the parameter, the response), with its page or
   * reason clipped; null when none does (an undeclared status, a redirect).
   */
  readonly source: Source | null;
  /** The first request that showed it (method, path and query; never a header). */
  readonly request: string;
  /** How many distinct requests showed it. */
  readonly requests: number;
  /**
   * How many list items showed it, of the items checked; or, for what is not inside an item,
   * how many responses of the same status (`status`; null: of every status) showed it.
   */
  readonly seen: {
    readonly count: number;
    readonly of: number;
    readonly unit: "items" | "responses";
    readonly status: number | null;
  };
  /** On the `…` finding of a schema: how many more distinct names it had past those listed. */
  readonly more?: number;
}

/** What was done for one operation. */
export interface OperationSummary {
  readonly operationId: string;
  readonly request: string;
  /** Why the operation was not called, or null. */
  readonly skipped: string | null;
  /** The parameter combinations called (their labels), probes included: the one count of combinations. */
  readonly combinations: readonly string[];
  /** How many of them had an answer checked (a success body read whole, or a refusal of a valid request). */
  readonly checked: number;
  /** Why no combination could be checked (every one refused, too large, redirected away, failed), or null. */
  readonly notChecked: string | null;
  readonly responses: number;
  readonly items: number;
  /** Responses per status. */
  readonly statuses: Readonly<Record<string, number>>;
}

/** Why a run could not happen at all. */
export type FatalReason =
  | "bad-url"
  | "bad-argument"
  | "no-token"
  | "nothing-to-check"
  | "unauthorized"
  | "network"
  | "run-timeout";

/** The outcome of {@link verify}. Holds no token and no unmasked user data. */
export interface VerifyReport {
  readonly tool: "community-api-verify";
  readonly version: string;
  /** The base URL checked (origin and path only). */
  readonly baseUrl: string;
  /** The spec the answers were checked against. */
  readonly spec: { readonly version: string; readonly sha256: string };
  /** `consistent`: nothing contradicts the spec; `contradicted`: something does; `incomplete`: nothing does, but some answers could not be checked; `failed`: the run could not happen. */
  readonly outcome: "consistent" | "contradicted" | "incomplete" | "failed";
  /** 0 consistent, 1 contradicted, 2 incomplete or failed. */
  readonly exitCode: 0 | 1 | 2;
  /** Why the run failed, or null. */
  readonly fatal: { readonly reason: FatalReason; readonly message: string } | null;
  readonly summary: {
    /** Operations called. */
    readonly operations: number;
    readonly skipped: number;
    /** Operations called of which no combination could be checked. */
    readonly notChecked: number;
    /** Combinations called, over every operation (the sum of their `combinations`). */
    readonly combinations: number;
    readonly responses: number;
    readonly items: number;
    readonly contradictions: number;
    readonly undocumented: number;
    /** Findings of answers that could not be checked (`too-large`). */
    readonly unchecked: number;
    /**
     * The contradictions (counted as `contradictions` counts them) per the `from` of their
     * {@link Finding.source}: `{ reference: 2, inferred: 1, unmarked: 1 }`, `unmarked` for those
     * whose spec item has no `x-source` near it; `{}` without contradictions.
     */
    readonly bySource: Readonly<Record<string, number>>;
    /** What the report leaves out to stay bounded: findings past {@link MAX_FINDINGS} (or the size cap), and undocumented names past those listed per schema. */
    readonly leftOut: { readonly findings: number; readonly names: number };
  };
  readonly operations: readonly OperationSummary[];
  readonly findings: readonly Finding[];
  /** What the reader should know besides the findings: refusals, probes answered otherwise, what could not be checked. */
  readonly notes: readonly string[];
}

/** Default pages walked per combination. */
export const DEFAULT_PAGES = 3;
/** Default combinations in flight at once. */
export const DEFAULT_CONCURRENCY = 2;
/** Default time limit of a whole run, in ms: 2 minutes. */
export const DEFAULT_RUN_TIMEOUT = 120_000;
/** The most findings a report lists; the rest are counted in `summary.leftOut.findings`. */
export const MAX_FINDINGS = 200;
/** The most bytes of a report as JSON (the text and markdown forms are smaller). */
export const MAX_REPORT_BYTES = 1_000_000;
