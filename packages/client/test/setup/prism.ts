// vitest globalSetup: serves the ONE bundled spec with Prism on 127.0.0.1 and a free port, or
// uses TEST_API_BASE_URL when set. Tests read the URL with inject("apiBaseUrl").
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    apiBaseUrl: string;
    /** Whether apiBaseUrl is the Prism started here (it honours `Prefer`, serves static examples). */
    apiIsPrism: boolean;
  }
}

const require = createRequire(import.meta.url);

/** Prism's JS entry, from its package.json "bin": spawned with process.execPath, killing it really stops it. */
function prismEntry(): string {
  const manifestPath = require.resolve("@stoplight/prism-cli/package.json");
  const { bin } = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    bin: string | Record<string, string>;
  };
  const relative = typeof bin === "string" ? bin : bin.prism;
  if (!relative) throw new Error("@stoplight/prism-cli declares no `prism` bin");
  return join(dirname(manifestPath), relative);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** Polls until the server gives any HTTP answer (Prism has no readiness endpoint). */
async function waitUntilServing(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Prism exited early (${child.exitCode}):\n${log()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`Prism did not answer at ${url} within 30 s:\n${log()}`);
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_API_BASE_URL;
  if (external) {
    project.provide("apiBaseUrl", external);
    project.provide("apiIsPrism", false);
    return;
  }
  const spec = require.resolve("@community-api/spec/openapi.json");
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      prismEntry(),
      "mock",
      spec,
      ...["--host", "127.0.0.1", "--port", String(port)],
      // One process (no fork), so that killing the child stops Prism; quiet per-request logs.
      ...["--multiprocess", "false", "--verboseLevel", "warn"],
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(url, child, () => output);
  } catch (error) {
    child.kill();
    throw error;
  }
  project.provide("apiBaseUrl", url);
  project.provide("apiIsPrism", true);

  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill();
    await exited;
  };
}
