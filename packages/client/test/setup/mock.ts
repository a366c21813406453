// vitest globalSetup: the contract tests run against the realistic mock, started through the mock
// package (the one launcher of Prism in this repository): Prism validates every request the
// client sends and every answer against the bundled spec, in front of data with the API's
// semantics. With TEST_API_BASE_URL set, the same tests run against that server instead (another
// mock, or the API itself with its test data). Tests read the URL with inject("apiBaseUrl").
import { startMock } from "@community-api/mock";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    apiBaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // `vitest run --typecheck.only` (the typecheck task) runs no test that calls the API.
  if (project.config.typecheck.only) return;
  const external = process.env.TEST_API_BASE_URL;
  if (external) {
    project.provide("apiBaseUrl", external);
    return;
  }
  const mock = await startMock({ port: 0 });
  project.provide("apiBaseUrl", mock.url);
  return () => mock.stop();
}
