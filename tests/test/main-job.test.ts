import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { childrenOf, isAlive } from "./support/processes.js";
import { repoRoot } from "./workspace.js";

// The quick start's main job ends by serving the mock and the docs (scripts/serve.mjs).
// Started as a user would, with free ports; Ctrl-C (SIGINT) must stop everything.
let child: ChildProcess | undefined;
afterAll(() => {
  if (child?.exitCode === null) child.kill("SIGKILL");
});

function waitForReady(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`not ready:\n${output}`)), 60_000);
    proc.stdout?.on("data", (chunk: Buffer) => {
      output += chunk;
      if (/^ready$/m.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    });
    proc.stderr?.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    proc.on("exit", (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
}

describe("the main job (scripts/serve.mjs)", () => {
  it("serves the realistic mock and the docs, prints how to use them, and stops on Ctrl-C", async () => {
    child = spawn(
      process.execPath,
      [join(repoRoot, "scripts", "serve.mjs"), "--mock-port", "0", "--docs-port", "0"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const output = await waitForReady(child);
    const mockUrl = /Mock API.*?(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    const docsUrl = /Reference docs\s+(http:\/\/127\.0\.0\.1:\d+\/?)/.exec(output)?.[1];
    expect(mockUrl, output).toBeTruthy();
    expect(docsUrl, output).toBeTruthy();
    expect(output).toMatch(/course-1-manager/);
    expect(output).toMatch(/curl -H "Authorization: Bearer course-1-manager"/);

    const page = await fetch(`${mockUrl}/api/v2/course/1/users/?limit=2`, {
      headers: { Authorization: "Bearer course-1-manager" },
    });
    expect(page.status).toBe(200);
    const body = (await page.json()) as { count: number; results: unknown[]; next: string };
    expect(body.results).toHaveLength(2);
    expect(body.next).toContain(`${mockUrl}/api/v2/course/1/users/`);
    expect((await fetch(`${mockUrl}/api/v2/course/1/users/`)).status).toBe(401);

    const docs = await fetch(docsUrl!);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain("Get Course Dashboard Users");

    const descendants = childrenOf(child.pid!).flatMap((pid) => [pid, ...childrenOf(pid)]);
    expect(descendants.length).toBeGreaterThan(0); // Prism runs as a child process
    const exited = new Promise<number | null>((resolve) => child!.on("exit", resolve));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(descendants.filter(isAlive)).toEqual([]);
    await expect(fetch(`${mockUrl}/health`)).rejects.toThrow();
  });
});
