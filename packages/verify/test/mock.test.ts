// The verifier against the realistic mock, which Prism holds to the spec: nothing to report,
// exit 0, whichever resource the token may read; a resource the token may not read is named as
// not checked (exit 2), not reported as a finding.
import { type RunningMock, startMock, TEST_TOKENS } from "@community-api/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatReport, verify } from "../src/index.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, mode: "realistic" });
});
afterAll(() => mock?.stop());

describe("against the realistic mock", () => {
  it.each([
    ["course", TEST_TOKENS.courseManager],
    ["event", TEST_TOKENS.eventManager],
  ])("reports nothing for the %s lists and exits 0", async (resource, token) => {
    const report = await verify({ baseUrl: mock.url, token, ids: { [resource]: 1 } });
    expect(report.findings).toEqual([]);
    expect(report.notes).toEqual([]);
    expect(report.exitCode).toBe(0);
    const checked = report.operations.filter((o) => o.skipped === null);
    expect(checked.length).toBeGreaterThan(0);
    for (const operation of checked) {
      expect(operation.statuses["200"], operation.operationId).toBeGreaterThan(1);
      expect(operation.items, operation.operationId).toBeGreaterThan(0);
    }
    for (const operation of report.operations.filter((o) => o.skipped !== null)) {
      expect(operation.skipped).toMatch(/^no --\w+ id given$/);
    }
    expect(formatReport(report)).toMatch(/the answers agree with the spec \(exit 0\)\.\n$/);
  });

  it("names the list the token may not read as not checked, with the role it lacks, and exits 2", async () => {
    const report = await verify({
      baseUrl: mock.url,
      token: TEST_TOKENS.courseManager,
      ids: { course: 1, event: 1 },
    });
    expect(report.findings).toEqual([]);
    expect(report.notes).toEqual([]);
    const event = report.operations.find((o) => o.operationId === "getEventInvitedUsers");
    expect(event?.notChecked).toMatch(
      new RegExp(
        `^HTTP 403 to ${event?.combinations.length} of ${event?.combinations.length} combinations: the token lacks the event role \\(manager\\) for event 1$`,
      ),
    );
    expect(report.summary.notChecked).toBe(1);
    expect(report.outcome).toBe("incomplete");
    expect(report.exitCode).toBe(2);
    expect(formatReport(report)).toMatch(
      /1 operation not checked: nothing contradicts the spec, but not everything could be checked \(exit 2\)\.\n$/,
    );
  });
});
