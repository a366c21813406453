// `@community-api/mock/kit`: the in-process test kit alone. Nothing here imports a Node
// built-in, so it also runs in browsers and browser-mode test runners.
export { createDataset, type DatasetOptions } from "./dataset.js";
export { createMockFetch, type FetchLike, handleRequest, type MockFetchOptions } from "./fetch.js";
export {
  type ContractCheck,
  createMockHandler,
  type MockHandlerOptions,
  type RequestHandler,
  WARNING_HEADER,
} from "./handler.js";
export type { ListOperationId } from "./lists.js";
export type {
  CourseMember,
  DashboardOrdering,
  DashboardUserItem,
  Dataset,
  InvitedUserItem,
  JoinStatus,
  MockCourse,
  MockEvent,
  MockTag,
  MockUser,
  Page,
} from "./model.js";
export { DEFAULT_PAGE_SIZE } from "./pagination.js";
export { DEFAULT_ORDERING, DEFAULT_STATUSES } from "./params.js";
export {
  type ActiveScenario,
  DEFAULT_RETRY_AFTER,
  type DeclaredStatus,
  MAX_DELAY_MS,
  MAX_RETRY_AFTER,
  MAX_SCENARIOS,
  type Scenario,
  type ScenarioOptions,
} from "./scenarios.js";
export { TEST_TOKENS, type TokenGrant, testToken, tokenGuide } from "./tokens.js";
