// `@community-api/mock/contract`: an opt-in check of every answer of the in-process kit against
// the bundled spec, as Prism checks the realistic HTTP mock. Pass it as `contract` to
// createMockHandler, createMockFetch or createMswHandlers. It lives apart from the kit so that
// only those who ask load the validator (Ajv) and the spec, which is bundled in at build time:
// no file is read, so it also runs in browsers.
import spec from "@community-api/spec/openapi.json" with { type: "json" };
import type { ContractCheck } from "../kit/handler.js";
import { type ContractBreach, type ContractCheckOptions, contractCheckOf } from "./check.js";
import type { ContractViolation } from "./spec.js";

export type { ContractBreach, ContractCheck, ContractCheckOptions, ContractViolation };

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
  return contractCheckOf(spec, options);
}
