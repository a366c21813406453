// Measuring on a shared, noisy machine: never trust one absolute time. Every contender runs in
// the same process, interleaved round by round (the order rotates so no one always runs first,
// on warm caches, or last, paying the others' GC debt), and each round's time is divided by the
// baseline's time of the SAME round. The medians of those per-round ratios are what we report.
import { performance } from "node:perf_hooks";

/**
 * @typedef {object} Contender
 * @property {string} name
 * @property {() => Promise<void>} run One batch of work (e.g. 300 sequential requests).
 */

/**
 * @typedef {object} ContenderResult
 * @property {string} name
 * @property {number[]} times Wall-clock milliseconds per batch, one per measured round.
 * @property {number[]} cpuTimes CPU milliseconds (user + system) of this process per batch.
 * @property {number} medianMs Median wall-clock milliseconds per batch.
 * @property {number} medianCpuMs Median CPU milliseconds per batch.
 * @property {number} ratio Median over rounds of (this batch time / baseline batch time), wall clock.
 * @property {number} cpuRatio The same with CPU time. When the client and the server share this
 *   process (our loopback benchmarks), CPU time is the work done, and it hardly moves when other
 *   processes compete for the cores, whereas wall-clock time then also counts time spent
 *   waiting for a core.
 */

/** @param {readonly number[]} values */
export function median(values) {
  return quantile(values, 0.5);
}

/**
 * Linear-interpolated quantile (q in 0..1) of unsorted values.
 * @param {readonly number[]} values
 * @param {number} q
 */
export function quantile(values, q) {
  if (values.length === 0) throw new Error("quantile of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const lowValue = /** @type {number} */ (sorted[low]);
  const highValue = /** @type {number} */ (sorted[high]);
  return lowValue + (highValue - lowValue) * (position - low);
}

/**
 * Runs every contender `rounds` times, interleaved, after `warmupRounds` unmeasured rounds
 * (JIT, connection pools, lazy imports). The first contender is the baseline.
 * @param {readonly Contender[]} contenders
 * @param {{ rounds: number, warmupRounds?: number }} options
 * @returns {Promise<ContenderResult[]>}
 */
export async function interleave(contenders, { rounds, warmupRounds = 1 }) {
  const baseline = contenders[0];
  if (!baseline) throw new Error("interleave needs at least one contender");
  /** @type {Map<string, number[]>} */
  const times = new Map(contenders.map((c) => [c.name, []]));
  /** @type {Map<string, number[]>} */
  const cpuTimes = new Map(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const contender = /** @type {Contender} */ (contenders[(round + i) % contenders.length]);
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      await contender.run();
      const ms = performance.now() - start;
      const cpu = process.cpuUsage(cpuStart);
      if (round < warmupRounds) continue;
      times.get(contender.name)?.push(ms);
      cpuTimes.get(contender.name)?.push((cpu.user + cpu.system) / 1000);
    }
  }
  const baseTimes = times.get(baseline.name) ?? [];
  const baseCpu = cpuTimes.get(baseline.name) ?? [];
  return contenders.map(({ name }) => {
    const t = times.get(name) ?? [];
    const c = cpuTimes.get(name) ?? [];
    return {
      name,
      times: t,
      cpuTimes: c,
      medianMs: median(t),
      medianCpuMs: median(c),
      ratio: median(t.map((ms, i) => ms / /** @type {number} */ (baseTimes[i]))),
      cpuRatio: median(c.map((ms, i) => ms / /** @type {number} */ (baseCpu[i]))),
    };
  });
}

/**
 * Median over rounds of a's time / b's time in the same round: compares two contenders
 * directly, without going through the baseline.
 * @param {ContenderResult} a
 * @param {ContenderResult} b
 * @param {"times" | "cpuTimes"} [key] wall clock (default) or CPU time
 */
export function pairedRatio(a, b, key = "times") {
  return median(a[key].map((ms, i) => ms / /** @type {number} */ (b[key][i])));
}

/**
 * Times one async call.
 * @template T
 * @param {() => Promise<T>} fn
 * @returns {Promise<{ ms: number, value: T }>}
 */
export async function timed(fn) {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}
