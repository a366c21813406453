// Unhappy paths on demand, over HTTP: `Prefer: code=503, retry-after=2, delay=500` on one request
// (Prism's own convention), the stateful scenarios of the control routes (`/__mock/scenarios`,
// outside the API's `/api/`) and the mock-wide delay. What a staged answer is, which scenarios
// are valid and how they count down is the kit's (scenarios.ts), as for the kit and MSW.
//
// Realistic mode: the front asks the data server for the staged answer (STAGE_HEADER), so that
// it crosses Prism and is validated like every other answer. Static and dynamic modes have no
// data server: the front answers it itself, through the contract check on the shipped spec.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ContractCheck } from "../kit/handler.js";
import { route } from "../kit/handler.js";
import type { ListOperationId } from "../kit/lists.js";
import {
  delayProblem,
  readScenario,
  retryAfterProblem,
  ScenarioBook,
  stagedAnswer,
  statusProblem,
} from "../kit/scenarios.js";
import { send } from "./node-http.js";

/** The control routes' path: outside `/api/`, so it can never shadow an API path. */
export const SCENARIOS_PATH = "/__mock/scenarios";
/** Set by the front on a request whose answer is staged: `{ operationId, status, retryAfter }`. */
export const STAGE_HEADER = "x-community-api-mock-stage";
/** Largest scenario body the control route reads, in bytes. */
export const MAX_SCENARIO_BYTES = 16 * 1024;

/** The staged status of one request. */
export interface Stage {
  readonly operationId: ListOperationId;
  readonly status: number;
  readonly retryAfter: number | null;
}

/** What the front does with one API request: wait `delayMs`, then answer `stage` (if any). */
export type Plan =
  | { readonly problem: string }
  | { readonly delayMs: number; readonly stage?: Stage };

/** The preferences of a `Prefer` header the mock acts on (RFC 7240: others are ignored). */
interface Preferences {
  readonly code?: number;
  readonly retryAfter?: number;
  readonly delay?: number;
}

const PREFERENCES: Readonly<Record<string, keyof Preferences>> = {
  code: "code",
  "retry-after": "retryAfter",
  delay: "delay",
};

/** Reads `Prefer: code=429, retry-after=2, delay=500` (quotes and `;` parameters allowed). */
export function readPrefer(
  header: string | string[] | undefined,
): Preferences | { problem: string } {
  const found: Record<string, number> = {};
  for (const part of [header ?? []].flat().join(",").split(",")) {
    const [token = "", ...value] = (part.split(";")[0] ?? "").split("=");
    const name = PREFERENCES[token.trim().toLowerCase()];
    if (name === undefined) continue;
    const text = value
      .join("=")
      .trim()
      .replace(/^"(.*)"$/, "$1");
    if (!/^[0-9]{1,9}$/.test(text)) {
      const shown = text.length > 20 ? `${text.slice(0, 17)}...` : text;
      return { problem: `Prefer: ${token.trim()} must be a whole number, not "${shown}"` };
    }
    found[name] = Number(text);
  }
  if (found.retryAfter !== undefined && found.code === undefined) {
    return { problem: "Prefer: retry-after goes with a code (Prefer: code=429, retry-after=2)" };
  }
  return found;
}

export interface StagingOptions {
  /** The mock-wide delay of every API answer (`--delay`), in ms. */
  readonly delayMs: number;
  /** Static and dynamic modes: the shipped spec, to judge the answers the front stages itself. */
  readonly spec?: object;
}

export interface Staging {
  /** Answers a request to the control routes; `false` when `url` is not theirs. */
  control(req: IncomingMessage, res: ServerResponse, url: URL, method: string): boolean;
  /** What to do with an API request: its `Prefer`, else the first matching scenario. */
  plan(prefer: string | string[] | undefined, url: URL): Plan;
  /** Static and dynamic modes: sends the staged answer, judged against the spec. */
  answer(res: ServerResponse, url: URL, method: string, stage: Stage): Promise<void>;
}

function sendJson(res: ServerResponse, method: string, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    ...(status === 405 ? { allow: "GET, POST, DELETE" } : {}),
  });
  res.end(method === "HEAD" ? undefined : text);
}

export function createStaging(options: StagingOptions): Staging {
  const book = new ScenarioBook();
  // Loaded on first use: only those who stage answers in static or dynamic mode load Ajv.
  let check: Promise<ContractCheck> | undefined;
  const judged = (spec: object) => {
    check ??= import("../contract/check.js").then(({ contractCheckOf }) => contractCheckOf(spec));
    return check;
  };

  const post = (req: IncomingMessage, res: ServerResponse, method: string) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_SCENARIO_BYTES && !refused) {
        refused = true;
        sendJson(res, method, 413, {
          detail: `community-api-mock: a scenario is at most ${MAX_SCENARIO_BYTES} bytes`,
        });
      }
      if (!refused) chunks.push(chunk);
    });
    // A client that goes away halfway through its body leaves nothing to answer.
    req.on("error", () => {});
    req.on("end", () => {
      if (refused) return;
      let input: unknown;
      try {
        input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return sendJson(res, method, 400, {
          detail: `community-api-mock: the body must be one JSON scenario, e.g. {"operationId":"getCourseDashboardUsers","status":503,"times":2}`,
        });
      }
      const read = readScenario(input);
      if ("problem" in read) {
        return sendJson(res, method, 400, { detail: `community-api-mock: ${read.problem}` });
      }
      const full = book.add(read.scenario);
      if (full) return sendJson(res, method, 400, { detail: `community-api-mock: ${full}` });
      sendJson(res, method, 201, read.scenario);
    });
  };

  return {
    control(req, res, url, method) {
      if (url.pathname !== SCENARIOS_PATH && url.pathname !== `${SCENARIOS_PATH}/`) return false;
      if (method === "POST") post(req, res, method);
      else if (method === "GET" || method === "HEAD") {
        sendJson(res, method, 200, { scenarios: book.list() });
      } else if (method === "DELETE") sendJson(res, method, 200, { cleared: book.clear() });
      else sendJson(res, method, 405, { detail: `Method "${method}" not allowed.` });
      return true;
    },

    plan(prefer, url) {
      const target = route(url.pathname);
      const asked = readPrefer(prefer);
      if ("problem" in asked) return asked;
      if (asked.delay !== undefined) {
        const problem = delayProblem(asked.delay, "Prefer: delay");
        if (problem) return { problem };
      }
      if (!target) return { delayMs: asked.delay ?? options.delayMs };
      const { operationId } = target;
      if (asked.code !== undefined) {
        const problem =
          statusProblem(operationId, asked.code) ??
          (asked.retryAfter === undefined
            ? undefined
            : retryAfterProblem(operationId, asked.code, asked.retryAfter));
        if (problem) return { problem: `Prefer: code=${asked.code}: ${problem}` };
        if (asked.code < 300) return { delayMs: asked.delay ?? options.delayMs };
        return {
          delayMs: asked.delay ?? options.delayMs,
          stage: { operationId, status: asked.code, retryAfter: asked.retryAfter ?? null },
        };
      }
      const scenario = book.take(operationId, target.id);
      const delayMs = asked.delay ?? Math.max(options.delayMs, scenario?.delayMs ?? 0);
      // A 2xx scenario only delays: the normal answer follows.
      if (!scenario || scenario.status < 300) return { delayMs };
      return {
        delayMs,
        stage: { operationId, status: scenario.status, retryAfter: scenario.retryAfter },
      };
    },

    async answer(res, url, method, stage) {
      let response =
        stagedAnswer(stage.operationId, stage.status, stage.retryAfter) ??
        new Response(null, { status: 500 });
      if (options.spec) {
        response = await (await judged(options.spec))(new Request(url, { method }), response);
      }
      if (method === "HEAD") {
        response = new Response(null, { status: response.status, headers: response.headers });
      }
      await send(res, response);
    },
  };
}

/** The staged answer the front asked the data server for, or `undefined`. */
export function stagedByFront(header: string | string[] | undefined): Response | undefined {
  if (typeof header !== "string") return undefined;
  try {
    const stage = JSON.parse(header) as Stage;
    return stagedAnswer(stage.operationId, stage.status, stage.retryAfter);
  } catch {
    return undefined;
  }
}
