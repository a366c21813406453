// The built CLI (dist/cli.js, what `pnpm mock` and the bin run): it prints what a user needs,
// and a signal stops Prism and frees the port, leaving no orphan, even on SIGKILL; so does the
// death of the process that started it (`npx community-api-mock & kill $!`).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
// One home for what the OS says about processes and ports, shared with the repository's tests.
import {
  childrenOf,
  eventually,
  isAlive,
  portIsFree,
} from "../../../tests/test/support/processes.js";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

beforeAll(() => {
  if (!existsSync(cli))
    throw new Error("dist/cli.js is missing: run `pnpm --filter @community-api/mock build` first");
});

interface Started {
  child: ChildProcess;
  url: string;
  prismPid: number;
  output: () => string;
}

/** Resolves once `child`'s output (its own, or a child's it passes on) shows the banner. */
function bannerOf(child: ChildProcess): Promise<Started> {
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const pid = /Prism pid (\d+)/.exec(output)?.[1];
      if (url && pid && output.includes("Stop with Ctrl+C")) {
        clearTimeout(timer);
        resolve({ child, url, prismPid: Number(pid), output: () => output });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

function start(args: string[]): Promise<Started> {
  return bannerOf(spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] }));
}

/**
 * Parents that start the CLI and wait, as `npx community-api-mock &` or a CI script does: a
 * shell (`sh -c`, which does not exec its command when more follows) and a node script.
 */
const PARENTS = {
  sh: (args: string[]) =>
    spawn("sh", ["-c", '"$0" "$@"; echo "the mock exited: $?"', process.execPath, cli, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    }),
  node: (args: string[]) =>
    spawn(
      process.execPath,
      [
        "-e",
        'require("node:child_process").spawn(process.argv[1], process.argv.slice(2), { stdio: "inherit" }); setInterval(() => {}, 1 << 30);',
        process.execPath,
        cli,
        ...args,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    ),
};

const alive = isAlive;
const gone = (pid: number, withinMs: number) => eventually(() => !isAlive(pid), withinMs);

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });

describe("community-api-mock", () => {
  test("prints the URL, the tokens and a curl line; serves the seed and delay it was given", async () => {
    const args = ["--port", "0", "--seed", "3", "--delay", "250", "--quiet"];
    const { child, url, output } = await start(args);
    try {
      expect(output()).toContain("course-<id>-manager");
      expect(output()).toContain(
        `curl -H 'Authorization: Bearer course-1-manager' '${url}/api/v2/course/1/users/?limit=5'`,
      );
      const health = await (await fetch(`${url}/health`)).json();
      expect(health).toMatchObject({ status: "ok", mode: "realistic", seed: 3 });
      expect(output()).toContain(`${url}/__mock/scenarios`);
      const started = Date.now();
      expect((await fetch(`${url}/api/v2/course/1/users/`)).status).toBe(401);
      expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    } finally {
      child.kill("SIGTERM");
      await exitOf(child);
    }
  });

  test.each(["SIGTERM", "SIGINT"] as const)("%s stops Prism and frees the port", async (signal) => {
    const { child, url, prismPid } = await start(["--port", "0", "--quiet"]);
    const port = Number(new URL(url).port);
    expect(alive(prismPid)).toBe(true);
    expect(await portIsFree(port)).toBe(false);
    child.kill(signal);
    expect(await exitOf(child)).toBe(0);
    expect(await gone(prismPid, 1000)).toBe(true);
    expect(await portIsFree(port)).toBe(true);
  });

  test("SIGKILL (no chance to clean up) still takes Prism down", async () => {
    const { child, prismPid } = await start(["--port", "0", "--quiet"]);
    child.kill("SIGKILL");
    await exitOf(child);
    try {
      expect(await gone(prismPid, 5000)).toBe(true);
    } finally {
      if (alive(prismPid)) process.kill(prismPid, "SIGKILL"); // leave nothing behind on failure
    }
  });

  test.each([
    ["sh", "SIGTERM"],
    ["node", "SIGKILL"],
  ] as const)(
    "a %s parent killed with %s: the CLI and Prism stop, the port is free",
    async (kind, signal) => {
      const parent = PARENTS[kind](["--port", "0", "--quiet"]);
      const { url, prismPid } = await bannerOf(parent);
      const [cliPid] = childrenOf(parent.pid ?? 0);
      const port = Number(new URL(url).port);
      try {
        expect(cliPid && alive(cliPid)).toBe(true);
        parent.kill(signal);
        await exitOf(parent);
        // It notices within its watch interval and stops as on SIGTERM.
        expect(await gone(cliPid ?? 0, 5000), "the CLI outlived its parent").toBe(true);
        expect(await gone(prismPid, 2000), "Prism outlived the CLI").toBe(true);
        expect(await portIsFree(port)).toBe(true);
      } finally {
        for (const pid of [cliPid ?? 0, prismPid]) if (alive(pid)) process.kill(pid, "SIGKILL");
      }
    },
  );

  test("--outlive-parent: the CLI keeps serving after its parent is gone", async () => {
    const parent = PARENTS.sh(["--port", "0", "--quiet", "--outlive-parent"]);
    const { url, prismPid } = await bannerOf(parent);
    const [cliPid = 0] = childrenOf(parent.pid ?? 0);
    try {
      parent.kill("SIGKILL");
      await exitOf(parent);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // several watch intervals
      expect(alive(cliPid)).toBe(true);
      expect((await fetch(`${url}/health`)).status).toBe(200);
      process.kill(cliPid, "SIGTERM");
      expect(await gone(cliPid, 5000)).toBe(true);
      expect(await gone(prismPid, 2000)).toBe(true);
    } finally {
      for (const pid of [cliPid, prismPid]) if (alive(pid)) process.kill(pid, "SIGKILL");
    }
  });

  test("--help, --version and bad arguments", () => {
    const help = spawnSync(process.execPath, [cli, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--port");
    const version = spawnSync(process.execPath, [cli, "--version"], { encoding: "utf8" });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const bad = [
      ["--mode", "fast"],
      ["--port", "x"],
      ["--port", "70000"],
      ["--delay", "60001"],
      ["--nope"],
    ];
    for (const args of bad) {
      const run = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toContain("community-api-mock:");
    }
  });

  test("a port already in use is a clear error", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = spawnSync(process.execPath, [cli, "--port", String(port), "--quiet"], {
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("EADDRINUSE");
    } finally {
      blocker.close();
    }
  });
});
