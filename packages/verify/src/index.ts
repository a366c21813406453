// Public API of @community-api/verify.
export type { Issue, Location, Severity } from "./check.js";
export type { OperationFact, OperationFacts, ParameterFacts } from "./facts.js";
export { formatMarkdown, formatReport, type MarkdownOptions } from "./format.js";
export type { Exposure, Shown } from "./mask.js";
export { type Case, type Plan, planCases, type Skipped, SMALL_PAGE } from "./plan.js";
export { MAX_SOURCE_TEXT, type Source } from "./provenance.js";
export { MAX_REDIRECTS } from "./record.js";
export { type CliIo, runCli, TOKEN_VARIABLE } from "./run-cli.js";
export {
  DEFAULT_CONCURRENCY,
  DEFAULT_PAGES,
  DEFAULT_RUN_TIMEOUT,
  type FatalReason,
  type Finding,
  MAX_FINDINGS,
  MAX_REPORT_BYTES,
  type OperationSummary,
  type VerifyOptions,
  type VerifyReport,
  verify,
} from "./verify.js";
