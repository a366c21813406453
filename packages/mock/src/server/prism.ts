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
    // A stopped (SIGSTOP) Prism acts on SIGTERM only once it runs again.
    child.kill("SIGCONT");
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
  const dynamic = command.dynamic
    ? // json-schema-faker would otherwise add invented keys (`in_da`, `laborum_c4`) to every
      // object the schema leaves open; the API sends only the properties it declares.
      ["--dynamic", "--seed", String(command.seed), "--json-schema-faker-fillProperties=false"]
    : [];
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

  const deadline = Date.now() + options.startupTimeoutMs;
  while (!hasExited(child)) {
    if ((await probePrism(port, 1000)) === undefined) {
      ready = true;
      const exited = new Promise<string>((resolve) => {
        // A crash (a non-zero exit code) says what Prism last printed, which names its error.
        const describe = () => {
          const last = child.exitCode ? recent.at(-1)?.slice(0, 300) : undefined;
          return `code ${child.exitCode}, signal ${child.signalCode}${last ? `; its last output: ${last}` : ""}`;
        };
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
