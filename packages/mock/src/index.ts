// `@community-api/mock`: the HTTP mock (startMock, Node only) and the in-process test kit.
export * from "./kit/index.js";
export {
  type MockFinish,
  type MockMode,
  type RunningMock,
  type StartMockOptions,
  startMock,
} from "./server/start-mock.js";
