// Runs Prism as a child process: `process.execPath` + prism-cli's JS entry (no shell, no .bin
// shim), so the pid we hold is Prism itself and killing it really stops it.
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
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
  /**
   * The loopback port Prism listens on, as Prism reports it. It moves when Prism reloads a
   * changed spec file (Prism closes its server and listens again, on a new port).
   */
  readonly port: number;
  /** Resolves when Prism exits, for whatever reason; says how. */
  readonly exited: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Asks Prism whether it serves: a CORS preflight (`OPTIONS` with `Origin` and
 * `Access-Control-Request-Method`), which Prism's server answers itself, without routing,
 * validating or logging. Resolves `undefined` once any HTTP answer arrives within `timeoutMs`,
 * else why not. A fresh connection each time, so a stale pooled socket cannot fake an answer.
 */
export function probePrism(port: number, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/",
        method: "OPTIONS",
        headers: { origin: "http://127.0.0.1", "access-control-request-method": "GET" },
        agent: false,
      },
      (res) => {
        res.resume();
        clearTimeout(timer);
        resolve(undefined);
      },
    );
    // A stopped (SIGSTOP) or busy Prism still accepts the connection: only an answer counts.
    const timer = setTimeout(() => {
      req.destroy();
      resolve(`did not answer a probe within ${timeoutMs} ms`);
    }, timeoutMs);
    req.once("error", (error) => {
      clearTimeout(timer);
      resolve(`did not answer a probe (${error.message})`);
    });
    req.end();
  });
}

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
    // A stopped (SIGSTOP) Prism acts on SIGTERM only once it runs again.
    child.kill("SIGCONT");
  });
}

function argumentsFor(options: PrismOptions): string[] {
  const { command, specPath } = options;
  const shared = [
    "--host",
    "127.0.0.1",
    // The kernel picks a free port as Prism binds it (no window for another process to take
    // it first); prism-watchdog.cjs reports which.
    "--port",
    "0",
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
  const dynamic = command.dynamic
    ? // json-schema-faker would otherwise add invented keys (`in_da`, `laborum_c4`) to every
      // object the schema leaves open; the API sends only the properties it declares.
      ["--dynamic", "--seed", String(command.seed), "--json-schema-faker-fillProperties=false"]
    : [];
  return ["mock", specPath, ...shared, "--errors", ...dynamic];
}

/** The port in Prism's "listening" report (see prism-watchdog.cjs), if `message` is one. */
function listeningPort(message: unknown): number | undefined {
  if (typeof message !== "object" || message === null) return undefined;
  const { type, port } = message as { type?: unknown; port?: unknown };
  return type === "listening" && typeof port === "number" ? port : undefined;
}

/** Waits for Prism's first port report, its exit (`closed`) or the time limit. */
function listening(
  child: ChildProcess,
  closed: Promise<void>,
  timeoutMs: number,
): Promise<number | "exited" | "timeout"> {
  return new Promise((resolve) => {
    const settle = (result: number | "exited" | "timeout") => {
      clearTimeout(timer);
      child.off("message", onMessage);
      resolve(result);
    };
    const onMessage = (message: unknown) => {
      const port = listeningPort(message);
      if (port !== undefined) settle(port);
    };
    const timer = setTimeout(() => settle("timeout"), timeoutMs);
    child.on("message", onMessage);
    void closed.then(() => settle("exited"));
  });
}

/** Starts Prism on a free loopback port and resolves once it answers HTTP there. */
export async function startPrism(options: PrismOptions): Promise<PrismProcess> {
  const deadline = Date.now() + options.startupTimeoutMs;
  const child = spawn(
    process.execPath,
    [
      `--max-http-header-size=${INTERNAL_MAX_HEADER_BYTES}`,
      "--require",
      prismWatchdog(),
      prismEntry(),
      ...argumentsFor(options),
    ],
    {
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      // Its own process group: a terminal's Ctrl+C reaches only us, and we stop Prism in order
      // (front first). If we die without doing so, the watchdog's IPC channel takes it down.
      detached: true,
    },
  );
  const recent: string[] = [];
  // Start-up chatter is kept for the error message only.
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
  // "close" rather than "exit": it comes once Prism's output is read to the end too.
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
  // Prism restarts its server when the spec file changes: follow it to the new port.
  let port = 0;
  child.on("message", (message) => {
    port = listeningPort(message) ?? port;
  });

  const failure = (what: string) => new Error(`${what}:\n${recent.join("\n")}`);
  const exitedHow = () => `Prism exited (code ${child.exitCode}, signal ${child.signalCode})`;
  const reported = await listening(child, closed, options.startupTimeoutMs);
  if (reported === "exited") throw failure(exitedHow());
  if (reported === "timeout") {
    await kill(child);
    throw failure(`Prism did not answer within ${options.startupTimeoutMs} ms`);
  }
  // Listening is not yet answering: one request confirms that Prism serves HTTP there.
  const why = await probePrism(reported, Math.max(deadline - Date.now(), 1000));
  if (why !== undefined) {
    const exitedMeanwhile = hasExited(child);
    await kill(child);
    throw failure(exitedMeanwhile ? exitedHow() : `Prism listens on port ${reported} but ${why}`);
  }
  ready = true;
  // A crash (a non-zero exit code) says what Prism last printed that names its error: for an
  // uncaught exception, its message rather than the last frame of its stack.
  const exited = closed.then(() => {
    const named = [...recent].reverse().find((line) => !/^\s+at /.test(line));
    const last = child.exitCode ? named?.slice(0, 300) : undefined;
    return `code ${child.exitCode}, signal ${child.signalCode}${last ? `; its last output: ${last}` : ""}`;
  });
  return {
    pid: child.pid ?? 0,
    get port() {
      return port;
    },
    exited,
    stop: () => kill(child),
  };
}
