// verify(): calls each operation of the spec in the combinations the plan derives, through the
// typed client (its retries, its Retry-After, its iterators), records every answer and checks
// it against the bundled spec, then folds what it found into a report.
import {
  ApiError,
  createCommunityClient,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
} from "@community-api/client";
import { ExchangeChecker, type Issue, type Location, type Severity } from "./check.js";
import { type OperationFact, type OperationFacts, resourcesOf } from "./facts.js";
import { redactDeep, redactor, type Shown } from "./mask.js";
import { type Case, planCases } from "./plan.js";
import { type Exchange, recordingFetch } from "./record.js";
import { SpecSchemas } from "./schemas.js";
import { loadFacts, loadSpec, packageVersion } from "./spec-files.js";

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
  /** The client's time limit per attempt, in ms. Default: the client's (`30_000`). */
  timeout?: number | undefined;
}

/** One thing the API does that the spec does not say, with how often it was seen. */
export interface Finding {
  /** `contradiction` (the answer breaks the spec) or `undocumented` (it carries what the spec does not describe; lower severity). */
  readonly severity: Severity;
  readonly operationId: string;
  /** What kind of difference: `status`, `header`, `content-type`, `not-json`, `type`, `enum`, `required`, `format`, `no-match`, `link`, `rejected`, `pagination`, `undocumented`, ... */
  readonly kind: string;
  readonly location: Location;
  /** JSON pointer into the body with array indices as `*` (a header's name for `header`). */
  readonly pointer: string;
  /** The concrete pointer of the first occurrence. */
  readonly example: string;
  /** What the spec says. */
  readonly spec: string;
  /** What arrived, masked: its type and a short value. */
  readonly actual: Shown;
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
}

/** What was done for one operation. */
export interface OperationSummary {
  readonly operationId: string;
  readonly request: string;
  /** Why the operation was not called, or null. */
  readonly skipped: string | null;
  /** The parameter combinations called (their labels). */
  readonly combinations: readonly string[];
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
  | "network";

/** The outcome of {@link verify}. Holds no token and no unmasked user data. */
export interface VerifyReport {
  readonly tool: "community-api-verify";
  readonly version: string;
  /** The base URL checked (origin and path only). */
  readonly baseUrl: string;
  /** The spec the answers were checked against. */
  readonly spec: { readonly version: string; readonly sha256: string };
  /** `consistent`: nothing contradicts the spec; `contradicted`: something does; `incomplete`: nothing does, but some combinations could not be checked; `failed`: the run could not happen. */
  readonly outcome: "consistent" | "contradicted" | "incomplete" | "failed";
  /** 0 consistent, 1 contradicted, 2 incomplete or failed. */
  readonly exitCode: 0 | 1 | 2;
  /** Why the run failed, or null. */
  readonly fatal: { readonly reason: FatalReason; readonly message: string } | null;
  readonly summary: {
    readonly operations: number;
    readonly skipped: number;
    readonly combinations: number;
    readonly responses: number;
    readonly items: number;
    readonly contradictions: number;
    readonly undocumented: number;
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

interface CaseRun {
  readonly case: Case;
  readonly exchanges: readonly Exchange[];
  readonly error: unknown;
}

type PageWalker = (...args: unknown[]) => AsyncIterable<unknown>;
type NamedMethod = (...args: unknown[]) => Promise<unknown>;

/** Runs `work` over `items` with at most `limit` at once, keeping their order. */
async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The parameter names an error body blames (its `FieldError`s), for a short account of a 400. */
function blamedFields(body: unknown): string[] {
  let parsed = body;
  if (typeof body === "string") {
    try {
      parsed = JSON.parse(body);
    } catch {
      return [];
    }
  }
  const errors = (parsed as { errors?: unknown })?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .map((e) => (e as { field?: unknown })?.field)
    .filter((field): field is string => typeof field === "string");
}

const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Checks a live community's API against the bundled spec and returns the report. It only reads
 * (GET), sends the token only to the base URL's origin, and never throws for what the API does:
 * a run that cannot happen (bad URL, token refused, network) is a report with `exitCode` 2.
 */
export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const facts = loadFacts();
  const redact = redactor(options.token);
  const report = await run(options, facts, new SpecSchemas(loadSpec()));
  return redactDeep(report, redact);
}

async function run(
  options: VerifyOptions,
  facts: OperationFacts,
  schemas: SpecSchemas,
): Promise<VerifyReport> {
  const resources = resourcesOf(facts);
  const pages = options.pages ?? DEFAULT_PAGES;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const skeleton = {
    tool: "community-api-verify" as const,
    version: packageVersion(),
    baseUrl: options.baseUrl,
    spec: { version: facts.specVersion, sha256: facts.specSha256 },
  };
  const failed = (reason: FatalReason, message: string): VerifyReport => ({
    ...skeleton,
    outcome: "failed",
    exitCode: 2,
    fatal: { reason, message },
    summary: {
      operations: 0,
      skipped: 0,
      combinations: 0,
      responses: 0,
      items: 0,
      contradictions: 0,
      undocumented: 0,
    },
    operations: [],
    findings: [],
    notes: [],
  });

  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    return failed("bad-url", `the base URL ${JSON.stringify(options.baseUrl)} is not a URL`);
  }
  if (base.protocol !== "https:" && base.protocol !== "http:") {
    return failed("bad-url", `the base URL must be http or https, not ${base.protocol}`);
  }
  if (base.username || base.password) {
    return failed("bad-url", "the base URL must not hold credentials: pass the token instead");
  }
  skeleton.baseUrl = `${base.origin}${base.pathname.replace(/\/$/, "")}`;
  if (!Number.isInteger(pages) || pages < 1) {
    return failed("bad-argument", `pages must be a positive integer, got ${pages}`);
  }
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    return failed("bad-argument", `concurrency must be a positive integer, got ${concurrency}`);
  }

  // The ids, checked against the pattern the spec gives the path parameter that takes them.
  const ids: Record<string, string> = {};
  for (const [resource, id] of Object.entries(options.ids ?? {})) {
    if (id === undefined) continue;
    if (!resources.includes(resource)) {
      return failed(
        "bad-argument",
        `the spec has no resource "${resource}" (it has: ${resources.join(", ")})`,
      );
    }
    const parameter = facts.operations.find((o) => o.roles?.resource === resource)
      ?.pathParameters[0];
    const value = String(id);
    if (parameter?.pattern && !new RegExp(parameter.pattern).test(value)) {
      return failed(
        "bad-argument",
        `the ${resource} id must match ${parameter.pattern} (the spec's pattern), got ${JSON.stringify(value)}`,
      );
    }
    ids[resource] = value;
  }
  if (!options.token) {
    return failed("no-token", "no token: pass --token or set COMMUNITY_API_TOKEN");
  }

  const plan = planCases(facts, ids, pages);
  if (plan.cases.length === 0) {
    return failed(
      "nothing-to-check",
      `nothing to check: give the id of at least one of ${resources.map((r) => `--${r}`).join(", ")}`,
    );
  }

  const inner = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const runCase = async (c: Case): Promise<CaseRun> => {
    const exchanges: Exchange[] = [];
    const client = createCommunityClient({
      baseUrl: options.baseUrl,
      token: c.withToken ? options.token : undefined,
      fetch: recordingFetch(base.origin, inner, exchanges),
      maxRetries: options.maxRetries,
      timeout: options.timeout,
    });
    let error: unknown;
    try {
      const { operationId, iterator } = c.operation;
      const walker = iterator
        ? (client.pages as unknown as Record<string, PageWalker | undefined>)[iterator]
        : undefined;
      const method = (client as unknown as Record<string, NamedMethod | undefined>)[operationId];
      if (walker && c.expect === undefined) {
        const walk = walker(...c.args, { ...c.query, pageSize: c.pageSize, maxPages: c.pages });
        for await (const _page of walk) {
          // Each page is checked from the recorded exchange, retries included.
        }
      } else if (method) {
        await method(...c.args, c.query);
      } else {
        error = new Error(`this client has no method ${operationId}: update @community-api/verify`);
      }
    } catch (caught) {
      error = caught;
    }
    await Promise.all(exchanges.map((exchange) => exchange.body));
    return { case: c, exchanges, error };
  };

  // The first combination alone: if the host cannot be reached or refuses the token, say so
  // once instead of once per combination.
  const [first, ...rest] = plan.cases as [Case, ...Case[]];
  const firstRun = await runCase(first);
  if (firstRun.error instanceof NetworkError || firstRun.error instanceof TimeoutError) {
    return failed("network", `could not reach ${base.origin}: ${errorMessage(firstRun.error)}`);
  }
  if (firstRun.error instanceof ApiError && firstRun.error.status === 401) {
    return failed(
      "unauthorized",
      `${base.origin} refused the token (HTTP 401): check that it is valid and belongs to this community`,
    );
  }
  const runs = [firstRun, ...(await inPool(rest, concurrency, runCase))];
  return fold(skeleton, facts, schemas, plan.skipped, runs, ids);
}

/** Per-run bookkeeping of one operation. */
interface OperationTally {
  combinations: string[];
  responses: number;
  items: number;
  statuses: Record<string, number>;
  refusals: Record<number, number>;
  calls: number;
}

interface Group {
  first: Issue & { operationId: string; request: string; status: number };
  requests: Set<string>;
  occurrences: Set<string>;
}

/** Checks every recorded exchange and folds the issues and outcomes into the report. */
async function fold(
  skeleton: Pick<VerifyReport, "tool" | "version" | "baseUrl" | "spec">,
  facts: OperationFacts,
  schemas: SpecSchemas,
  skipped: readonly { operationId: string; reason: string }[],
  runs: readonly CaseRun[],
  ids: Readonly<Record<string, string>>,
): Promise<VerifyReport> {
  const checker = new ExchangeChecker(schemas);
  const tallies = new Map<string, OperationTally>();
  const groups = new Map<string, Group>();
  const notes: string[] = [];
  let incomplete = false;

  const tally = (operationId: string): OperationTally => {
    let t = tallies.get(operationId);
    if (!t) {
      t = { combinations: [], responses: 0, items: 0, statuses: {}, refusals: {}, calls: 0 };
      tallies.set(operationId, t);
    }
    return t;
  };
  const add = (operation: OperationFact, exchange: Exchange, issue: Issue) => {
    const groupKey = [
      issue.severity,
      operation.operationId,
      issue.kind,
      issue.location,
      issue.general,
      issue.spec,
      issue.actual.type,
    ].join("\u0000");
    let group = groups.get(groupKey);
    if (!group) {
      group = {
        first: {
          ...issue,
          operationId: operation.operationId,
          request: exchange.request,
          status: exchange.status,
        },
        requests: new Set(),
        occurrences: new Set(),
      };
      groups.set(groupKey, group);
    }
    group.requests.add(exchange.request);
    group.occurrences.add(
      issue.item === null ? `${exchange.seq}` : `${exchange.seq}:${issue.item}`,
    );
  };

  for (const { case: c, exchanges, error } of runs) {
    const { operation } = c;
    const t = tally(operation.operationId);
    t.combinations.push(c.label);
    for (const exchange of exchanges) {
      const body = await exchange.body;
      t.responses += 1;
      t.statuses[exchange.status] = (t.statuses[exchange.status] ?? 0) + 1;
      const issues = checker.check(operation, exchange, body);
      t.items += countItems(checker, operation, exchange.status, body);
      for (const issue of issues) add(operation, exchange, issue);
    }
    const last = exchanges.at(-1);
    const where = `${operation.operationId} (${c.label})`;
    if (error === undefined) {
      if (c.expect !== undefined && last && last.status !== c.expect) {
        notes.push(
          `${where}: HTTP ${last.status}, where ${c.expectWhy} (a ${c.expect} was expected)`,
        );
      }
      if (c.expect === undefined) t.calls += 1;
      continue;
    }
    if (error instanceof InvalidResponseError) {
      // A page the client could not follow. When the page itself was valid, the link is what
      // broke the walk; otherwise the body's findings say what was wrong.
      const page = last && (await last.body);
      const valid =
        page && "text" in page && last && checker.check(operation, last, page).length === 0;
      if (last && valid && typeof error.body === "string") {
        add(operation, last, {
          severity: "contradiction",
          kind: "pagination",
          location: "body",
          pointer: "/next",
          general: "/next",
          item: null,
          spec: "a link to the next page, whose offset moves forward",
          actual: { type: "string", value: error.message.replace(/^Pagination stopped: /, "") },
        });
      } else {
        notes.push(`${where}: the walk stopped at an answer that is not a page (see the findings)`);
      }
      continue;
    }
    if (error instanceof ApiError && typeof error.status === "number") {
      const status = error.status;
      if (status === c.expect) continue;
      // A probe refused for the token's role or the id says nothing new: the operation's own
      // combinations were refused the same way, and their note says so.
      if (c.expect !== undefined && (status === 403 || status === 404)) continue;
      if (c.expect !== undefined) {
        notes.push(`${where}: HTTP ${status}, where ${c.expectWhy} (a ${c.expect} was expected)`);
        continue;
      }
      t.calls += 1;
      if ([401, 403, 404].includes(status) || status === 429 || status >= 500) {
        t.refusals[status] = (t.refusals[status] ?? 0) + 1;
        if (status === 401 || status === 429 || status >= 500) incomplete = true;
        continue;
      }
      // A request the spec allows, refused: the server reads a parameter otherwise.
      if (last) {
        const fields = blamedFields(error.body);
        add(operation, last, {
          severity: "contradiction",
          kind: "rejected",
          location: "status",
          pointer: "",
          general: "",
          item: null,
          spec: `a success: ${c.label} is a valid request per the spec`,
          actual: {
            type: "status",
            value: `HTTP ${status}${fields.length > 0 ? ` (blames: ${fields.join(", ")})` : ""}`,
          },
        });
      }
      continue;
    }
    incomplete = true;
    notes.push(`${where}: not checked: ${errorMessage(error)}`);
  }

  // Refusals, one note per operation and status.
  for (const operation of facts.operations) {
    const t = tallies.get(operation.operationId);
    if (!t) continue;
    for (const [code, count] of Object.entries(t.refusals)) {
      const status = Number(code);
      const resource = operation.roles?.resource;
      const id = resource ? ids[resource] : undefined;
      const of = `${count} of ${t.calls} combinations`;
      const why =
        status === 401
          ? "the token was refused midway"
          : status === 403
            ? `the token lacks the ${resource ?? "required"} role (${operation.roles?.roles.join(" or ") ?? "?"})${id ? ` for ${resource} ${id}` : ""}`
            : status === 404
              ? `no ${resource ?? "resource"} ${id ?? ""} here?`
              : status === 429
                ? "still rate limited after the client's retries"
                : "the server failed";
      notes.push(
        `${operation.operationId}: HTTP ${status} to ${of}: ${why}; only the error answers were checked`,
      );
    }
  }
  const findings = [...groups.values()].map(({ first, requests, occurrences }): Finding => {
    const t = tally(first.operationId);
    const unit = first.item === null ? "responses" : "items";
    // What concerns the status itself is counted over every response, the rest over those of
    // the same status.
    const status = unit === "responses" && first.location !== "status" ? first.status : null;
    const of =
      unit === "items" ? t.items : status === null ? t.responses : (t.statuses[status] ?? 0);
    return {
      severity: first.severity,
      operationId: first.operationId,
      kind: first.kind,
      location: first.location,
      pointer: first.general,
      example: first.pointer,
      spec: first.spec,
      actual: first.actual,
      request: first.request,
      requests: requests.size,
      seen: { count: occurrences.size, of, unit, status },
    };
  });
  const rank = (f: Finding) => (f.severity === "contradiction" ? 0 : 1);
  findings.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.operationId.localeCompare(b.operationId) ||
      a.location.localeCompare(b.location) ||
      a.pointer.localeCompare(b.pointer),
  );

  const operations: OperationSummary[] = facts.operations.map((operation) => {
    const t = tallies.get(operation.operationId);
    return {
      operationId: operation.operationId,
      request: `${operation.method} ${operation.path}`,
      skipped: skipped.find((s) => s.operationId === operation.operationId)?.reason ?? null,
      combinations: t?.combinations ?? [],
      responses: t?.responses ?? 0,
      items: t?.items ?? 0,
      statuses: t?.statuses ?? {},
    };
  });
  const contradictions = findings.filter((f) => f.severity === "contradiction").length;
  const outcome = contradictions > 0 ? "contradicted" : incomplete ? "incomplete" : "consistent";
  return {
    ...skeleton,
    outcome,
    exitCode: outcome === "consistent" ? 0 : outcome === "contradicted" ? 1 : 2,
    fatal: null,
    summary: {
      operations: operations.filter((o) => o.skipped === null).length,
      skipped: skipped.length,
      combinations: runs.length,
      responses: operations.reduce((sum, o) => sum + o.responses, 0),
      items: operations.reduce((sum, o) => sum + o.items, 0),
      contradictions,
      undocumented: findings.length - contradictions,
    },
    operations,
    findings,
    notes,
  };
}

/** How many list items a success answer carried (0 for anything else). */
function countItems(
  checker: ExchangeChecker,
  operation: OperationFact,
  status: number,
  body: { text: string } | { error: string },
): number {
  if (!operation.list || status < 200 || status >= 300 || !("text" in body)) return 0;
  const response = checker.response(operation, status);
  const schema = response && checker.bodySchema(response);
  const list = schema && checker.listProperty(schema);
  if (!list) return 0;
  try {
    const parsed = JSON.parse(body.text) as Record<string, unknown>;
    const items = parsed?.[list];
    return Array.isArray(items) ? items.length : 0;
  } catch {
    return 0;
  }
}
