// Every operation of the bundled spec must have a named method, both pagination helpers and a
// contract test entry: adding an operation to the spec fails here until the client catches up.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { createCommunityClient } from "../../src/index.js";
import { CONTRACT_OPERATIONS } from "../contract/operations.js";

const require = createRequire(import.meta.url);
const spec = JSON.parse(
  readFileSync(require.resolve("@community-api/spec/openapi.json"), "utf8"),
) as {
  paths: Record<string, Record<string, { operationId?: string }>>;
};
const operationIds = Object.values(spec.paths).flatMap((item) =>
  Object.values(item).flatMap((operation) =>
    typeof operation === "object" && operation?.operationId ? [operation.operationId] : [],
  ),
);
/** getCourseDashboardUsers -> courseDashboardUsers */
const iteratorName = (operationId: string) =>
  operationId.replace(/^get(.)/, (_, first: string) => first.toLowerCase());

const client = createCommunityClient({ baseUrl: "https://community.test" }) as unknown as Record<
  string,
  unknown
> & { paginate: Record<string, unknown>; pages: Record<string, unknown> };

describe("operations of the bundled spec", () => {
  it("are the three list operations", () => {
    expect(operationIds.sort()).toEqual([
      "getCourseDashboardUsers",
      "getCourseInvitedUsers",
      "getEventInvitedUsers",
    ]);
  });

  it.each(operationIds)("%s has a named method and both pagination helpers", (operationId) => {
    expect(typeof client[operationId]).toBe("function");
    expect(typeof client.paginate[iteratorName(operationId)]).toBe("function");
    expect(typeof client.pages[iteratorName(operationId)]).toBe("function");
  });

  it("have a contract test each, and no contract test names an unknown operation", () => {
    expect(Object.keys(CONTRACT_OPERATIONS).sort()).toEqual([...operationIds].sort());
  });

  it("are all the client has: no method or helper without an operation", () => {
    const named = Object.keys(client).filter((key) => /^get[A-Z]/.test(key));
    expect(named.sort()).toEqual([...operationIds].sort());
    expect(Object.keys(client.paginate).sort()).toEqual(operationIds.map(iteratorName).sort());
    expect(Object.keys(client.pages).sort()).toEqual(operationIds.map(iteratorName).sort());
  });
});
