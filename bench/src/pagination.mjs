// 2. Pagination: iterate every member of a course in pages of 100 with our item iterator vs a
// hand-written loop over the same named method's pages (and a raw fetch loop, for scale), then
// the memory a walk needs for two course sizes (live heap, and the smallest heap that completes
// it), to show it streams.
// Time on loopback is measured like the per-request overhead: each walker in a fresh child
// process with its own server (./pagination-child.mjs), in rounds of rotated order, each child
// compared with the named-method loop's child of the same round (in one shared process the
// walkers skewed each other through the JIT state left in fetch's internals).
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { childRounds, roundRatios } from "./lib/child-rounds.mjs";
import { median } from "./lib/measure.mjs";
import { startPageServer } from "./lib/page-server.mjs";
import { fixed, MB } from "./lib/report.mjs";

const execFileAsync = promisify(execFile);
const memoryScript = fileURLToPath(new URL("./pagination-memory.mjs", import.meta.url));
const childScript = fileURLToPath(new URL("./pagination-child.mjs", import.meta.url));

/** The walkers of the loopback timing run: the child's name for each, and the label. */
const WALKERS = /** @type {const} */ ([
  ["named", "hand-written loop over the named method's pages"],
  ["items", "our item iterator (client.paginate)"],
  ["raw", "raw fetch loop"],
]);

/**
 * @typedef {object} PaginationOptions
 * @property {number} [users] Members walked in the timing run (default 10,000).
 * @property {number} [pageSize] Page size (default 100).
 * @property {number} [rounds] Rounds of the loopback run, one fresh child per walker each
 *   (default 10).
 * @property {number} [warmupWalks] Unmeasured walks first in each child (default 30, i.e. 3,000
 *   requests of 100 users: as in the overhead benchmark, fetch's JavaScript takes a few
 *   thousand calls to be fully optimised).
 * @property {number} [walksPerRound] Measured walks per child (default 20).
 * @property {readonly number[]} [memorySizes] Course sizes of the memory runs (default 10k and
 *   100k: keeping 10x the users costs the control about 30 MB more heap, far above the MB or
 *   two by which one child's figures differ from the next's).
 * @property {number} [memoryRepeats] Peak-RSS children per (size, mode); the median counts
 *   (default 5).
 * @property {number} [floorMaxMb] The largest old generation (MB) the heap-floor search tries
 *   (default 256; the control needs about 40 MB for 100k users).
 */

/**
 * @typedef {"ours" | "raw" | "collect"} MemoryMode
 * @typedef {"rssGrowth" | "heapGrowth" | "heapFloor"} GrowthKey
 * @typedef {object} MemoryRun
 * @property {MemoryMode} mode
 * @property {number} users
 * @property {number} rssGrowth Median bytes of peak RSS above the post-warm-up baseline, with
 *   Node's default heap sizing: what a user sees, but mostly V8's and the allocator's sizing
 *   policy (a raw loop that keeps nothing grows about as much), so no bar judges it.
 * @property {number} heapGrowth Bytes of peak live heap (after full GCs) above the baseline.
 * @property {number} heapFloor The smallest old generation (`--max-old-space-size`, bytes) in
 *   which the walk completes; see {@link heapFloor}.
 */

/** The smallest old-generation size (MB) that {@link heapFloor} tries: below it Node may crash
 * while starting (SIGSEGV at 4 MB on Node 24) instead of running out of heap. */
const FLOOR_MIN_MB = 8;

const MODE_LABEL = {
  ours: "our iterator",
  raw: "raw loop",
  collect: "control: raw loop keeping every user",
};

/**
 * Walks a course of `users` members in fresh child processes, one after the other: `repeats`
 * times for peak RSS (the median counts: one peak depends on GC timing), once for live heap,
 * and as often as the search for the smallest old generation that completes the walk needs.
 * @param {number} users
 * @param {MemoryMode} mode
 * @param {number} pageSize
 * @param {number} repeats
 * @param {number} floorMaxMb
 * @returns {Promise<MemoryRun>}
 */
async function memoryRun(users, mode, pageSize, repeats, floorMaxMb) {
  const server = await startPageServer({ count: users });
  try {
    const child = async (
      /** @type {"rss" | "live"} */ measure,
      flags = /** @type {string[]} */ ([]),
    ) => {
      const { stdout } = await execFileAsync(
        process.execPath,
        [...flags, "--expose-gc", memoryScript, server.url, mode, String(pageSize), measure],
        { timeout: 120_000 },
      );
      /** @type {{ users: number, growth: number }} */
      const result = JSON.parse(stdout);
      if (result.users !== users) throw new Error(`${mode}: walked ${result.users} of ${users}`);
      return result.growth;
    };
    /**
     * Whether the walk completes with the old generation capped at `mb`. Running out of heap
     * is the only failure that counts as "no": any other one is a broken benchmark.
     * @param {number} mb
     */
    const completes = async (mb) => {
      try {
        await child("rss", [`--max-old-space-size=${mb}`]);
        return true;
      } catch (error) {
        const stderr = String(/** @type {{ stderr?: unknown }} */ (error).stderr ?? "");
        if (/heap out of memory|Reached heap limit/.test(stderr)) return false;
        throw error;
      }
    };
    const rss = [];
    for (let i = 0; i < repeats; i++) rss.push(await child("rss"));
    return {
      mode,
      users,
      rssGrowth: median(rss),
      heapGrowth: await child("live"),
      heapFloor: (await heapFloor(completes, floorMaxMb)) * 1e6,
    };
  } finally {
    await server.close();
  }
}

/**
 * The smallest old generation, in whole MB, in which the walk completes (bisection between
 * {@link FLOOR_MIN_MB} and `maxMb`; Infinity when even `maxMb` is too small).
 * Peak RSS answers "how much memory does the walk need?" only through V8's and the allocator's
 * sizing policies, and varies by tens of MB from one child to the next. A cap answers it
 * directly: a walk that keeps what it read runs out of heap once the cap is below what it
 * keeps, one that streams does not, however many pages it reads.
 * @param {(mb: number) => Promise<boolean>} completes
 * @param {number} maxMb
 */
export async function heapFloor(completes, maxMb) {
  let low = FLOOR_MIN_MB; // the largest size known (or assumed) to fail
  let high = maxMb; // the smallest size known to complete
  if (!(await completes(high))) return Number.POSITIVE_INFINITY;
  if (await completes(low)) return low;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await completes(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * @param {PaginationOptions} [options]
 * @returns {Promise<import("./lib/report.mjs").BenchResult>}
 */
export async function run({
  users = 10_000,
  pageSize = 100,
  rounds = 10,
  warmupWalks = 30,
  walksPerRound = 20,
  memorySizes = [10_000, 100_000],
  memoryRepeats = 5,
  floorMaxMb = 256,
} = {}) {
  /** @type {Map<string, (import("./lib/child-rounds.mjs").LoopTime & { users: number })[]>} */
  const samples = await childRounds(
    childScript,
    WALKERS.map(([walker]) => walker),
    rounds,
    (walker) => [
      walker,
      String(users),
      String(pageSize),
      String(warmupWalks),
      String(walksPerRound),
    ],
  );
  for (const [walker, runs] of samples) {
    for (const { users: seen } of runs) {
      if (seen !== users) throw new Error(`${walker}: walked ${seen} of ${users}`);
    }
  }
  /** @param {string} walker */
  const times = (walker) => (samples.get(walker) ?? []).map((s) => s.ms);
  /** Median of the per-round ratios of a to b. @param {string} a @param {string} b */
  const roundRatio = (a, b) => median(roundRatios(samples.get(a) ?? [], samples.get(b) ?? []));
  const loopback = WALKERS.map(([walker, name]) => ({
    name,
    walker,
    medianMs: median(times(walker)) / walksPerRound,
    ratio: roundRatio(walker, "named"),
    samples: samples.get(walker),
  }));
  const [, ours] = loopback;
  if (!ours) throw new Error("missing results");

  /** @type {MemoryRun[]} */
  const memory = [];
  for (const size of memorySizes) {
    for (const mode of /** @type {const} */ (["ours", "raw", "collect"])) {
      memory.push(await memoryRun(size, mode, pageSize, memoryRepeats, floorMaxMb));
    }
  }
  const small = memorySizes[0] ?? 0;
  const large = memorySizes[memorySizes.length - 1] ?? 0;
  /** Extra growth from the small to the large course. @param {MemoryMode} mode @param {GrowthKey} key */
  const extra = (mode, key) => {
    const at = (/** @type {number} */ size) =>
      memory.find((m) => m.mode === mode && m.users === size)?.[key] ?? Number.NaN;
    return at(large) - at(small);
  };
  // The yardstick is the raw loop, which streams: what our iterator adds on top of it for 10x the
  // pages must stay a small fraction of what keeping every user (the control) adds on top of it.
  // The control's growth also proves that the measure sees retention.
  const streams = (/** @type {GrowthKey} */ key) =>
    extra("ours", key) - extra("raw", key) < 0.2 * (extra("collect", key) - extra("raw", key));
  /** @param {GrowthKey} key */
  const growthSummary = (key) =>
    `ours ${MB(extra("ours", key))}, raw loop ${MB(extra("raw", key))}, keeping every user ${MB(extra("collect", key))}`;
  const pages = (/** @type {number} */ n) => Math.ceil(n / pageSize);
  return {
    name: "pagination",
    title: `Pagination (${users} users, pages of ${pageSize})`,
    rows: [
      ...loopback.map((r) => ({
        label: `${r.name}: ${users} users, loopback, one child each`,
        value: `${fixed(r.medianMs, 1)} ms`,
        ratio: `${fixed(r.ratio, 3)}x the named-method loop`,
      })),
      ...memory.map((m) => ({
        label: `${MODE_LABEL[m.mode]}, ${m.users} users (${pages(m.users)} pages): peak growth of RSS / of the live heap; smallest old generation that completes the walk`,
        value: `${MB(m.rssGrowth)} / ${MB(m.heapGrowth)}; ${MB(m.heapFloor)}`,
      })),
    ],
    bars: [
      {
        name: "item iterator time <= 1.05x a hand-written loop over the named method's pages (loopback)",
        pass: ours.ratio <= 1.05,
        measured: `${fixed(ours.ratio, 3)}x`,
      },
      {
        name: `live heap (after full GCs) does not grow with the pages (${small} -> ${large} users)`,
        pass: streams("heapGrowth"),
        measured: `extra peak for ${fixed(large / small, 0)}x the pages: ${growthSummary("heapGrowth")}`,
      },
      {
        name: `the smallest old generation (--max-old-space-size) that completes the walk does not grow with the pages (${small} -> ${large} users)`,
        pass: streams("heapFloor"),
        measured: `extra for ${fixed(large / small, 0)}x the pages: ${growthSummary("heapFloor")}`,
      },
    ],
    notes: [],
    data: {
      users,
      pageSize,
      rounds,
      warmupWalks,
      walksPerRound,
      loopback,
      memoryRepeats,
      memory,
    },
  };
}
