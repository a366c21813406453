// 6. Mock: what a test suite that starts the mock once and makes thousands of calls pays.
//   - Startup: from startMock() to a healthy `GET /health`, per mode (median of a few starts).
//   - Load: a closed loop of `connections` keep-alive connections, the load generator in its
//     own process (./mock-load.mjs), against each hop of the realistic mode: the front (what
//     users call), Prism directly (validation, proxying) and the data server directly (the
//     seeded dataset), plus the static mode's front. Targets rotate every round. The
//     difference between neighbouring hops is where the time goes.
// Prism's port is the mock's `prismPort`; the data server's is read from Prism's command line
// (/proc, Linux only; elsewhere that hop is not loaded).
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { median, quantile } from "./lib/measure.mjs";
import { fixed, seconds } from "./lib/report.mjs";

const execFileAsync = promisify(execFile);
const loadScript = fileURLToPath(new URL("./mock-load.mjs", import.meta.url));
const PATH = "/api/v2/course/1/users/?limit=20";

/**
 * The bar for a test suite that starts the mock once and makes thousands of calls: 5,000 calls
 * over the load's connections within 10 s (at least 500 requests/s, none failing), after a start
 * within 2 s. Both are small beside a suite's own run time, and they leave room for Prism,
 * which is most of the time per request (see the hop rows).
 */
const MIN_RPS = 500;
const MAX_STARTUP_MS = 2000;

/**
 * @typedef {object} MockBenchOptions
 * @property {number} [connections] Concurrent keep-alive connections (default 50).
 * @property {number} [durationMs] Measured load per target, split over the rounds (default 8 s).
 * @property {number} [rounds] Rounds over the targets (default 2).
 * @property {number} [warmupMs] Unmeasured load before each measured slice (default 1 s).
 * @property {number} [startups] Timed starts per mode (default 3).
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
  startups = 3,
} = {}) {
  const { startMock, TEST_TOKENS } = await import("@community-api/mock");
  const modes = /** @type {const} */ (["static", "realistic"]);

  /** @type {Record<string, number[]>} */
  const startupMs = { static: [], realistic: [] };
  for (let i = 0; i < startups; i++) {
    for (const mode of modes) {
      const start = performance.now();
      const mock = await startMock({ port: 0, mode, seed: 1 });
      try {
        for (;;) {
          const response = await fetch(`${mock.url}/health`);
          await response.arrayBuffer();
          if (response.ok) break;
        }
        startupMs[mode]?.push(performance.now() - start);
      } finally {
        await mock.stop();
      }
    }
  }

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
    const startup = Object.fromEntries(modes.map((m) => [m, median(startupMs[m] ?? [])]));
    const slowestStart = Math.max(...Object.values(startup));
    return {
      name: "mock",
      title: `Mock: startup, and load at ${connections} connections per hop`,
      rows: [
        ...modes.map((m) => ({
          label: `${m} mode: startMock() to a healthy /health (median of ${startups})`,
          value: seconds(startup[m] ?? Number.NaN),
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
          name: `every mode starts within ${seconds(MAX_STARTUP_MS)}`,
          pass: slowestStart <= MAX_STARTUP_MS,
          measured: modes.map((m) => `${m} ${seconds(startup[m] ?? Number.NaN)}`).join(", "),
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
