// `--report markdown`: a report to paste into an issue as it is. It holds the verdict, a table
// of the operations and the text report in a code block, and no token, no personal data and no
// host unless `--show-host`. The issue template that asks for it is in the repository.
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOKEN_VARIABLE } from "../src/index.js";
import {
  type DeviatingServer,
  PERSONAL,
  startDeviatingServer,
  TOKEN,
} from "./support/deviating-server.js";
import { runHere } from "./support/run-bin.js";

const env = { [TOKEN_VARIABLE]: TOKEN };
let server: DeviatingServer;
beforeAll(async () => {
  server = await startDeviatingServer();
});
afterAll(() => server?.close());

const args = () => ["--base-url", server.url, "--course", "1", "--event", "1"];

describe("--report markdown", () => {
  it("prints a redacted report: no token, no personal data, no host", async () => {
    const ran = await runHere([...args(), "--report", "markdown"], env);
    expect(ran.code).toBe(1);
    const { host, hostname, port } = new URL(server.url);
    for (const secret of [TOKEN, ...PERSONAL, host, hostname, `:${port}`, "elsewhere.example"]) {
      expect(ran.stdout, secret).not.toContain(secret);
    }
    expect(ran.stdout).toMatch(/^### community-api-verify \d+\.\d+\.\d+ report\n/);
    expect(ran.stdout).toContain("- base URL: hidden (run with `--show-host` to include it)");
    expect(ran.stdout).toContain("| `getEventInvitedUsers` |");
    expect(ran.stdout).toContain("**not checked**: HTTP 403 to");
    // The text report, in a code block: the link findings with placeholders for the hosts.
    expect(ran.stdout).toContain("```text\ncommunity-api-verify ");
    expect(ran.stdout).toContain(
      "spec     a link to this list: <base-url>/api/v2/course/1/users/?…",
    );
    expect(ran.stdout).toContain('arrived  "<other-origin>/api/v2/course/1/users/?…" (string)');
    expect(ran.stdout).toContain(
      "CONTRADICTION  getCourseDashboardUsers  body /results/*/join_status  [enum]",
    );
  });

  it("keeps the hosts with --show-host", async () => {
    const ran = await runHere([...args(), "--report", "markdown", "--show-host"], env);
    expect(ran.stdout).toContain(`- base URL: \`${server.url}\``);
    expect(ran.stdout).toContain("https://elsewhere.example/api/v2/course/1/users/");
    expect(ran.stdout).not.toContain(TOKEN);
  });

  it("hides the host of a run that could not reach it, in every message", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const ran = await runHere(
      ["--base-url", `http://127.0.0.1:${port}`, "--course", "1", "--report", "markdown"],
      env,
    );
    expect(ran.code).toBe(2);
    expect(ran.stdout).toContain("Could not run (network), exit 2");
    expect(ran.stdout).toContain("could not reach <base-url>:");
    expect(ran.stdout).not.toContain("127.0.0.1");
  });

  it("refuses an unknown format", async () => {
    const ran = await runHere([...args(), "--report", "html"], env);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/--report must be one of text, json, markdown, got "html"/);
  });
});

describe("the issue template for verify reports", () => {
  const template = fileURLToPath(
    new URL("../../../.github/ISSUE_TEMPLATE/verify-report.md", import.meta.url),
  );

  it("asks for the markdown report, with the command that prints it", () => {
    expect(existsSync(template)).toBe(true);
    const text = readFileSync(template, "utf8");
    expect(text).toMatch(/^---\nname: .+\nabout: .+\ntitle: .+\nlabels: .+\n---\n/);
    expect(text).toContain("--report markdown");
    expect(text).toContain("COMMUNITY_API_TOKEN");
  });
});
