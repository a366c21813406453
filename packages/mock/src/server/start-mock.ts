// startMock: the running mock. realistic = front -> Prism proxy -> in-process data server;
// static / dynamic = front -> Prism mock. The front always serves /health.

import { readFileSync } from "node:fs";
import { createMockHandler, type RequestHandler } from "../kit/handler.js";
import { delayProblem } from "../kit/scenarios.js";
import { startFront } from "./front.js";
import { type ListeningServer, startDataServer } from "./node-http.js";
import { bundledSpec } from "./package-files.js";
import { type PrismProcess, startPrism } from "./prism.js";
import { dynamicPages, type OpenApiExamples, staticPages } from "./prism-pages.js";
import { createStaging } from "./staging.js";

const readSpec = (path: string) => JSON.parse(readFileSync(path, "utf8")) as OpenApiExamples;

/** How the mock answers. */
export type MockMode = "realistic" | "static" | "dynamic";
export const MOCK_MODES: readonly MockMode[] = ["realistic", "static", "dynamic"];

/** Options of {@link startMock}. */
export interface StartMockOptions {
  /** Port to listen on; `0` picks a free one (read it from `url`/`port`). Default `4010`. */
  port?: number;
  /** Interface to listen on. Default `"127.0.0.1"`. */
  host?: string;
  /**
   * `"realistic"`: seeded data with the API's semantics, every exchange validated by Prism;
   * `"static"`: Prism returns the spec's examples; `"dynamic"`: Prism generates data from the
   * schemas (`--dynamic --seed`). Default `"realistic"`.
   */
  mode?: MockMode;
  /** Seed of the dataset (realistic) or of Prism's generator (dynamic). Default `1`. */
  seed?: number;
  /**
   * Receives Prism's error log, the mock's contract-breach reports and a `warning: …` line for
   * each request the API would silently misread (`statuses[]=…`). Default: discarded.
   */
  log?: (line: string) => void;
  /** How long to wait for Prism to answer, in ms. Default `30_000`. */
  startupTimeoutMs?: number;
  /**
   * How long a request may wait for Prism's answer before the mock answers `504`, in ms (a
   * stopped or wedged Prism accepts connections and never answers). Default `10_000`.
   */
  upstreamTimeoutMs?: number;
  /**
   * How long `GET /health` waits for Prism to answer its probe before it reports
   * `503 {"status":"unavailable"}`, in ms. Default `2_000`.
   */
  probeTimeoutMs?: number;
  /**
   * Delays every answer to the API's routes by this many ms (at most 60 000), for loading
   * states; a request's `Prefer: delay=` replaces it. Default `0`.
   */
  delayMs?: number;
}

/** Why a mock stopped serving. */
export type MockFinish =
  | { readonly reason: "stopped" }
  | { readonly reason: "prism-exited"; readonly detail: string };

/** A started mock. */
export interface RunningMock {
  /** Base URL without trailing slash, e.g. `"http://127.0.0.1:4010"`. */
  readonly url: string;
  readonly port: number;
  readonly mode: MockMode;
  readonly seed: number;
  /** Pid of the Prism child process. */
  readonly prismPid: number;
  /** The loopback port Prism listens on, behind the mock (for diagnostics and benchmarks). */
  readonly prismPort: number;
  /**
   * Settles once the mock no longer serves: `{ reason: "stopped" }` after `stop()`, or
   * `{ reason: "prism-exited" }` when Prism died on its own (the front then answers 502, and
   * `/health` 503 with the reason; Prism is not restarted; call `stop()` to release the rest).
   */
  readonly finished: Promise<MockFinish>;
  /** Stops the front, Prism and the data server; resolves once all are gone. Idempotent. */
  stop(): Promise<void>;
}

/** For tests of the mock itself: serve through a given handler instead of the dataset's. */
export interface StartMockInternals {
  readonly handler?: RequestHandler;
}

function baseUrl(host: string, port: number): string {
  const reachable = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}`;
}

export async function startMockWith(
  options: StartMockOptions,
  internals: StartMockInternals,
): Promise<RunningMock> {
  const mode = options.mode ?? "realistic";
  const seed = options.seed ?? 1;
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? (() => {});
  if (!MOCK_MODES.includes(mode)) throw new TypeError(`unknown mode: ${String(mode)}`);
  if (!Number.isSafeInteger(seed)) throw new TypeError(`seed must be an integer: ${seed}`);
  for (const name of ["upstreamTimeoutMs", "probeTimeoutMs", "startupTimeoutMs"] as const) {
    const ms = options[name];
    if (ms !== undefined && !(Number.isFinite(ms) && ms > 0)) {
      throw new TypeError(`${name} must be a positive number of milliseconds: ${ms}`);
    }
  }
  const delay = delayProblem(options.delayMs ?? 0);
  if (delay) throw new TypeError(delay);
  const spec = bundledSpec();
  const started: { close(): Promise<void> }[] = [];
  const stopAll = async () => {
    // Front first (no new requests), then Prism, then the data server behind it.
    for (const part of started.reverse()) await part.close();
    started.length = 0;
  };
  try {
    let data: ListeningServer | undefined;
    if (mode === "realistic") {
      // A request the API would silently misread (`statuses[]=…`) is logged, not only flagged
      // in the response header.
      const onWarning = (message: string) => log(`warning: ${message}`);
      data = await startDataServer(internals.handler ?? createMockHandler({ seed, onWarning }));
      started.push(data);
    }
    const prism: PrismProcess = await startPrism({
      specPath: spec.path,
      command: data
        ? { kind: "proxy", upstream: `http://127.0.0.1:${data.port}` }
        : { kind: "mock", dynamic: mode === "dynamic", seed },
      log,
      startupTimeoutMs: options.startupTimeoutMs ?? 30_000,
    });
    started.push({ close: prism.stop });
    const front = await startFront({
      port: options.port ?? 4010,
      host,
      prism,
      health: {
        mode,
        ...(mode === "static" ? {} : { seed }),
        specVersion: spec.version,
        specSha256: spec.sha256,
      },
      judge: mode === "realistic",
      ...(mode === "static" ? { pages: staticPages(readSpec(spec.path)) } : {}),
      ...(mode === "dynamic" ? { pages: dynamicPages() } : {}),
      upstreamTimeoutMs: options.upstreamTimeoutMs ?? 10_000,
      probeTimeoutMs: options.probeTimeoutMs ?? 2_000,
      staging: createStaging({
        delayMs: options.delayMs ?? 0,
        // Without a data server the front answers staged requests itself, judged on the spec.
        ...(mode === "realistic" ? {} : { spec: readSpec(spec.path) }),
      }),
      log,
    });
    started.push(front);
    let stopping: Promise<void> | undefined;
    let finish: (value: MockFinish) => void = () => {};
    const finished = new Promise<MockFinish>((resolve) => {
      finish = resolve;
    });
    prism.exited.then((detail) => {
      if (stopping) return;
      log(`Prism exited on its own (${detail}); the mock answers 502 until stopped.`);
      finish({ reason: "prism-exited", detail });
    });
    return {
      url: baseUrl(host, front.port),
      port: front.port,
      mode,
      seed,
      prismPid: prism.pid,
      get prismPort() {
        return prism.port;
      },
      finished,
      stop: () => {
        stopping ??= stopAll().then(() => finish({ reason: "stopped" }));
        return stopping;
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Starts the mock: `const mock = await startMock({ port: 0 }); ...; await mock.stop();` */
export function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  return startMockWith(options, {});
}
