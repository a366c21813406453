// 6. Mock: throughput and latency of the static mode (Prism answers with the spec's examples)
// and the realistic mode (Prism validating in front of the seeded dataset) under a bounded
// load on loopback: 10 keep-alive connections, closed loop, the load generator in its own
// process. The modes alternate in rounds; throughput is reported relative to the static mode.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { quantile } from "./lib/measure.mjs";
import { fixed } from "./lib/report.mjs";

const execFileAsync = promisify(execFile);
const loadScript = fileURLToPath(new URL("./mock-load.mjs", import.meta.url));
const PATH = "/api/v2/course/1/users/?limit=20";

/**
 * @typedef {object} MockBenchOptions
 * @property {number} [connections] Concurrent keep-alive connections (default 10).
 * @property {number} [durationMs] Measured load per mode, split over the rounds (default 10 s).
 * @property {number} [rounds] Alternations of the two modes (default 2).
 * @property {number} [warmupMs] Unmeasured load before each measured slice (default 1 s).
 */

/**
 * @typedef {object} LoadResult
 * @property {number[]} latencies
 * @property {Record<string, number>} statuses
 * @property {number} failures
 * @property {number} elapsedMs
 */

/**
 * @param {MockBenchOptions} [options]
 * @returns {Promise<import("./lib/report.mjs").BenchResult>}
 */
export async function run({
  connections = 10,
  durationMs = 10_000,
  rounds = 2,
  warmupMs = 1000,
} = {}) {
  const { startMock, TEST_TOKENS } = await import("@community-api/mock");
  const modes = /** @type {const} */ (["static", "realistic"]);
  /** @type {Map<string, { url: string, stop(): Promise<void> }>} */
  const mocks = new Map();
  try {
    for (const mode of modes) mocks.set(mode, await startMock({ port: 0, mode, seed: 1 }));
    /** @type {Map<string, LoadResult[]>} */
    const slices = new Map(modes.map((m) => [m, []]));
    for (let round = 0; round < rounds; round++) {
      // Alternate which mode goes first, so neither always runs on a cooler machine.
      const order = round % 2 === 0 ? modes : [...modes].reverse();
      for (const mode of order) {
        const url = `${mocks.get(mode)?.url}${PATH}`;
        const { stdout } = await execFileAsync(
          process.execPath,
          [
            loadScript,
            url,
            TEST_TOKENS.courseManager,
            String(connections),
            String(warmupMs),
            String(durationMs / rounds),
          ],
          { timeout: durationMs + warmupMs * rounds + 60_000, maxBuffer: 256 * 1024 * 1024 },
        );
        slices.get(mode)?.push(JSON.parse(stdout));
      }
    }
    const summary = modes.map((mode) => {
      const parts = slices.get(mode) ?? [];
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
        mode,
        requests: latencies.length,
        failures: parts.reduce((sum, p) => sum + p.failures, 0),
        statuses,
        rps: latencies.length / (elapsed / 1000),
        p50: latencies.length ? quantile(latencies, 0.5) : Number.NaN,
        p99: latencies.length ? quantile(latencies, 0.99) : Number.NaN,
      };
    });
    const [staticMode, realistic] = summary;
    if (!staticMode || !realistic) throw new Error("missing results");
    const non200 = summary.filter(
      (s) => s.failures > 0 || Object.keys(s.statuses).some((k) => k !== "200"),
    );
    return {
      name: "mock",
      title: `Mock under load (${connections} connections, ${durationMs / 1000} s per mode)`,
      rows: summary.map((s) => ({
        label: `${s.mode} mode: requests/s, p50 / p99 latency`,
        value: `${fixed(s.rps, 0)} req/s, ${fixed(s.p50)} / ${fixed(s.p99)} ms`,
        ratio: `${fixed(s.rps / staticMode.rps)}x static throughput`,
      })),
      bars: [
        {
          name: `realistic mode p99 < 50 ms at ${connections} connections`,
          pass: realistic.p99 < 50 && non200.length === 0,
          measured: `${fixed(realistic.p99)} ms`,
        },
      ],
      notes: non200.map(
        (s) =>
          `${s.mode}: answers other than 200 or failures: ${JSON.stringify(s.statuses)}, ${s.failures} failed`,
      ),
      data: { connections, durationMs, rounds, warmupMs, summary },
    };
  } finally {
    for (const mock of mocks.values()) await mock.stop();
  }
}
