// The last bound on a report: past MAX_REPORT_BYTES of JSON, findings are dropped from the end
// (the least severe) and counted in summary.leftOut.findings. The hostile-server tests cannot
// reach it with this spec (its findings stay far below MAX_FINDINGS); a report built here can.
import { describe, expect, it } from "vitest";
import { type Finding, MAX_REPORT_BYTES, type VerifyReport } from "../src/index.js";
import { boundReport } from "../src/verify.js";

const finding = (i: number): Finding => ({
  severity: "undocumented",
  operationId: "getCourseInvitedUsers",
  kind: "undocumented",
  location: "body",
  pointer: `/results/*/extra_${i}`,
  example: `/results/0/extra_${i}`,
  spec: "x".repeat(300),
  actual: { type: "string", value: "y".repeat(300) },
  source: { from: "provider-page", page: "z".repeat(160), at: "/components/schemas/User" },
  request: "GET /api/v2/course/1/invite/",
  requests: 1,
  seen: { count: 1, of: 1, unit: "items", status: null },
});

const report = (findings: Finding[]): VerifyReport => ({
  tool: "community-api-verify",
  version: "0.0.0",
  baseUrl: "https://community.example.com",
  spec: { version: "2.0.0", sha256: "0".repeat(64) },
  outcome: "consistent",
  exitCode: 0,
  fatal: null,
  summary: {
    operations: 1,
    skipped: 0,
    notChecked: 0,
    combinations: 1,
    responses: 1,
    items: 1,
    contradictions: 0,
    undocumented: findings.length,
    unchecked: 0,
    bySource: {},
    leftOut: { findings: 7, names: 0 },
  },
  operations: [],
  findings,
  notes: [],
});

describe("boundReport", () => {
  it("drops findings from the end past 1 MB of JSON, and counts them", () => {
    const all = Array.from({ length: 3_000 }, (_, i) => finding(i));
    expect(Buffer.byteLength(JSON.stringify(report(all)))).toBeGreaterThan(2 * MAX_REPORT_BYTES);
    const bounded = boundReport(report(all));
    expect(Buffer.byteLength(JSON.stringify(bounded))).toBeLessThanOrEqual(MAX_REPORT_BYTES);
    expect(bounded.findings).toEqual(all.slice(0, bounded.findings.length));
    expect(bounded.summary.leftOut.findings).toBe(7 + all.length - bounded.findings.length);
  });

  it("leaves a report under the bound as it is", () => {
    const small = report([finding(1)]);
    expect(boundReport(small)).toBe(small);
  });
});
