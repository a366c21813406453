// The verifier against a server that deviates from the spec in known ways (see
// support/deviating-server.ts): the report names each deviation with its place, what the spec
// says, what arrived and how often, at the right severity; it exits 1; and it holds neither the
// token nor the people's data the server sent.
import facts from "@community-api/spec/operations.json" with { type: "json" };
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Finding, formatReport, type VerifyReport, verify } from "../src/index.js";
import {
  type DeviatingServer,
  PERSONAL,
  startDeviatingServer,
  TOKEN,
} from "./support/deviating-server.js";

let server: DeviatingServer;
let report: VerifyReport;

beforeAll(async () => {
  server = await startDeviatingServer();
  report = await verify({ baseUrl: server.url, token: TOKEN, ids: { course: 1, event: "1" } });
});
afterAll(() => server.close());

/** The item schema the spec gives an operation's list (from the operation facts). */
const itemSchema = (operationId: string) =>
  facts.operations.find((o) => o.operationId === operationId)?.itemSchema;

/** The one finding of an operation at a pointer (and of a kind). */
function finding(operationId: string, pointer: string, kind?: string): Finding {
  const found = report.findings.filter(
    (f) => f.operationId === operationId && f.pointer === pointer && (!kind || f.kind === kind),
  );
  expect(found, `${operationId} ${pointer} ${kind ?? ""}`).toHaveLength(1);
  return found[0] as Finding;
}

describe("against a server that deviates from the spec", () => {
  it("exits 1: something contradicts the spec", () => {
    expect(report.fatal).toBeNull();
    expect(report.outcome).toBe("contradicted");
    expect(report.exitCode).toBe(1);
  });

  it("names ext_id as an object: a type contradiction in 1 item", () => {
    const f = finding("getCourseInvitedUsers", "/results/*/ext_id");
    expect(f).toMatchObject({
      severity: "contradiction",
      kind: "type",
      location: "body",
      spec: "string, integer or null",
      actual: { type: "object", value: "{…} (object; keys: crm, source)" },
      example: "/results/0/ext_id",
    });
    expect(f.request).toMatch(/^GET \/api\/v2\/course\/1\/invite\//);
    // Item 0 comes back in the defaults and in the paging combination.
    expect(f.seen).toMatchObject({ unit: "items", count: 2 });
    expect(f.seen.of).toBeGreaterThanOrEqual(10);
  });

  it("names the missing count in every page: a required field, per response", () => {
    const f = finding("getCourseDashboardUsers", "/count");
    expect(f).toMatchObject({
      severity: "contradiction",
      kind: "required",
      spec: "required: integer (>= 0)",
      actual: { type: "absent" },
    });
    const pages = report.operations.find((o) => o.operationId === "getCourseDashboardUsers")
      ?.statuses["200"];
    expect(f.seen).toEqual({ count: pages, of: pages, unit: "responses", status: 200 });
  });

  it("names the fields the spec does not describe as undocumented, values masked", () => {
    const nickname = finding("getCourseInvitedUsers", "/results/*/nickname");
    expect(nickname).toMatchObject({
      severity: "undocumented",
      kind: "undocumented",
      spec: `not described by ${itemSchema("getCourseInvitedUsers")}`,
      actual: { type: "string", value: '"G…" (string, 5 chars)' },
    });
    expect(nickname.seen.count).toBe(nickname.seen.of);
    const email = finding("getCourseInvitedUsers", "/results/*/email");
    expect(email.actual.value).toBe('"gi…m" (string, 18 chars)');
  });

  it("names a 403 body of a third shape, and says the token lacks the role", () => {
    const f = finding("getEventInvitedUsers", "", "no-match");
    expect(f.severity).toBe("contradiction");
    expect(f.spec).toContain("ErrorList (object with errors)");
    expect(f.spec).toContain("ErrorDetail (object with detail)");
    expect(f.actual).toEqual({ type: "object", value: "{…} (object; keys: message, status)" });
    expect(f.seen).toEqual({ count: 2, of: 2, unit: "responses", status: 403 });
    expect(finding("getEventInvitedUsers", "/message").severity).toBe("undocumented");
    // Every combination refused: the operation is named as not checked, with the role it needs,
    // counted over the same combinations as its line.
    const event = report.operations.find((o) => o.operationId === "getEventInvitedUsers");
    const combinations = event?.combinations.length;
    expect(event?.notChecked).toMatch(
      new RegExp(
        `^HTTP 403 to \\d+ of ${combinations} combinations: the token lacks the event role \\(manager\\) for event 1$`,
      ),
    );
    expect(report.summary.notChecked).toBe(1);
    expect(formatReport(report)).toContain(`NOT CHECKED: ${event?.notChecked}`);
  });

  it("names a next (and previous) link to another host", () => {
    for (const link of ["/next", "/previous"]) {
      const f = finding("getCourseDashboardUsers", link, "link");
      expect(f.severity).toBe("contradiction");
      expect(f.spec).toBe(`a link to this list: ${server.url}/api/v2/course/1/users/?…`);
      expect(f.actual.value).toBe('"https://elsewhere.example/api/v2/course/1/users/?…" (string)');
    }
    // The client followed it through the base URL: nothing went to the other host.
    expect(server.seen.every((r) => r.host === new URL(server.url).host)).toBe(true);
  });

  it('names join_status "banned": an enum contradiction, the code shown as is', () => {
    const f = finding("getCourseDashboardUsers", "/results/*/join_status");
    expect(f).toMatchObject({
      severity: "contradiction",
      kind: "enum",
      actual: { type: "string", value: '"banned" (string)' },
    });
    expect(f.spec).toBe(
      'one of "creator", "manager", "joined", "invited", "requested", "payment_waiting", or null',
    );
  });

  it("names a valid JSON-array statuses refused with a 400", () => {
    const f = finding("getCourseDashboardUsers", "", "rejected");
    expect(f).toMatchObject({
      location: "status",
      actual: { type: "status", value: "HTTP 400 (blames: statuses)" },
    });
    expect(f.request).toBe('GET /api/v2/course/1/users/?statuses=["creator","manager"]');
  });

  it("reports nothing else: the 429 was retried, the 401 and 400 probes match the spec", () => {
    const named = new Set([
      "getCourseInvitedUsers /results/*/ext_id",
      "getCourseInvitedUsers /results/*/nickname",
      "getCourseInvitedUsers /results/*/email",
      "getCourseDashboardUsers /count",
      "getCourseDashboardUsers /next",
      "getCourseDashboardUsers /previous",
      "getCourseDashboardUsers /results/*/join_status",
      "getCourseDashboardUsers ",
      "getEventInvitedUsers ",
      "getEventInvitedUsers /message",
      "getEventInvitedUsers /status",
    ]);
    expect(report.findings.filter((f) => !named.has(`${f.operationId} ${f.pointer}`))).toEqual([]);
    const invites = server.seen.filter((r) => r.url.startsWith("/api/v2/course/1/invite/"));
    expect(invites.length).toBeGreaterThan(1);
    expect(
      report.operations.find((o) => o.operationId === "getCourseInvitedUsers")?.statuses,
    ).toMatchObject({ 429: 1 });
  });

  it("only read, only from the base URL, the token only with its own requests", () => {
    expect(new Set(server.seen.map((r) => r.method))).toEqual(new Set(["GET"]));
    const withoutToken = server.seen.filter((r) => r.authorization === undefined);
    expect(withoutToken).toHaveLength(1); // the 401 probe
    for (const r of server.seen.filter((r) => r.authorization !== undefined)) {
      expect(r.authorization).toBe(`Bearer ${TOKEN}`);
    }
  });

  it("walks at most --pages pages per combination", async () => {
    const before = server.seen.length;
    const one = await verify({ baseUrl: server.url, token: TOKEN, ids: { course: 1 }, pages: 1 });
    const dashboard = server.seen
      .slice(before)
      .filter((r) => r.url.startsWith("/api/v2/course/1/users/"));
    const combinations = one.operations.find((o) => o.operationId === "getCourseDashboardUsers")
      ?.combinations.length;
    expect(dashboard.length).toBe(combinations);
  });

  it("holds neither the token nor the people's data, as text or as JSON", () => {
    for (const output of [formatReport(report), JSON.stringify(report)]) {
      expect(output).not.toContain(TOKEN);
      for (const personal of PERSONAL) expect(output).not.toContain(personal);
    }
  });
});
