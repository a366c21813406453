// Unhappy paths on demand: 429, 5xx and slow answers, staged per operation. One home for what a
// staged answer is (the status's body and headers, as the realistic mode answers them), for
// which scenarios are valid (statuses and headers the spec declares, from the operation facts)
// and for how they are counted down. The kit's handler, the MSW `scenario()` handlers and the
// HTTP mock (`Prefer: code=…`, `/__mock/scenarios`) all use it, so they answer alike.
import { OPERATIONS } from "./generated/operations.js";
import type { ListOperationId } from "./lists.js";
import {
  json,
  notAuthenticated,
  notFound,
  permissionDenied,
  serverError,
  throttled,
} from "./responses.js";

/** The statuses the spec declares for an operation (a `5XX` range as 500, 502, 503 and 504). */
export type DeclaredStatus<Op extends ListOperationId> =
  (typeof OPERATIONS)[Op]["statuses"][number]["status"];

/** Longest delay a scenario, `Prefer: delay=` or the `delayMs` option may ask for, in ms. */
export const MAX_DELAY_MS = 60_000;
/** Largest `retryAfter`, in seconds. */
export const MAX_RETRY_AFTER = 3_600;
/** `Retry-After` of a staged 429 that names no `retryAfter`, in seconds (short: tests wait it). */
export const DEFAULT_RETRY_AFTER = 1;
/** Most scenarios one handler (or one HTTP mock) holds at once. */
export const MAX_SCENARIOS = 100;

/** How one operation misbehaves: the answer's status, how often, how late. */
export interface ScenarioOptions<Op extends ListOperationId = ListOperationId> {
  /** A status the operation declares; a 2xx gives the normal answer (with `delayMs`). */
  status: DeclaredStatus<Op>;
  /** How many matching requests get this answer; then the normal answers resume. Default: all. */
  times?: number | undefined;
  /** How long to wait before answering, in ms (at most {@link MAX_DELAY_MS}). Default `0`. */
  delayMs?: number | undefined;
  /**
   * `Retry-After` in seconds, for a status whose response declares the header (429 and 5xx).
   * Default: `1` on a 429 ({@link DEFAULT_RETRY_AFTER}), no header otherwise.
   */
  retryAfter?: number | undefined;
  /** Only requests for this course or event id. Default: any id. */
  id?: number | string | undefined;
}

/** A scenario for one operation of the spec: its `operationId` and {@link ScenarioOptions}. */
export type Scenario<Op extends ListOperationId = ListOperationId> = {
  [O in Op]: ScenarioOptions<O> & { operationId: O };
}[Op];

/** A scenario as held: validated, with what is left of it. */
export interface ActiveScenario {
  readonly operationId: ListOperationId;
  readonly status: number;
  readonly id: number | null;
  readonly times: number | null;
  /** How many more requests it answers (`null`: every one). */
  readonly remaining: number | null;
  readonly delayMs: number;
  readonly retryAfter: number | null;
}

const FIELDS = ["operationId", "status", "times", "delayMs", "retryAfter", "id"];

/** At most 60 characters of a value, for messages about input the mock did not choose. */
const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

const isInteger = (value: unknown, min: number, max: number): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;

/** Whether the operation's response for `status` declares a `Retry-After` header. */
const declaresRetryAfter = (operationId: ListOperationId, status: number) =>
  OPERATIONS[operationId].statuses.some(
    (s) => s.status === status && s.headers.some((h) => h.toLowerCase() === "retry-after"),
  );

/** The statuses `operationId` declares, ascending. */
export const declaredStatuses = (operationId: ListOperationId): readonly number[] =>
  OPERATIONS[operationId].statuses.map((s) => s.status);

/** Why `status` cannot be staged for `operationId`, or `undefined` when it can. */
export function statusProblem(operationId: ListOperationId, status: unknown): string | undefined {
  if (declaredStatuses(operationId).includes(status as number)) return undefined;
  return `${operationId} declares ${declaredStatuses(operationId).join(", ")}; not ${shown(status)}`;
}

/** Why `retryAfter` cannot go with `status`, or `undefined` when it can. */
export function retryAfterProblem(
  operationId: ListOperationId,
  status: number,
  retryAfter: unknown,
): string | undefined {
  if (!isInteger(retryAfter, 0, MAX_RETRY_AFTER)) {
    return `retryAfter must be an integer from 0 to ${MAX_RETRY_AFTER} (seconds), not ${shown(retryAfter)}`;
  }
  if (!declaresRetryAfter(operationId, status)) {
    return `the spec declares no Retry-After header on ${operationId}'s ${status}`;
  }
  return undefined;
}

/** Why `delayMs` is not a delay the mock takes, or `undefined` when it is. */
export function delayProblem(delayMs: unknown, name = "delayMs"): string | undefined {
  return isInteger(delayMs, 0, MAX_DELAY_MS)
    ? undefined
    : `${name} must be an integer from 0 to ${MAX_DELAY_MS} (ms), not ${shown(delayMs)}`;
}

/**
 * Reads a scenario from untrusted input (a JSON body, an untyped caller): the scenario, or the
 * first problem with it, named.
 */
export function readScenario(input: unknown): { scenario: ActiveScenario } | { problem: string } {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { problem: `a scenario is a JSON object with ${FIELDS.join(", ")}` };
  }
  const value = input as Record<string, unknown>;
  const unknown = Object.keys(value).find((key) => !FIELDS.includes(key));
  if (unknown !== undefined) {
    return { problem: `unknown field ${shown(unknown)}; the fields are ${FIELDS.join(", ")}` };
  }
  const { operationId, status, times, delayMs, retryAfter, id } = value;
  if (typeof operationId !== "string" || !Object.hasOwn(OPERATIONS, operationId)) {
    return {
      problem: `operationId must be one of ${Object.keys(OPERATIONS).join(", ")}, not ${shown(operationId)}`,
    };
  }
  const op = operationId as ListOperationId;
  const problem =
    statusProblem(op, status) ??
    (times === undefined || isInteger(times, 1, Number.MAX_SAFE_INTEGER)
      ? undefined
      : `times must be a positive integer, not ${shown(times)}`) ??
    (delayMs === undefined ? undefined : delayProblem(delayMs)) ??
    (retryAfter === undefined ? undefined : retryAfterProblem(op, status as number, retryAfter)) ??
    (id === undefined ||
    isInteger(id, 1, Number.MAX_SAFE_INTEGER) ||
    (typeof id === "string" && /^[0-9]{1,15}$/.test(id) && Number(id) > 0)
      ? undefined
      : `id must be a course or event id (a positive integer), not ${shown(id)}`);
  if (problem !== undefined) return { problem };
  const count = (times as number | undefined) ?? null;
  return {
    scenario: {
      operationId: op,
      status: status as number,
      id: id === undefined ? null : Number(id),
      times: count,
      remaining: count,
      delayMs: (delayMs as number | undefined) ?? 0,
      retryAfter: (retryAfter as number | undefined) ?? null,
    },
  };
}

/**
 * The realistic answer of `operationId` with `status`: the body the realistic mode sends for it
 * (the spec's error bodies, in Django REST framework's wording), `Retry-After` where the spec
 * declares it (always on a 429). `undefined` for a 2xx: the normal answer is the realistic one.
 */
export function stagedAnswer(
  operationId: ListOperationId,
  status: number,
  retryAfter?: number | null,
): Response | undefined {
  if (status < 300) return undefined;
  const wait = declaresRetryAfter(operationId, status) ? (retryAfter ?? undefined) : undefined;
  switch (status) {
    case 400:
      return json(400, { errors: [{ code: "invalid", message: "Invalid input." }] });
    case 401:
      return notAuthenticated();
    case 403:
      return permissionDenied();
    case 404:
      return notFound();
    case 429:
      return throttled(wait ?? DEFAULT_RETRY_AFTER);
  }
  if (status >= 500) return serverError(status, wait);
  return json(
    status,
    { detail: `Error ${status}.` },
    wait === undefined ? {} : { "retry-after": String(wait) },
  );
}

/** Waits `ms`; rejects with the signal's reason when it aborts first (as fetch would). */
export function pause(ms: number, signal?: AbortSignal | null): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Active scenarios, first added first served, each counted down as it answers. */
export class ScenarioBook {
  #active: ActiveScenario[] = [];

  /** Adds scenarios read by {@link readScenario}; throws a `TypeError` naming a problem. */
  constructor(scenarios: readonly unknown[] = []) {
    for (const scenario of scenarios) {
      const read = readScenario(scenario);
      if ("problem" in read) throw new TypeError(`invalid scenario: ${read.problem}`);
      const full = this.add(read.scenario);
      if (full) throw new TypeError(`invalid scenarios: ${full}`);
    }
  }

  /** Adds one; returns why not when {@link MAX_SCENARIOS} are already active. */
  add(scenario: ActiveScenario): string | undefined {
    if (this.#active.length >= MAX_SCENARIOS) {
      return `at most ${MAX_SCENARIOS} scenarios can be active at once; clear them first`;
    }
    this.#active.push(scenario);
    return undefined;
  }

  /** The first active scenario for this operation and id, counted down by one; or none. */
  take(operationId: ListOperationId, id: number): ActiveScenario | undefined {
    const index = this.#active.findIndex(
      (s) => s.operationId === operationId && (s.id === null || s.id === id),
    );
    const found = this.#active[index];
    if (found === undefined) return undefined;
    if (found.remaining !== null) {
      const left = { ...found, remaining: found.remaining - 1 };
      if (left.remaining === 0) this.#active.splice(index, 1);
      else this.#active[index] = left;
    }
    return found;
  }

  /** What is active, with what is left of each. */
  list(): readonly ActiveScenario[] {
    return [...this.#active];
  }

  /** Removes every scenario; returns how many there were. */
  clear(): number {
    const count = this.#active.length;
    this.#active = [];
    return count;
  }
}
