// verify(): calls each operation of the spec in the combinations the plan derives, through the
// typed client (its retries, its Retry-After, its iterators), records every answer and checks
// it against the bundled spec as it arrives, then folds what it found into a report. Whatever a
// server sends, the run is bounded: each body by `maxResponseSize`, each attempt by `timeout`,
// the whole run by `runTimeout`, and the report by the caps in fold.ts.
import {
  ApiError,
  createCommunityClient,
  DEFAULT_TIMEOUT,
  MAX_RESPONSE_SIZE,
  NetworkError,
  TimeoutError,
} from "@community-api/client";
import { ExchangeChecker } from "./check.js";
import { resourcesOf } from "./facts.js";
import { Fold } from "./fold.js";
import { MAX_STRING, nameRule, redactDeep, redactor } from "./mask.js";
import { type Case, planCases } from "./plan.js";
import { recordingFetch } from "./record.js";
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_PAGES,
  DEFAULT_RUN_TIMEOUT,
  type FatalReason,
  MAX_REPORT_BYTES,
  type VerifyOptions,
  type VerifyReport,
} from "./report.js";
import { SpecSchemas } from "./schemas.js";
import { loadFacts, loadSpec, packageVersion } from "./spec-files.js";

export * from "./report.js";

type PageWalker = (...args: unknown[]) => AsyncIterable<unknown>;
type NamedMethod = (...args: unknown[]) => Promise<unknown>;

/** Runs `work` over `items` with at most `limit` at once, keeping their order. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** `16 MiB`, `512 KiB`, `1000 bytes`: a size for people. */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of [
    ["GiB", 2 ** 30],
    ["MiB", 2 ** 20],
    ["KiB", 2 ** 10],
  ] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** `30 s`, `0.5 s`: a duration in ms for people. */
export const formatSeconds = (ms: number): string => `${ms / 1000} s`;

/**
 * Checks a live community's API against the bundled spec and returns the report. It only reads
 * (GET), sends the token only to the base URL's origin, and never throws for what the API does:
 * a run that cannot happen (bad URL, token refused, network) is a report with `exitCode` 2.
 */
export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const report = await run(options);
  return boundReport(redactDeep(report, redactor(options.token), MAX_STRING));
}

/** The report cut to {@link MAX_REPORT_BYTES} of JSON: findings dropped from the end, and counted. */
export function boundReport(report: VerifyReport): VerifyReport {
  const size = (r: VerifyReport) => Buffer.byteLength(JSON.stringify(r));
  let out = report;
  let keep = report.findings.length;
  while (keep > 0 && size(out) > MAX_REPORT_BYTES) {
    keep = Math.floor(keep * 0.8);
    const left = report.findings.length - keep;
    out = {
      ...report,
      findings: report.findings.slice(0, keep),
      summary: {
        ...report.summary,
        leftOut: { ...report.summary.leftOut, findings: report.summary.leftOut.findings + left },
      },
    };
  }
  return out;
}

/** A failed run's report. */
function failedReport(
  skeleton: Pick<VerifyReport, "tool" | "version" | "baseUrl" | "spec">,
  reason: FatalReason,
  message: string,
): VerifyReport {
  return {
    ...skeleton,
    outcome: "failed",
    exitCode: 2,
    fatal: { reason, message },
    summary: {
      operations: 0,
      skipped: 0,
      notChecked: 0,
      combinations: 0,
      responses: 0,
      items: 0,
      contradictions: 0,
      undocumented: 0,
      unchecked: 0,
      bySource: {},
      leftOut: { findings: 0, names: 0 },
    },
    operations: [],
    findings: [],
    notes: [],
  };
}

const isPositiveInteger = (value: number) => Number.isInteger(value) && value >= 1;

async function run(options: VerifyOptions): Promise<VerifyReport> {
  const facts = loadFacts();
  const resources = resourcesOf(facts);
  const pages = options.pages ?? DEFAULT_PAGES;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const maxResponseSize = options.maxResponseSize ?? MAX_RESPONSE_SIZE;
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const runTimeout = options.runTimeout ?? DEFAULT_RUN_TIMEOUT;
  const skeleton = {
    tool: "community-api-verify" as const,
    version: packageVersion(),
    baseUrl: options.baseUrl,
    spec: { version: facts.specVersion, sha256: facts.specSha256 },
  };
  const failed = (reason: FatalReason, message: string) => failedReport(skeleton, reason, message);

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
  if (!isPositiveInteger(pages)) {
    return failed("bad-argument", `pages must be a positive integer, got ${pages}`);
  }
  if (!isPositiveInteger(concurrency)) {
    return failed("bad-argument", `concurrency must be a positive integer, got ${concurrency}`);
  }
  if (!isPositiveInteger(maxResponseSize)) {
    return failed(
      "bad-argument",
      `maxResponseSize must be a positive integer (bytes), got ${maxResponseSize}`,
    );
  }
  for (const [name, value] of [
    ["timeout", timeout],
    ["runTimeout", runTimeout],
  ] as const) {
    if (!(value > 0 && value < 2 ** 31)) {
      return failed(
        "bad-argument",
        `${name} must be a positive number of ms below 2^31, got ${value}`,
      );
    }
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

  const names = nameRule(options.token);
  const fold = new Fold({
    facts,
    checker: new ExchangeChecker(new SpecSchemas(loadSpec()), names),
    names,
    origin: base.origin,
    ids,
    skipped: plan.skipped,
    maxResponseSize,
    runTimeout,
  });
  // The whole run's time limit: every request, retry wait and page walk stops when it fires.
  const runSignal = AbortSignal.timeout(runTimeout);
  const inner = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const runCase = async (c: Case): Promise<unknown> => {
    const recorder = fold.startCase(c);
    const client = createCommunityClient({
      baseUrl: options.baseUrl,
      token: c.withToken ? options.token : undefined,
      fetch: recordingFetch({
        origin: base.origin,
        fetch: inner,
        maxResponseSize,
        signal: runSignal,
        onExchange: (exchange) => recorder.push(exchange),
      }),
      maxRetries: options.maxRetries,
      timeout,
      maxResponseSize,
    });
    let error: unknown;
    try {
      const { operationId, iterator } = c.operation;
      const walker = iterator
        ? (client.pages as unknown as Record<string, PageWalker | undefined>)[iterator]
        : undefined;
      const method = (client as unknown as Record<string, NamedMethod | undefined>)[operationId];
      if (walker && c.expect === undefined) {
        const walk = walker(...c.args, {
          ...c.query,
          pageSize: c.pageSize,
          maxPages: c.pages,
          signal: runSignal,
        });
        for await (const _page of walk) {
          // Each page is checked from the recorded exchange, retries included.
        }
      } else if (method) {
        await method(...c.args, c.query, { signal: runSignal });
      } else {
        error = new Error(`this client has no method ${operationId}: update @community-api/verify`);
      }
    } catch (caught) {
      error = caught;
    }
    const outOfTime = runSignal.aborted && !(error instanceof ApiError);
    fold.endCase(c, error, outOfTime);
    return outOfTime ? runSignal.reason : error;
  };

  // The first combination alone: if the host cannot be reached or refuses the token, say so
  // once instead of once per combination.
  const [first, ...rest] = plan.cases as [Case, ...Case[]];
  const firstError = await runCase(first);
  if (firstError === runSignal.reason && runSignal.aborted) {
    return failed(
      "run-timeout",
      `${base.origin} did not answer within the run's time limit (${formatSeconds(runTimeout)}, --run-timeout)`,
    );
  }
  if (firstError instanceof NetworkError || firstError instanceof TimeoutError) {
    return failed("network", `could not reach ${base.origin}: ${errorMessage(firstError)}`);
  }
  if (firstError instanceof ApiError && firstError.status === 401) {
    return failed(
      "unauthorized",
      `${base.origin} refused the token (HTTP 401): check that it is valid and belongs to this community`,
    );
  }
  await inPool(rest, concurrency, runCase);
  return fold.report(skeleton);
}
