// The contract check against a given OpenAPI document: createContractCheck (index.ts) gives it
// the bundled spec; the HTTP mock gives it the copy it ships, so that its Node bundle does not
// carry a second one.
import type { ContractCheck } from "../kit/handler.js";
import { type ContractViolation, SpecJudge } from "./spec.js";

/** A contract breach: what was asked, what the mock answered, and why that breaks the spec. */
export interface ContractBreach {
  /** The request, e.g. `GET /api/v2/course/1/users/?limit=5`. */
  readonly request: string;
  /** The status the mock answered (replaced by `500`). */
  readonly status: number;
  /** Why the exchange breaks the contract, e.g. `the mock's response violates the spec`. */
  readonly reason: string;
  /** Each finding (location and message), as the realistic HTTP mock reports Prism's. */
  readonly violations: readonly ContractViolation[];
}

/** Options of {@link createContractCheck}. */
export interface ContractCheckOptions {
  /** Called with each breach before its `500` goes out, e.g. to collect or log them. Default: none. */
  onBreach?: (breach: ContractBreach) => void;
}

// Compiled schemas are kept across checks: one judge per document per process (or page), built
// on first use.
const judges = new WeakMap<object, SpecJudge>();

/** The contract check (see `createContractCheck`) against `doc`, an OpenAPI 3.1 document. */
export function contractCheckOf(doc: object, options: ContractCheckOptions = {}): ContractCheck {
  return async (request, response) => {
    const judge = judges.get(doc) ?? new SpecJudge(doc);
    judges.set(doc, judge);
    const url = new URL(request.url);
    const success = response.status < 400;
    const operation = judge.operation(request.method, url.pathname);
    let reason: string | undefined;
    let violations: readonly ContractViolation[] = [];
    if (operation === undefined) {
      if (success) {
        reason = "the mock answered a route the spec does not define";
        violations = [
          {
            location: ["request"],
            severity: "Error",
            message: `the spec defines no ${request.method} ${url.pathname}`,
          },
        ];
      }
    } else {
      const body = await response.clone().text();
      violations = judge.checkResponse(operation, response.status, response.headers, body);
      if (violations.length > 0) {
        reason = "the mock's response violates the spec";
      } else if (success) {
        violations = judge.checkRequest(operation, url, request.headers);
        if (violations.length > 0) reason = "the mock accepted a request the spec rejects";
      }
    }
    if (reason === undefined) return response;
    const breach: ContractBreach = {
      request: `${request.method} ${url.pathname}${url.search}`,
      status: response.status,
      reason,
      violations,
    };
    options.onBreach?.(breach);
    return new Response(
      JSON.stringify({
        detail: `community-api-mock: ${reason}. This is a bug in the mock, or in the dataset it was given; the findings are in "violations".`,
        violations,
      }),
      { status: 500, headers: { "content-type": "application/json" } },
    );
  };
}
