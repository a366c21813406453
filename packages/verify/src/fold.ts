// Folds each exchange into the report as it arrives (its body is checked, then dropped), and each
// combination's outcome when it ends. Whatever the server sends, what is kept is bounded:
// findings are grouped by operation, kind and pointer shape; at most MAX_NAMES undocumented
// names are listed per schema, the rest counted ("and N more"); at most MAX_FINDINGS findings
// are listed, the rest counted. Coverage is told once: one count of combinations per
// operation, and an operation none of whose combinations could be checked is named as such.
import { createHash } from "node:crypto";
import { ApiError, InvalidResponseError, ResponseTooLargeError } from "@community-api/client";
import { type ExchangeChecker, type Issue, MAX_NAMES } from "./check.js";
import type { OperationFact, OperationFacts } from "./facts.js";
import { clip, type NameRule } from "./mask.js";
import type { Case, Skipped } from "./plan.js";
import { countSources } from "./provenance.js";
import type { Exchange, Redirect } from "./record.js";
import { type Finding, MAX_FINDINGS, type OperationSummary, type VerifyReport } from "./report.js";

/** Finding groups held while folding; past it new groups are only counted. */
const MAX_GROUPS = 2_000;
/** Distinct names (or groups) counted past the caps; past it the count says "at least". */
const MAX_COUNTED = 100_000;
/** Fields named per refused request (`blames: …`). */
const MAX_BLAMED = 5;

/** What the fold keeps of one exchange once its body is checked. */
interface Seen extends Pick<Exchange, "seq" | "request" | "status"> {
  /** A success body read whole (a page or an answer that could be checked). */
  readonly answered: boolean;
  readonly contradictions: number;
  readonly redirect: Redirect | null;
}

/** One operation's bookkeeping. */
interface Tally {
  readonly combinations: string[];
  /** Combinations with an answer checked, probes included. */
  checked: number;
  /** Combinations other than probes with an answer checked: 0 means the operation was not checked. */
  checkedCalls: number;
  calls: number;
  responses: number;
  items: number;
  readonly statuses: Record<string, number>;
  /** Why combinations could not be checked: `HTTP 403` -> how many, and what that means. */
  readonly reasons: Map<string, { count: number; why: string }>;
}

type First = Issue & { operationId: string; request: string; status: number };

interface Group {
  readonly first: First;
  readonly requests: Set<string>;
  count: number;
  last: string;
}

/** The undocumented (or additional) names of one schema at one place. */
interface NameSlot {
  readonly listed: Set<string>;
  readonly extra: Set<string>;
  more: Group | null;
}

/** What a fold needs to know. */
export interface FoldContext {
  readonly facts: OperationFacts;
  readonly checker: ExchangeChecker;
  readonly names: NameRule;
  /** The base URL's origin. */
  readonly origin: string;
  readonly ids: Readonly<Record<string, string>>;
  readonly skipped: readonly Skipped[];
  readonly maxResponseSize: number;
  readonly runTimeout: number;
}

const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Adds `value` while the set holds fewer than {@link MAX_COUNTED}; false once it is full (its size is then a floor). */
function addCounted(set: Set<string>, value: string): boolean {
  if (set.size >= MAX_COUNTED) return false;
  set.add(value);
  return true;
}

/** A name as a set key: itself when short, its length and a hash when long (a long name is not kept). */
const nameKey = (name: string): string =>
  name.length <= 64
    ? name
    : `${name.length}:${createHash("sha256").update(name).digest("base64").slice(0, 16)}`;

export class Fold {
  readonly #context: FoldContext;
  readonly #tallies = new Map<string, Tally>();
  readonly #groups = new Map<string, Group>();
  readonly #slots = new Map<string, NameSlot>();
  readonly #dropped = new Set<string>();
  #namesCapped = false;
  readonly #notes: string[] = [];
  #incomplete = false;
  readonly #seen = new Map<Case, Seen[]>();

  constructor(context: FoldContext) {
    this.#context = context;
  }

  #tally(operationId: string): Tally {
    let t = this.#tallies.get(operationId);
    if (!t) {
      t = {
        combinations: [],
        checked: 0,
        checkedCalls: 0,
        calls: 0,
        responses: 0,
        items: 0,
        statuses: {},
        reasons: new Map(),
      };
      this.#tallies.set(operationId, t);
    }
    return t;
  }

  /** Starts a combination; returns where its exchanges go, each checked as it arrives. */
  startCase(c: Case): { push(exchange: Exchange): void } {
    const t = this.#tally(c.operation.operationId);
    t.combinations.push(c.label);
    if (c.expect === undefined) t.calls += 1;
    const seen: Seen[] = [];
    this.#seen.set(c, seen);
    return { push: (exchange) => seen.push(this.#exchange(c.operation, exchange)) };
  }

  #exchange(operation: OperationFact, exchange: Exchange): Seen {
    const t = this.#tally(operation.operationId);
    t.responses += 1;
    t.statuses[exchange.status] = (t.statuses[exchange.status] ?? 0) + 1;
    let contradictions = 0;
    t.items += this.#context.checker.walk(operation, exchange, (issue) => {
      if (issue.severity === "contradiction") contradictions += 1;
      this.#add(operation, exchange, issue);
    });
    const { body, status } = exchange;
    return {
      seq: exchange.seq,
      request: exchange.request,
      status,
      answered: "text" in body && status >= 200 && status < 300,
      contradictions,
      redirect: exchange.redirect,
    };
  }

  #add(
    operation: OperationFact,
    exchange: Pick<Exchange, "seq" | "request" | "status">,
    issue: Issue,
  ): void {
    const { operationId } = operation;
    const occurrence = issue.item === null ? `${exchange.seq}` : `${exchange.seq}:${issue.item}`;
    const first = (): First => ({
      ...issue,
      operationId,
      request: exchange.request,
      status: exchange.status,
    });
    if (issue.kind === "undocumented" || issue.kind === "additional") {
      const parent = issue.general.slice(0, issue.general.lastIndexOf("/"));
      const slotKey = [operationId, issue.kind, parent].join("\u0000");
      let slot = this.#slots.get(slotKey);
      if (!slot) {
        slot = { listed: new Set(), extra: new Set(), more: null };
        this.#slots.set(slotKey, slot);
      }
      const extra = (names: readonly string[]) => {
        for (const name of names) {
          const key = nameKey(name);
          if (slot.listed.has(key)) continue;
          if (!addCounted(slot.extra, key)) this.#namesCapped = true;
        }
        slot.more ??= { first: first(), requests: new Set(), count: 0, last: "" };
        count(slot.more, exchange.request, occurrence);
      };
      if (issue.more) {
        extra(issue.more);
        return;
      }
      const name = issue.name ?? issue.general;
      if (!slot.listed.has(nameKey(name))) {
        if (slot.listed.size >= MAX_NAMES) {
          extra([name]);
          return;
        }
        slot.listed.add(nameKey(name));
      }
    }
    // One finding per kind and pointer shape; a contradiction also per what the spec says and
    // the type that arrived (an object and a number at one place are two findings), a name
    // once whatever its values.
    const named = issue.kind === "undocumented" || issue.kind === "additional";
    const key = [
      issue.severity,
      operationId,
      issue.kind,
      issue.location,
      issue.general,
      ...(named ? [] : [issue.spec, issue.actual.type]),
    ].join("\u0000");
    let group = this.#groups.get(key);
    if (!group) {
      if (this.#groups.size >= MAX_GROUPS) {
        addCounted(this.#dropped, key);
        return;
      }
      group = { first: first(), requests: new Set(), count: 0, last: "" };
      this.#groups.set(key, group);
    }
    count(group, exchange.request, occurrence);
  }

  /** Ends a combination: what its outcome says about coverage, refusals and the verdict. */
  endCase(c: Case, error: unknown, outOfTime: boolean): void {
    const { operation } = c;
    const t = this.#tally(operation.operationId);
    const seen = this.#seen.get(c) ?? [];
    this.#seen.delete(c);
    const last = seen.at(-1);
    const probe = c.expect !== undefined;
    const where = `${operation.operationId} (${c.label})`;
    let checked = seen.some((s) => s.answered);
    const because = (key: string, why: string) => {
      const reason = t.reasons.get(key) ?? { count: 0, why };
      reason.count += 1;
      t.reasons.set(key, reason);
    };

    if (outOfTime) {
      this.#incomplete = true;
      because(
        "cut short",
        `the run reached its time limit (${this.#context.runTimeout / 1000} s, --run-timeout)`,
      );
    } else if (error === undefined) {
      checked = true;
      if (probe && last && last.status !== c.expect) {
        this.#notes.push(
          `${where}: HTTP ${last.status}, where ${c.expectWhy} (a ${c.expect} was expected)`,
        );
      }
    } else if (error instanceof ResponseTooLargeError) {
      this.#incomplete = true;
      because(
        "too large",
        `a body over ${this.#context.maxResponseSize} bytes (--max-response-size); not checked`,
      );
    } else if (error instanceof InvalidResponseError) {
      // A page the client could not follow. When the page itself was valid, the link is what
      // broke the walk; otherwise the body's findings say what was wrong.
      checked = true;
      const link = typeof error.body === "string" ? paginationReason(error.message) : null;
      if (last && last.contradictions === 0 && last.answered && link) {
        this.#add(operation, last, {
          severity: "contradiction",
          kind: "pagination",
          location: "body",
          pointer: "/next",
          general: "/next",
          item: null,
          spec: "a link to the next page, whose offset moves forward",
          actual: { type: "string", value: link },
          source: this.#context.checker.propertySource(operation, last.status, "next"),
        });
      } else {
        this.#notes.push(
          `${where}: the walk stopped at an answer that is not a page (see the findings)`,
        );
      }
    } else if (error instanceof ApiError && typeof error.status === "number") {
      const status = error.status;
      if (status >= 300 && status < 400) {
        this.#incomplete = true;
        const to = last?.redirect?.to;
        because(
          "redirected",
          to && to.origin !== this.#context.origin
            ? "the answer is a redirect to another origin, not followed; not checked"
            : "the answer is a redirect that was not followed; not checked",
        );
      } else if (status === c.expect) {
        checked = true;
      } else if (probe && status !== 403 && status !== 404) {
        checked = true;
        this.#notes.push(
          `${where}: HTTP ${status}, where ${c.expectWhy} (a ${c.expect} was expected)`,
        );
      } else if ([401, 403, 404, 429].includes(status) || status >= 500) {
        if (status === 401 || status === 429 || status >= 500) this.#incomplete = true;
        because(`HTTP ${status}`, this.#refusal(operation, status));
      } else {
        // A request the spec allows, refused: the server reads a parameter otherwise.
        checked = true;
        const fields = blamedFields(error.body).map(this.#context.names);
        const blamed =
          fields.length > 0
            ? ` (blames: ${fields.slice(0, MAX_BLAMED).join(", ")}${fields.length > MAX_BLAMED ? `, and ${fields.length - MAX_BLAMED} more` : ""})`
            : "";
        if (last) {
          // What says the request is valid: the parameter it tries, else the success answer.
          const success = Number(operation.responses.find((s) => /^2[0-9][0-9]$/.test(s)) ?? 200);
          const checker = this.#context.checker;
          this.#add(operation, last, {
            severity: "contradiction",
            kind: "rejected",
            location: "status",
            pointer: "",
            general: "",
            item: null,
            spec: `a success: ${c.label} is a valid request per the spec`,
            actual: { type: "status", value: `HTTP ${status}${blamed}` },
            source:
              (c.parameter !== undefined && checker.parameterSource(operation, c.parameter)) ||
              checker.responseSource(operation, success),
          });
        }
      }
    } else {
      this.#incomplete = true;
      because("failed", "the request failed (see the notes); not checked");
      this.#notes.push(`${where}: not checked: ${clip(errorMessage(error), 200)}`);
    }
    if (checked) {
      t.checked += 1;
      if (!probe) t.checkedCalls += 1;
    }
  }

  /** What a refusal means for this operation (for a 403: the role the spec requires). */
  #refusal(operation: OperationFact, status: number): string {
    const resource = operation.roles?.resource;
    const id = resource ? this.#context.ids[resource] : undefined;
    const roles = operation.roles?.roles.join(" or ") ?? "?";
    if (status === 401) return "the token was refused midway";
    if (status === 403) {
      return `the token lacks the ${resource ?? "required"} role (${roles})${id ? ` for ${resource} ${id}` : ""}`;
    }
    if (status === 404) return `no ${resource ?? "resource"} ${id ?? ""} here?`;
    if (status === 429) return "still rate limited after the client's retries";
    return "the server failed";
  }

  /** The report: operations with their coverage, findings (bounded), notes and the verdict. */
  report(skeleton: Pick<VerifyReport, "tool" | "version" | "baseUrl" | "spec">): VerifyReport {
    const { facts, skipped } = this.#context;
    const operations: OperationSummary[] = facts.operations.map((operation) => {
      const t = this.#tallies.get(operation.operationId);
      const reasons = t
        ? [...t.reasons].map(
            ([key, { count, why }]) =>
              `${key} to ${count} of ${t.combinations.length} combinations: ${why}`,
          )
        : [];
      const notChecked = t && t.calls > 0 && t.checkedCalls === 0 ? reasons.join("; ") : null;
      if (t && notChecked === null) {
        for (const reason of reasons) {
          this.#notes.push(
            `${operation.operationId}: ${reason}${reason.startsWith("HTTP") ? "; only the error answers were checked" : ""}`,
          );
        }
      }
      return {
        operationId: operation.operationId,
        request: `${operation.method} ${operation.path}`,
        skipped: skipped.find((s) => s.operationId === operation.operationId)?.reason ?? null,
        combinations: t?.combinations ?? [],
        checked: t?.checked ?? 0,
        notChecked: notChecked === "" ? "no answer could be checked" : notChecked,
        responses: t?.responses ?? 0,
        items: t?.items ?? 0,
        statuses: t?.statuses ?? {},
      };
    });
    const notChecked = operations.filter((o) => o.notChecked !== null).length;
    if (notChecked > 0) this.#incomplete = true;

    const all: Finding[] = [...this.#groups.values()].map((group) => this.#finding(group));
    let names = 0;
    for (const slot of this.#slots.values()) {
      if (!slot.more || slot.extra.size === 0) continue;
      names += slot.extra.size;
      const more = slot.extra.size;
      const floor = slot.extra.size >= MAX_COUNTED ? "at least " : "";
      const finding = this.#finding(slot.more);
      all.push({
        ...finding,
        actual: {
          type: "names",
          value: `and ${floor}${more.toLocaleString("en-US")} more name${more === 1 ? "" : "s"} (${slot.listed.size} listed)`,
        },
        more,
      });
    }
    const rank = (f: Finding) =>
      f.severity === "contradiction" ? 0 : f.severity === "unchecked" ? 1 : 2;
    all.sort(
      (a, b) =>
        rank(a) - rank(b) ||
        a.operationId.localeCompare(b.operationId) ||
        a.location.localeCompare(b.location) ||
        a.pointer.localeCompare(b.pointer),
    );
    const findings = all.slice(0, MAX_FINDINGS);
    const leftOut = {
      findings: all.length - findings.length + this.#dropped.size,
      names,
    };
    if (this.#namesCapped || this.#dropped.size >= MAX_COUNTED) {
      this.#notes.push(
        `more than ${MAX_COUNTED.toLocaleString("en-US")} names or findings: the counts left out are floors`,
      );
    }
    const count = (severity: Finding["severity"]) =>
      all.filter((f) => f.severity === severity).length;
    const contradictions = count("contradiction");
    const unchecked = count("unchecked");
    if (unchecked > 0) this.#incomplete = true;
    const outcome =
      contradictions > 0 ? "contradicted" : this.#incomplete ? "incomplete" : "consistent";
    return {
      ...skeleton,
      outcome,
      exitCode: outcome === "consistent" ? 0 : outcome === "contradicted" ? 1 : 2,
      fatal: null,
      summary: {
        operations: operations.filter((o) => o.skipped === null).length,
        skipped: skipped.length,
        notChecked,
        combinations: operations.reduce((sum, o) => sum + o.combinations.length, 0),
        responses: operations.reduce((sum, o) => sum + o.responses, 0),
        items: operations.reduce((sum, o) => sum + o.items, 0),
        contradictions,
        undocumented: count("undocumented"),
        unchecked,
        bySource: countSources(
          all.filter((f) => f.severity === "contradiction").map((f) => f.source),
        ),
        leftOut,
      },
      operations,
      findings,
      notes: this.#notes,
    };
  }

  #finding({ first, requests, count }: Group): Finding {
    const t = this.#tally(first.operationId);
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
      source: first.source,
      request: first.request,
      requests: requests.size,
      seen: { count, of, unit, status },
    };
  }
}

/** Counts one occurrence (an item of an exchange, or an exchange): they come in order, so one look back dedupes. */
function count(group: Group, request: string, occurrence: string): void {
  group.requests.add(request);
  if (group.last === occurrence) return;
  group.last = occurrence;
  group.count += 1;
}

/**
 * Why the client's iterator stopped at a `next` link, in our words: the link itself (the
 * server's text) is never quoted.
 */
function paginationReason(message: string): string | null {
  const advance = /has offset ([0-9]+), which does not advance past ([0-9]+)$/.exec(message);
  if (advance) {
    return `the next link has offset ${advance[1]}, which does not advance past ${advance[2]}`;
  }
  if (/is not a URL$/.test(message)) return "the next link is not a URL";
  if (/not a non-negative integer$/.test(message)) {
    return "the next link's offset is not a non-negative integer";
  }
  const limit = /not an integer from 1 to ([0-9]+)$/.exec(message);
  if (limit) return `the next link's limit is not an integer from 1 to ${limit[1]}`;
  return null;
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
