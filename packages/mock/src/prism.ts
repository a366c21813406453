// Runs Prism as a child process: `process.execPath` + prism-cli's JS entry (no shell, no .bin
// shim), so the pid we hold is Prism itself and killing it really stops it.
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";
import { INTERNAL_MAX_HEADER_BYTES } from "./node-http.js";
import { prismEntry, prismWatchdog } from "./package-files.js";

export type PrismCommand =
  | { readonly kind: "proxy"; readonly upstream: string }
  | { readonly kind: "mock"; readonly dynamic: boolean; readonly seed: number };

export interface PrismOptions {
  readonly specPath: string;
  readonly command: PrismCommand;
  /** Receives Prism's output, line by line. */
  readonly log: (line: string) => void;
  readonly startupTimeoutMs: number;
}

export interface PrismProcess {
  readonly pid: number;
  readonly port: number;
  /** Resolves when Prism exits, for whatever reason; says how. */
  readonly exited: Promise<string>;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (Prism cannot report the one it picked for port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True once anything answers HTTP on the port (Prism has no readiness endpoint). */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      { host: "127.0.0.1", port, path: "/", method: "GET", timeout: 1000 },
      (res) => {
        res.resume();
        resolve(true);
      },
    );
    req.once("error", () => resolve(false));
    req.once("timeout", () => req.destroy());
    req.end();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function kill(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function argumentsFor(options: PrismOptions, port: number): string[] {
  const { command, specPath } = options;
  const shared = [
    "--host",
    "127.0.0.1",
    "--port",
    String(port),
    // Prism forks a cluster worker when NODE_ENV=production: keep it one process, ours to kill.
    "--multiprocess=false",
    // Violations reach us in the sl-violations header; the log only needs errors.
    "--verboseLevel",
    "error",
  ];
  if (command.kind === "proxy") {
    // No --errors: with it Prism answers invalid requests itself (422 problem+json) and never
    // lets the mock give the API's 400; front.ts turns every violation into an error instead.
    return ["proxy", specPath, command.upstream, ...shared];
  }
  const dynamic = command.dynamic ? ["--dynamic", "--seed", String(command.seed)] : [];
  return ["mock", specPath, ...shared, "--errors", ...dynamic];
}

async function attempt(options: PrismOptions): Promise<PrismProcess | "port-taken"> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      `--max-http-header-size=${INTERNAL_MAX_HEADER_BYTES}`,
      "--require",
      prismWatchdog(),
      prismEntry(),
      ...argumentsFor(options, port),
    ],
    {
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      // Its own process group: a terminal's Ctrl+C reaches only us, and we stop Prism in order
      // (front first). If we die without doing so, the watchdog's IPC channel takes it down.
      detached: true,
    },
  );
  const recent: string[] = [];
  // Start-up chatter (and the readiness probe's own 404) is kept for the error message only.
  let ready = false;
  const onOutput = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (line.trim() === "") continue;
      recent.push(line);
      if (recent.length > 50) recent.shift();
      if (ready) options.log(line);
    }
  };
  // Always drained: a full pipe would block Prism.
  child.stdout?.on("data", onOutput);
  child.stderr?.on("data", onOutput);
  child.on("error", (error) => recent.push(String(error)));

  const deadline = Date.now() + options.startupTimeoutMs;
  while (!hasExited(child)) {
    if (await answers(port)) {
      ready = true;
      const exited = new Promise<string>((resolve) => {
        const describe = () => `code ${child.exitCode}, signal ${child.signalCode}`;
        if (hasExited(child)) resolve(describe());
        else child.once("exit", () => resolve(describe()));
      });
      return { pid: child.pid ?? 0, port, exited, stop: () => kill(child) };
    }
    if (Date.now() > deadline) {
      await kill(child);
      throw new Error(
        `Prism did not answer within ${options.startupTimeoutMs} ms:\n${recent.join("\n")}`,
      );
    }
    await sleep(100);
  }
  const output = recent.join("\n");
  if (output.includes("EADDRINUSE")) return "port-taken";
  throw new Error(`Prism exited (code ${child.exitCode}, signal ${child.signalCode}):\n${output}`);
}

/** Starts Prism on a free loopback port and resolves once it answers HTTP. */
export async function startPrism(options: PrismOptions): Promise<PrismProcess> {
  // Another process may grab the free port before Prism binds it: then try another.
  for (let tries = 0; tries < 3; tries++) {
    const result = await attempt(options);
    if (result !== "port-taken") return result;
  }
  throw new Error("Prism could not bind a free port (3 attempts).");
}
