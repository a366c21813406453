// The report stays bounded whatever the server sends: 20,000 undocumented keys per item list 20
// names and count the rest ("and 19,980 more"); a 400 whose field name and message are 100,000
// characters each is one finding with the name's shape; every string is capped, and the whole
// report, as text or JSON, stays under 1 MB with a count of what was left out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  formatMarkdown,
  formatReport,
  MAX_REPORT_BYTES,
  type VerifyReport,
  verify,
} from "../src/index.js";
import { type HostileServer, startHostileServer } from "./support/hostile-server.js";

const TOKEN = "tok_Bound-0f1e2d3c4b5a";
const KEYS = 20_000;
const LONG = 100_000;
/** The same 20,000 names in every item, with values of another type in each. */
const extra = (value: unknown) =>
  Object.fromEntries(
    Array.from({ length: KEYS }, (_, i) => [`extra_${String(i).padStart(5, "0")}`, value]),
  );
const VALUES = ["Anna Maria", 42, { nested: true }];

let server: HostileServer;
let report: VerifyReport;
beforeAll(async () => {
  server = await startHostileServer(TOKEN, (_req, res, url) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
      return true;
    };
    if (url.pathname === "/api/v2/course/1/invite/" && url.searchParams.get("limit") !== "0") {
      const results = VALUES.map((value, i) => ({
        id: i + 1,
        username: `user_${i + 1}`,
        real_name: "Anna",
        ext_id: null,
        avatar: null,
        ...extra(value),
      }));
      return json(200, { count: 3, next: null, previous: null, results });
    }
    if (url.searchParams.get("statuses")?.startsWith("[")) {
      return json(400, {
        errors: [
          { field: "f".repeat(LONG), messages: [{ code: "invalid", message: "m".repeat(LONG) }] },
        ],
      });
    }
    return false;
  });
  report = await verify({ baseUrl: server.url, token: TOKEN, ids: { course: 1 } });
});
afterAll(() => server?.close());

describe("a report against a server that sends without bounds", () => {
  it("lists 20 undocumented names per schema (one finding per name, whatever its values), then counts the rest", () => {
    const named = report.findings.filter(
      (f) => f.kind === "undocumented" && f.operationId === "getCourseInvitedUsers",
    );
    const listed = named.filter((f) => f.more === undefined);
    expect(listed).toHaveLength(20);
    const rest = named.find((f) => f.more !== undefined);
    expect(rest).toMatchObject({
      pointer: "/results/*/…",
      more: KEYS - 20,
      actual: { type: "names", value: "and 19,980 more names (20 listed)" },
    });
    expect(rest?.seen.unit).toBe("items");
    expect(rest?.seen.count).toBe(rest?.seen.of);
    expect(report.summary.leftOut.names).toBe(KEYS - 20);
    expect(formatReport(report)).toContain("(left out: 19,980 undocumented names)");
  });

  it("shows a 100,000-character field name once, as its shape", () => {
    const rejected = report.findings.filter((f) => f.kind === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.actual.value).toBe(`HTTP 400 (blames: ‹${LONG} chars: letters›)`);
  });

  it("keeps every string short and the whole report under 1 MB, as text, JSON and markdown", () => {
    const outputs = [formatReport(report), JSON.stringify(report, null, 2), formatMarkdown(report)];
    for (const output of outputs) {
      expect(Buffer.byteLength(output)).toBeLessThan(MAX_REPORT_BYTES);
      expect(output).not.toContain("f".repeat(301));
      expect(output).not.toContain("m".repeat(301));
    }
    // 20,000 names, 3 items, several pages: a report of a few kB, not 60 MB.
    expect(Buffer.byteLength(JSON.stringify(report))).toBeLessThan(100_000);
  });
});
