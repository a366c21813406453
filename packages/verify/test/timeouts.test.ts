// Time is bounded too: `--timeout` limits each request until its body is read (default: the
// client's), `--run-timeout` the whole run. Against a server that never answers, the run ends
// in about what the flags say, with exit 2 and a message naming the limit; a run cut short
// reports what it checked and names the rest as not checked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOKEN_VARIABLE, type VerifyReport } from "../src/index.js";
import { type HostileServer, startHostileServer } from "./support/hostile-server.js";
import { courseArgs, runHere } from "./support/run-bin.js";

const TOKEN = "tok_Timeout-99887766";
const env = { [TOKEN_VARIABLE]: TOKEN };

/** Runs the command in process and times it. */
async function timed(args: string[]) {
  const started = performance.now();
  const ran = await runHere(args, env);
  return { ...ran, seconds: (performance.now() - started) / 1000 };
}

let silent: HostileServer;
let slow: HostileServer;
let stalling: HostileServer;
beforeAll(async () => {
  // Accepts every request and never answers.
  silent = await startHostileServer(TOKEN, () => true);
  // Answers the first request (the dashboard's defaults, from the kit), never any other.
  slow = await startHostileServer(TOKEN, (_req, _res, url) => url.search !== "");
  // The invite list sends its headers and the start of a body, then stalls; the rest is the kit's.
  stalling = await startHostileServer(TOKEN, (_req, res, url) => {
    if (url.pathname !== "/api/v2/course/1/invite/") return false;
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"count": 3, "results": [');
    return true;
  });
});
afterAll(async () => {
  await silent?.close();
  await slow?.close();
  await stalling?.close();
});

describe("a server that never answers", () => {
  it("--timeout: each attempt gives up after it (the client's retries included)", async () => {
    const ran = await timed(courseArgs(silent.url, "--timeout", "0.2"));
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(
      new RegExp(`could not reach ${silent.url}: getCourseDashboardUsers timed out after 200 ms`),
    );
    // Three attempts of 0.2 s and two retry waits of at most 0.5 s and 1 s (with jitter).
    expect(ran.seconds).toBeLessThan(5);
  });

  it("--run-timeout: the whole run stops then, whatever --timeout says", async () => {
    const ran = await timed(courseArgs(silent.url, "--run-timeout", "0.5"));
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(
      `${silent.url} did not answer within the run's time limit (0.5 s, --run-timeout)`,
    );
    expect(ran.seconds).toBeLessThan(3);
  });

  it("refuses a timeout that is not a positive number of seconds", async () => {
    const ran = await timed(courseArgs(silent.url, "--timeout", "0"));
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/--timeout must be a positive number of seconds/);
  });
});

describe("a run cut short", () => {
  it("ends at --run-timeout, reports what it checked and names the rest as not checked", async () => {
    const ran = await timed(courseArgs(slow.url, "--pages", "1", "--run-timeout", "1", "--json"));
    expect(ran.code, ran.stderr).toBe(2);
    expect(ran.seconds).toBeLessThan(3);
    const report = JSON.parse(ran.stdout) as VerifyReport;
    const dashboard = report.operations.find((o) => o.operationId === "getCourseDashboardUsers");
    expect(dashboard?.checked).toBe(1);
    expect(report.notes).toContain(
      `getCourseDashboardUsers: cut short to ${(dashboard?.combinations.length ?? 0) - 1} of ${dashboard?.combinations.length} combinations: the run reached its time limit (1 s, --run-timeout)`,
    );
    const invites = report.operations.find((o) => o.operationId === "getCourseInvitedUsers");
    expect(invites?.notChecked).toMatch(/^cut short to (\d+) of \1 combinations/);
    expect(report.outcome).toBe("incomplete");
  });
});

describe("a body that stalls", () => {
  it("is a timeout of that answer (not retried, not a contradiction), and --timeout bounds it", async () => {
    const ran = await timed(courseArgs(stalling.url, "--timeout", "0.3", "--json"));
    expect(ran.code, ran.stderr).toBe(2);
    const report = JSON.parse(ran.stdout) as VerifyReport;
    const invites = report.operations.find((o) => o.operationId === "getCourseInvitedUsers");
    expect(invites?.notChecked).toMatch(/^failed to \d+ of \d+ combinations/);
    expect(report.notes).toContain(
      "getCourseInvitedUsers (defaults): not checked: getCourseInvitedUsers timed out after 300 ms while reading the response",
    );
    expect(report.findings.filter((f) => f.operationId === "getCourseInvitedUsers")).toEqual([]);
    // One request per combination: a body that had begun is not retried.
    expect(stalling.seen.filter((r) => r.url.startsWith("/api/v2/course/1/invite/"))).toHaveLength(
      invites?.combinations.length ?? -1,
    );
  });
});
