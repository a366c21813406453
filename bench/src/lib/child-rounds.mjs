// Contenders in isolation: each one in a fresh Node process per round, so that none runs on
// code V8 optimised for another (in one shared process, the JIT state one contender leaves in
// fetch's internals changes what the next one pays). The order rotates every round, as in
// `interleave`, and each child is compared with the baseline's child of the same round.
import { execFile } from "node:child_process";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** What a child measured: wall and CPU milliseconds of its timed loop. */
/** @typedef {{ ms: number, cpuMs: number }} LoopTime */

/**
 * Runs `script` once per contender and round, one fresh process at a time, the order rotated
 * each round. Each child prints one JSON line (a {@link LoopTime} plus what it adds).
 * @template {LoopTime} T
 * @param {string} script
 * @param {readonly string[]} names the contenders; the first is the baseline
 * @param {number} rounds
 * @param {(name: string) => string[]} args the child's arguments after the script
 * @returns {Promise<Map<string, T[]>>} each contender's lines, one per round
 */
export async function childRounds(script, names, rounds, args) {
  /** @type {Map<string, T[]>} */
  const samples = new Map(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = /** @type {string} */ (names[(round + i) % names.length]);
      const { stdout } = await execFileAsync(process.execPath, [script, ...args(name)], {
        timeout: 300_000,
      });
      samples.get(name)?.push(JSON.parse(stdout));
    }
  }
  return samples;
}

/**
 * Per-round ratios of two contenders' wall times (same round, same index).
 * @param {readonly LoopTime[]} a
 * @param {readonly LoopTime[]} b
 */
export function roundRatios(a, b) {
  return a.map((sample, i) => sample.ms / /** @type {LoopTime} */ (b[i]).ms);
}

/**
 * In a child: `warmup` unmeasured calls of `fn` (fetch's JavaScript takes a few thousand calls
 * to be fully optimised), then `measured` timed ones, one after the other.
 * @param {() => Promise<unknown>} fn
 * @param {number} warmup
 * @param {number} measured
 * @returns {Promise<LoopTime>} wall and CPU (user + system) milliseconds of the measured calls
 */
export async function timeLoop(fn, warmup, measured) {
  for (let i = 0; i < warmup; i++) await fn();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < measured; i++) await fn();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}
