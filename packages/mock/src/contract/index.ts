// `@community-api/mock/contract`: an opt-in check of every answer of the in-process kit against
// the bundled spec, as Prism checks the realistic HTTP mock. Pass it as `contract` to
// createMockHandler, createMockFetch or createMswHandlers. It lives apart from the kit so that
// only those who ask load the validator (Ajv) and the spec, which is bundled in at build time:
// no file is read, so it also runs in browsers.
import spec from "@community-api/spec/openapi.json" with { type: "json" };
import type { ContractCheck } from "../kit/handler.js";
import { type ContractViolation, SpecJudge } from "./spec.js";

export type { ContractCheck, ContractViolation };

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

// Compiled schemas are kept across checks: one judge per process (or page), built on first use.
let judge: SpecJudge | undefined;

/**
 * A check that judges each answer against the bundled spec (JSON Schema 2020-12, formats
 * checked): the status must be one the operation declares, the body and headers must match that
 * response's schemas, a success must answer a request the spec accepts (parameters,
 * credentials) on a route it defines. A breach is answered with a `500`
 * `{"detail": ..., "violations": [...]}` in place of the mock's answer, as the realistic HTTP
 * mock answers one, so the client under test fails loudly instead of passing on data the real
 * API would never send.
 */
export function createContractCheck(options: ContractCheckOptions = {}): ContractCheck {
  return async (request, response) => {
    judge ??= new SpecJudge(spec);
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
