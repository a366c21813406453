import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { pnpmEntry, rootScriptsProject, withoutNpmSettings } from "./support/pnpm.js";
import { childrenOf, isAlive } from "./support/processes.js";

// The quick start's main job as a user runs it: `pnpm start`, the root's `start` script (build,
// then scripts/serve.mjs), here with free ports. Ctrl-C in a terminal sends SIGINT to the whole
// foreground process group (pnpm, its shell, the server, Prism): everything must stop, and pnpm
// must exit 0 without `ELIFECYCLE Command failed.`. The build already ran (turbo builds every
// package before this test), so the script runs from a scratch root whose `turbo` is a stub.
const project = rootScriptsProject();
let child: ChildProcess | undefined;
afterAll(() => {
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    process.kill(-child.pid, "SIGKILL");
  }
  rmSync(project, { recursive: true, force: true });
});

function waitForReady(proc: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready:\n${output()}`)), 60_000);
    const check = () => {
      if (/^ready$/m.test(output())) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout?.on("data", check);
    proc.on("exit", (code) => reject(new Error(`exited ${code}:\n${output()}`)));
  });
}

/** Every process below `pid`, depth first. */
function descendantsOf(pid: number): number[] {
  return childrenOf(pid).flatMap((child) => [child, ...descendantsOf(child)]);
}

describe("the main job (pnpm start)", () => {
  it("serves the realistic mock and the docs, prints how to use them, and Ctrl-C stops it with exit 0", async () => {
    let output = "";
    // detached: its own process group, which the Ctrl-C below signals as a terminal would.
    child = spawn(
      process.execPath,
      [pnpmEntry(), "start", "--mock-port", "0", "--docs-port", "0", "--example-port", "0"],
      {
        cwd: project,
        detached: true,
        env: { ...withoutNpmSettings(), NO_COLOR: "1", FORCE_COLOR: "0" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    await waitForReady(child, () => output);
    expect(output).toContain("turbo (stub, already built): run build");
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
    // The example app, pointed at this mock (its port is not the default).
    const exampleUrl = /Example app.*?(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output)?.[1];
    expect(exampleUrl, output).toContain(`?api=${encodeURIComponent(mockUrl!)}`);
    const example = await fetch(exampleUrl!);
    expect(example.status).toBe(200);
    expect(await example.text()).toContain("<title>Course dashboard</title>");

    const descendants = descendantsOf(child.pid!);
    expect(descendants.length).toBeGreaterThan(1); // the server, and Prism below it
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child!.on("exit", (code, signal) => resolve([code, signal])),
    );
    process.kill(-child.pid!, "SIGINT"); // Ctrl-C
    expect(await exited, output).toEqual([0, null]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(output).toContain("SIGINT: stopping the mock and the docs server");
    expect(output).not.toMatch(/ELIFECYCLE|Command failed/);
    expect(descendants.filter(isAlive)).toEqual([]);
    await expect(fetch(`${mockUrl}/health`)).rejects.toThrow();
  });
});
