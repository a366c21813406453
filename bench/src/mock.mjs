// 6. Mock: what a test suite that starts the mock once and makes thousands of calls pays.
//   - Startup: from startMock() to a healthy `GET /health`, per mode (median of a few starts).
//   - Load: a closed loop of `connections` keep-alive connections, the load generator in its
//     own process (./mock-load.mjs), against each hop of the realistic mode: the front (what
//     users call), Prism directly (validation, proxying) and the data server directly (the
//     seeded dataset), plus the static mode's front. Targets rotate every round. The
//     difference between neighbouring hops is where the time goes.
// Prism's port is the mock's `prismPort`; the data server's is read from Prism's command line
// (/proc, Linux only; elsewhere that hop is not loaded).
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { median, quantile } from "./lib/measure.mjs";
import { fixed, seconds } from "./lib/report.mjs";

const execFileAsync = promisify(execFile);
const loadScript = fileURLToPath(new URL("./mock-load.mjs", import.meta.url));
const PATH = "/api/v2/course/1/users/?limit=20";

/**
 * The bars for a test suite that starts the mock once and makes thousands of calls:
 * - load: 5,000 calls over the load's connections within 10 s (at least 500 requests/s, none
 *   failing), small beside a suite's own run time; it leaves room for Prism, which is most of
 *   the time per request (see the hop rows);
 * - start: at most STARTUP_OVER_PRISM times the start of bare Prism (`prism mock <spec>`, until
 *   it answers), measured in the same rounds. Prism is most of the start, and most of Prism's
 *   is Node loading its modules (a CPU profile of `prism --help`: the module loader and its file
 *   reads), which the mock cannot change and which moves with the machine's load; what the mock
 *   adds (its front, the data server, learning Prism's port) must stay a small part beside it.
 */
const MIN_RPS = 500;
const STARTUP_OVER_PRISM = 1.2;

/**
 * The files bare Prism runs on: prism-cli's JS entry (resolved from the mock package, which
 * depends on it) and the bundled spec the mock ships (dist/openapi.json beside its entry).
 */
function prismFiles() {
  const mockEntry = fileURLToPath(import.meta.resolve("@community-api/mock"));
  const fromMock = createRequire(mockEntry);
  const manifestPath = fromMock.resolve("@stoplight/prism-cli/package.json");
  /** @type {{ bin: { prism: string } }} */
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  return {
    entry: join(dirname(manifestPath), manifest.bin.prism),
    spec: join(dirname(mockEntry), "openapi.json"),
  };
}

/**
 * Milliseconds from spawning bare Prism (`prism mock <spec>` on a port of the kernel's choice,
 * as its docs start it) to its first answer: its "listening on" line names the port, then one
 * request.
 * @param {{ entry: string, spec: string }} files
 */
async function barePrismStart({ entry, spec }) {
  const start = performance.now();
  const args = [entry, "mock", spec, "--host", "127.0.0.1", "--port", "0", "--errors"];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  try {
    const port = await new Promise((resolve, reject) => {
      let output = "";
      const onData = (/** @type {Buffer} */ chunk) => {
        output += chunk.toString("utf8");
        const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (match) resolve(Number(match[1]));
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.once("exit", (code) => reject(new Error(`bare Prism exited (${code}):\n${output}`)));
    });
    const response = await fetch(`http://127.0.0.1:${port}${PATH}`);
    await response.arrayBuffer();
    return performance.now() - start;
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, "exit");
      child.kill();
      await exited;
    }
  }
}

/**
 * @typedef {object} MockBenchOptions
 * @property {number} [connections] Concurrent keep-alive connections (default 50).
 * @property {number} [durationMs] Measured load per target, split over the rounds (default 8 s).
 * @property {number} [rounds] Rounds over the targets (default 2).
 * @property {number} [warmupMs] Unmeasured load before each measured slice (default 1 s).
 * @property {number} [startups] Rounds of timed starts, each mode and bare Prism once per
 *   round in rotated order (default 5).
 */

/**
 * @typedef {object} LoadResult
 * @property {number[]} latencies
 * @property {Record<string, number>} statuses
 * @property {number} failures
 * @property {number} elapsedMs
 */

/**
 * The data server's URL (Prism's upstream) from Prism's command line, or undefined.
 * @param {number} pid
 */
function dataServerOf(pid) {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return args.find((a) => /^http:\/\/127\.0\.0\.1:\d+$/.test(a));
  } catch {
    return undefined;
  }
}

/**
 * @param {MockBenchOptions} [options]
 * @returns {Promise<import("./lib/report.mjs").BenchResult>}
 */
export async function run({
  connections = 50,
  durationMs = 8000,
  rounds = 2,
  warmupMs = 1000,
  startups = 5,
} = {}) {
  const { startMock, TEST_TOKENS } = await import("@community-api/mock");
  const modes = /** @type {const} */ (["static", "realistic"]);

  const prism = prismFiles();
  /** The start of one mode's mock, until its /health answers 200. @param {"static" | "realistic"} mode */
  const mockStart = async (mode) => {
    const start = performance.now();
    const mock = await startMock({ port: 0, mode, seed: 1 });
    try {
      for (;;) {
        const response = await fetch(`${mock.url}/health`);
        await response.arrayBuffer();
        if (response.ok) return performance.now() - start;
      }
    } finally {
      await mock.stop();
    }
  };
  const starters = /** @type {const} */ ([
    ["static", () => mockStart("static")],
    ["realistic", () => mockStart("realistic")],
    ["prism", () => barePrismStart(prism)],
  ]);
  /** @type {Record<string, number[]>} the starts of each round, by starter */
  const startupMs = { static: [], realistic: [], prism: [] };
  for (let round = 0; round < startups; round++) {
    for (let i = 0; i < starters.length; i++) {
      const [name, startOne] = starters[(round + i) % starters.length] ?? starters[0];
      startupMs[name]?.push(await startOne());
    }
  }
  /** The median of a mode's per-round ratios to bare Prism. @param {string} mode */
  const overPrism = (mode) =>
    median(
      (startupMs[mode] ?? []).map((ms, round) => ms / (startupMs.prism?.[round] ?? Number.NaN)),
    );

  /** @type {Map<string, import("@community-api/mock").RunningMock>} */
  const mocks = new Map();
  try {
    for (const mode of modes) mocks.set(mode, await startMock({ port: 0, mode, seed: 1 }));
    const realisticMock = mocks.get("realistic");
    const dataServer = realisticMock && dataServerOf(realisticMock.prismPid);
    /** @type {[string, string][]} the targets: label and base URL */
    const targets = [
      ["static mode, front", /** @type {string} */ (mocks.get("static")?.url)],
      ["realistic mode, front", /** @type {string} */ (realisticMock?.url)],
      ["realistic mode, Prism directly", `http://127.0.0.1:${realisticMock?.prismPort}`],
      ...(dataServer
        ? /** @type {[string, string][]} */ ([["realistic mode, data server directly", dataServer]])
        : []),
    ];
    /** @type {Map<string, LoadResult[]>} */
    const slices = new Map(targets.map(([label]) => [label, []]));
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < targets.length; i++) {
        const [label, base] = /** @type {[string, string]} */ (
          targets[(round + i) % targets.length]
        );
        const { stdout } = await execFileAsync(
          process.execPath,
          [
            loadScript,
            `${base}${PATH}`,
            TEST_TOKENS.courseManager,
            String(connections),
            String(warmupMs),
            String(durationMs / rounds),
          ],
          { timeout: durationMs + warmupMs * rounds + 60_000, maxBuffer: 256 * 1024 * 1024 },
        );
        slices.get(label)?.push(JSON.parse(stdout));
      }
    }
    const summary = targets.map(([label]) => {
      const parts = slices.get(label) ?? [];
      const latencies = parts.flatMap((p) => p.latencies);
      const elapsed = parts.reduce((sum, p) => sum + p.elapsedMs, 0);
      /** @type {Record<string, number>} */
      const statuses = {};
      for (const part of parts) {
        for (const [status, n] of Object.entries(part.statuses)) {
          statuses[status] = (statuses[status] ?? 0) + n;
        }
      }
      return {
        target: label,
        requests: latencies.length,
        failures: parts.reduce((sum, p) => sum + p.failures, 0),
        statuses,
        rps: latencies.length / (elapsed / 1000),
        p50: latencies.length ? quantile(latencies, 0.5) : Number.NaN,
        p99: latencies.length ? quantile(latencies, 0.99) : Number.NaN,
      };
    });
    const realistic = summary[1];
    if (!realistic) throw new Error("missing results");
    const non200 = summary.filter(
      (s) => s.failures > 0 || Object.keys(s.statuses).some((k) => k !== "200"),
    );
    const startup = Object.fromEntries(
      Object.entries(startupMs).map(([name, ms]) => [name, median(ms)]),
    );
    const ratios = Object.fromEntries(modes.map((m) => [m, overPrism(m)]));
    return {
      name: "mock",
      title: `Mock: startup, and load at ${connections} connections per hop`,
      rows: [
        {
          label: `bare Prism: \`prism mock <spec>\` to its first answer (median of ${startups}; the floor)`,
          value: seconds(startup.prism ?? Number.NaN),
          ratio: "1.00x bare Prism",
        },
        ...modes.map((m) => ({
          label: `${m} mode: startMock() to a healthy /health (median of ${startups})`,
          value: seconds(startup[m] ?? Number.NaN),
          ratio: `${fixed(ratios[m] ?? Number.NaN)}x bare Prism (median of per-round ratios)`,
        })),
        ...summary.map((s) => ({
          label: `${s.target}: requests/s, p50 / p99 latency`,
          value: `${fixed(s.rps, 0)} req/s, ${fixed(s.p50)} / ${fixed(s.p99)} ms`,
          ratio: `${fixed(s.p50 / realistic.p50)}x the realistic front's p50`,
        })),
      ],
      bars: [
        {
          name: `a test suite's 5,000 calls: realistic mode >= ${MIN_RPS} req/s at ${connections} connections, no errors`,
          pass: realistic.rps >= MIN_RPS && non200.length === 0,
          measured: `${fixed(realistic.rps, 0)} req/s (5,000 calls in ${seconds((5000 / realistic.rps) * 1000)}), p99 ${fixed(realistic.p99)} ms`,
        },
        {
          name: `every mode starts within ${fixed(STARTUP_OVER_PRISM)}x bare Prism's start (same rounds)`,
          pass: modes.every((m) => (ratios[m] ?? Number.POSITIVE_INFINITY) <= STARTUP_OVER_PRISM),
          measured: modes
            .map(
              (m) =>
                `${m} ${fixed(ratios[m] ?? Number.NaN)}x (${seconds(startup[m] ?? Number.NaN)})`,
            )
            .join(", ")
            .concat(`; bare Prism ${seconds(startup.prism ?? Number.NaN)}`),
        },
      ],
      notes: [
        ...(dataServer ? [] : ["data server's port not found (no /proc): its hop was not loaded"]),
        ...non200.map(
          (s) =>
            `${s.target}: answers other than 200 or failures: ${JSON.stringify(s.statuses)}, ${s.failures} failed`,
        ),
      ],
      data: { connections, durationMs, rounds, warmupMs, startupMs, summary },
    };
  } finally {
    for (const mock of mocks.values()) await mock.stop();
  }
}
