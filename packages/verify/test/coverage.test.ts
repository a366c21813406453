// The report tells the truth about coverage: one count of combinations per operation, the same
// in its line, its notes and the summary; an operation none of whose combinations could be
// checked (every one refused) is named as not checked, with the role the token lacks (from the
// spec's x-required-roles), and the run exits 2 even though nothing contradicts the spec.
import facts from "@community-api/spec/operations.json" with { type: "json" };
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatReport, type VerifyReport, verify } from "../src/index.js";
import { type HostileServer, startHostileServer } from "./support/hostile-server.js";

const TOKEN = "tok_Coverage-1234abcd";

let server: HostileServer;
let report: VerifyReport;
beforeAll(async () => {
  // The kit refuses the event list to a course manager (403); one dashboard ordering is refused too.
  server = await startHostileServer(TOKEN, (_req, res, url) => {
    if (url.searchParams.get("ordering") === "joined_at") {
      res.writeHead(403, { "content-type": "application/json" });
      res.end(JSON.stringify({ detail: "You do not have permission to perform this action." }));
      return true;
    }
    return false;
  });
  report = await verify({ baseUrl: server.url, token: TOKEN, ids: { course: 1, event: 1 } });
});
afterAll(() => server?.close());

const operation = (id: string) => report.operations.find((o) => o.operationId === id);
/** The roles the spec requires for an operation, as the report words them. */
const roles = (id: string) =>
  facts.operations.find((o) => o.operationId === id)?.roles?.roles.join(" or ");

describe("coverage", () => {
  it("names an operation refused on every combination as not checked, with the role it needs", () => {
    const event = operation("getEventInvitedUsers");
    const n = event?.combinations.length;
    expect(event?.checked).toBe(0);
    expect(event?.notChecked).toBe(
      `HTTP 403 to ${n} of ${n} combinations: the token lacks the event role (${roles("getEventInvitedUsers")}) for event 1`,
    );
    expect(report.summary.notChecked).toBe(1);
    expect(report.findings).toEqual([]);
    expect(report.outcome).toBe("incomplete");
    expect(report.exitCode).toBe(2);
  });

  it("counts combinations once: the same number in the line, the notes and the summary", () => {
    const dashboard = operation("getCourseDashboardUsers");
    const n = dashboard?.combinations.length ?? 0;
    expect(dashboard?.notChecked).toBeNull();
    expect(dashboard?.checked).toBe(n - 1);
    expect(report.notes).toEqual([
      `getCourseDashboardUsers: HTTP 403 to 1 of ${n} combinations: the token lacks the course role (${roles("getCourseDashboardUsers")}) for course 1; only the error answers were checked`,
    ]);
    const text = formatReport(report);
    expect(text).toMatch(new RegExp(`getCourseDashboardUsers +${n} combinations, `));
    expect(text).toContain(
      `NOT CHECKED: HTTP 403 to ${operation("getEventInvitedUsers")?.combinations.length} of`,
    );
    expect(report.summary.combinations).toBe(
      report.operations.reduce((sum, o) => sum + o.combinations.length, 0),
    );
    expect(text).toMatch(/1 operation not checked: .* \(exit 2\)\.\n$/);
  });
});
