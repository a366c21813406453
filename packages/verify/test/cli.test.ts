// The command as users run it: the built bin against the deviating server (report and exit 1, in
// both formats, the token from the environment or the command line and in no output), and each
// way it cannot run (exit 2 with a message that says which).
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import facts from "@community-api/spec/operations.json" with { type: "json" };
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOKEN_VARIABLE, type VerifyReport } from "../src/index.js";
import {
  type DeviatingServer,
  PERSONAL,
  startDeviatingServer,
  TOKEN,
} from "./support/deviating-server.js";
import { courseArgs, type Output, runBin, runHere } from "./support/run-bin.js";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let server: DeviatingServer;
beforeAll(async () => {
  if (!existsSync(cli)) throw new Error("dist/cli.js is missing: run `pnpm build` first");
  server = await startDeviatingServer();
});
afterAll(() => server?.close());

const expectClean = (ran: Output) => {
  for (const output of [ran.stdout, ran.stderr]) {
    expect(output).not.toContain(TOKEN);
    for (const personal of PERSONAL) expect(output).not.toContain(personal);
  }
};

describe("community-api-verify (the built bin)", () => {
  it("reports the deviations as text and exits 1, the token from the environment", async () => {
    const ran = await runBin(courseArgs(server.url, "--event", "1"), {
      [TOKEN_VARIABLE]: TOKEN,
    });
    expect(ran.code, ran.stderr).toBe(1);
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toMatch(
      /^community-api-verify \d+\.\d+\.\d+: http:\/\/127\.0\.0\.1:\d+ against the spec /,
    );
    expect(ran.stdout).toContain(
      "CONTRADICTION  getCourseInvitedUsers  body /results/*/ext_id  [type]",
    );
    expect(ran.stdout).toContain("UNDOCUMENTED  getCourseInvitedUsers  body /results/*/nickname");
    expect(ran.stdout).toMatch(/the API differs from the spec \(exit 1\)\.\n$/);
    expectClean(ran);
  });

  it("prints the same report as JSON with --json, the token from the command line", async () => {
    const ran = await runBin(courseArgs(server.url, "--token", TOKEN, "--event", "1", "--json"));
    expect(ran.code, ran.stderr).toBe(1);
    const report = JSON.parse(ran.stdout) as VerifyReport;
    expect(report.exitCode).toBe(1);
    expect(report.findings.map((f) => `${f.operationId} ${f.pointer}`)).toContain(
      "getCourseDashboardUsers /results/*/join_status",
    );
    expectClean(ran);
  });

  it("derives its --<resource> flags from the spec's operations", async () => {
    const ran = await runBin(["--help"]);
    expect(ran.code).toBe(0);
    for (const operation of facts.operations) {
      expect(ran.stdout).toContain(`--${operation.roles?.resource} <id>`);
      expect(ran.stdout).toContain(operation.operationId);
    }
  });
});

describe("when it cannot run: exit 2 and a message that says why", () => {
  it.each([
    [["--base-url", "not a url", "--course", "1"], /the base URL "not a url" is not a URL/],
    [["--base-url", "ftp://example.com", "--course", "1"], /must be http or https/],
    [["--course", "1"], /--base-url is required/],
    [
      ["--base-url", "http://127.0.0.1:9"],
      /nothing to check: give the id of at least one of --course, --event/,
    ],
    [["--base-url", "http://127.0.0.1:9", "--course", "abc"], /the course id must match/],
    [
      ["--base-url", "http://127.0.0.1:9", "--course", "1", "--pages", "0"],
      /--pages must be a positive integer/,
    ],
    [["--base-url", "http://127.0.0.1:9", "--cours", "1"], /Unknown option '--cours'/],
  ])("%j", async (args, message) => {
    const ran = await runHere(args, { [TOKEN_VARIABLE]: TOKEN });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(message);
    expectClean(ran);
  });

  it("without a token", async () => {
    const ran = await runHere(courseArgs(server.url));
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/no token: pass --token or set COMMUNITY_API_TOKEN/);
  });

  it("when the server refuses the token (401)", async () => {
    const before = server.seen.length;
    const wrong = `${TOKEN}-expired`;
    const ran = await runHere(courseArgs(server.url, "--token", wrong, "--json"));
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/refused the token \(HTTP 401\)/);
    expect(JSON.parse(ran.stdout)).toMatchObject({
      exitCode: 2,
      fatal: { reason: "unauthorized" },
    });
    // One request, not one per combination.
    expect(server.seen.length - before).toBe(1);
    expect(ran.stdout + ran.stderr).not.toContain(wrong);
  });

  it("when the host cannot be reached", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const ran = await runBin(courseArgs(url), { [TOKEN_VARIABLE]: TOKEN });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(new RegExp(`could not reach ${url}: .*ECONNREFUSED`));
    expectClean(ran);
  });
});
