// Whatever a server sends, the verifier reads at most maxResponseSize bytes of any body (counted
// decoded, its own recording copy included), stops the transfer there, reports the answer as
// `too-large` naming the limit and exits 2; its memory stays bounded and no engine error
// reaches the report. Servers on 127.0.0.1: a 200 whose body never ends, a 400 whose body never
// ends, and a 1 MB gzip body that inflates to 1 GiB.
import type { ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatReport, TOKEN_VARIABLE, type VerifyReport, verify } from "../src/index.js";
import { endless, type HostileServer, startHostileServer } from "./support/hostile-server.js";
import { courseArgs, runBin, runHere } from "./support/run-bin.js";

const TOKEN = "tok_Bounded-5e4d3c2b1a";
const env = { [TOKEN_VARIABLE]: TOKEN };
const MiB = 2 ** 20;
/** One gzip member of 1 MiB of zeros (about 1 kB); 1,024 of them in a row inflate to 1 GiB. */
const MEMBER = gzipSync(Buffer.alloc(MiB));

/** 1,024 gzip members, written as the client reads: 1 MB on the wire, 1 GiB decoded. */
function gzipBomb(res: ServerResponse): true {
  res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
  let sent = 0;
  const pump = () => {
    while (sent < 1024 && !res.destroyed) {
      sent++;
      if (!res.write(MEMBER)) {
        res.once("drain", pump);
        return;
      }
    }
    res.end();
  };
  pump();
  return true;
}

const A = Buffer.alloc(64 * 1024, "a");

/** Answers `status` with a JSON body that never ends. */
function endlessJson(res: ServerResponse, status: number): true {
  res.writeHead(status, { "content-type": "application/json" });
  endless(res, A);
  return true;
}

const ENGINE_ERRORS = /Cannot create a string|RangeError|Invalid string length|heap/i;

describe("a body past maxResponseSize", () => {
  let server: HostileServer;
  let report: VerifyReport;
  beforeAll(async () => {
    server = await startHostileServer(TOKEN, (_req, res, url) => {
      if (url.pathname.endsWith("/invite/")) return endlessJson(res, 200);
      if (url.searchParams.get("statuses")?.startsWith("[")) return endlessJson(res, 400);
      if (url.searchParams.get("ordering") === "-joined_at") return gzipBomb(res);
      return false;
    });
    report = await verify({
      baseUrl: server.url,
      token: TOKEN,
      ids: { course: 1 },
      maxResponseSize: MiB,
    });
  });
  afterAll(() => server?.close());

  it("is a too-large finding naming the limit, for a success and an error status alike", () => {
    const tooLarge = report.findings.filter((f) => f.kind === "too-large");
    // One finding per operation and place: the dashboard's 200s (gzip) and 400 group together.
    expect(tooLarge.map((f) => f.operationId).sort()).toEqual([
      "getCourseDashboardUsers",
      "getCourseInvitedUsers",
    ]);
    for (const finding of tooLarge) {
      expect(finding.severity).toBe("unchecked");
      expect(finding.spec).toBe(`a body of at most ${MiB} bytes (--max-response-size)`);
      expect(finding.actual.value).toMatch(`more than ${MiB} bytes`);
    }
    // Never as a refusal of a valid request, which is what a cut error body looked like.
    expect(report.findings.filter((f) => f.kind === "rejected")).toEqual([]);
  });

  it("stops the transfer: the server sees the connection closed", () => {
    const cut = server.seen.filter(
      (r) => r.url.includes("/invite/") || r.url.includes("statuses=%5B"),
    );
    expect(cut.length).toBeGreaterThan(2);
    for (const request of cut) {
      expect(request.closedEarly, request.url).toBe(true);
      // The limit, plus what the sockets' buffers held when the connection closed.
      expect(request.bytes, request.url).toBeLessThan(16 * MiB);
    }
    // The gzip body (1 MB) fits in the sockets' buffers: what stops there is the inflation.
    const bomb = server.seen.filter((r) => r.url.includes("ordering=-joined_at"));
    expect(bomb.length).toBeGreaterThan(0);
    for (const request of bomb) expect(request.bytes).toBe(1024 * MEMBER.byteLength);
  });

  it("exits 2: an operation with every answer too large is named as not checked", () => {
    expect(report.outcome).toBe("incomplete");
    expect(report.exitCode).toBe(2);
    const invites = report.operations.find((o) => o.operationId === "getCourseInvitedUsers");
    expect(invites?.notChecked).toMatch(
      new RegExp(
        `^too large to \\d+ of ${invites?.combinations.length} combinations: a body over ${MiB} bytes`,
      ),
    );
    // The dashboard's other combinations were checked.
    const dashboard = report.operations.find((o) => o.operationId === "getCourseDashboardUsers");
    expect(dashboard?.notChecked).toBeNull();
    expect(report.notes.join("\n")).toMatch(/getCourseDashboardUsers: too large to 2 of \d+/);
  });

  it("takes the limit from --max-response-size, in bytes or KiB, MiB, GiB", async () => {
    const args = courseArgs(server.url, "--pages", "1", "--json");
    const ran = await runHere([...args, "--max-response-size", "512KiB"], env);
    expect(ran.code, ran.stderr).toBe(2);
    const findings = (JSON.parse(ran.stdout) as VerifyReport).findings;
    expect(findings.find((f) => f.kind === "too-large")?.spec).toBe(
      "a body of at most 524288 bytes (--max-response-size)",
    );
    const bad = await runHere([...args, "--max-response-size", "16MB"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /--max-response-size must be a positive number of bytes, or of KiB, MiB or GiB \(16MiB\), got "16MB"/,
    );
  });

  it("lets no engine error reach the report", () => {
    expect(formatReport(report)).not.toMatch(ENGINE_ERRORS);
    expect(JSON.stringify(report)).not.toMatch(ENGINE_ERRORS);
  });
});

describe("peak memory of the command (default limit, 16 MiB)", () => {
  let server: HostileServer;
  beforeAll(async () => {
    server = await startHostileServer(TOKEN, (_req, res, url) => {
      return url.pathname.includes("/invite/") ? endlessJson(res, 200) : gzipBomb(res);
    });
  });
  afterAll(() => server?.close());

  it("stays under 400 MB against a never-ending 200 and a 1 MB gzip body of 1 GiB", async () => {
    const ran = await runBin(courseArgs(server.url, "--pages", "1", "--json"), env, true);
    expect(ran.code, ran.stderr).toBe(2);
    const report = JSON.parse(ran.stdout) as VerifyReport;
    expect(new Set(report.findings.map((f) => `${f.operationId} ${f.kind}`))).toEqual(
      new Set(["getCourseInvitedUsers too-large", "getCourseDashboardUsers too-large"]),
    );
    expect(report.summary.notChecked).toBe(2);
    expect(ran.stdout).not.toMatch(ENGINE_ERRORS);
    expect(ran.maxRssMb).not.toBeNull();
    expect(ran.maxRssMb).toBeLessThan(400);
    console.info(`peak RSS ${ran.maxRssMb?.toFixed(0)} MB in ${(ran.ms / 1000).toFixed(1)} s`);
  });
});
