// 2. Pagination: iterate every member of a course in pages of 100 with our item iterator vs a
// hand-written loop over the same named method's pages (and a raw fetch loop, for scale), then
// peak memory growth for two course sizes, to show it streams.
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
 *   100k: a 10x step makes retained items stand far above the few MB by which one child's RSS
 *   peak differs from the next's).
 * @property {number} [memoryRepeats] Peak-RSS children per (size, mode); the median counts
 *   (default 5).
 */

/**
 * @typedef {"ours" | "raw" | "collect"} MemoryMode
 * @typedef {"rssGrowth" | "pinnedRssGrowth" | "heapGrowth"} GrowthKey
 * @typedef {object} MemoryRun
 * @property {MemoryMode} mode
 * @property {number} users
 * @property {number} rssGrowth Median bytes of peak RSS above the post-warm-up baseline, with
 *   Node's default heap sizing.
 * @property {number} pinnedRssGrowth The same with the young generation held at
 *   {@link PINNED_SEMI_SPACE_MB} MB (see PINNED_FLAGS).
 * @property {number} heapGrowth Bytes of peak live heap (after full GCs) above the baseline.
 */

/**
 * Semi-space size (MB) of the second set of RSS runs. With default flags V8 grows the young
 * generation (up to 16 MB semi-spaces on Node 20) as the rate of short-lived garbage stays high,
 * so a longer walk ends with a larger young generation: RSS that grows with the walk although
 * nothing is kept (the heap in use stays flat). Holding the semi-space at a fixed size takes
 * that sizing policy out, and leaves the growth that retention causes.
 */
const PINNED_SEMI_SPACE_MB = 2;
const PINNED_FLAGS = [`--max-semi-space-size=${PINNED_SEMI_SPACE_MB}`];

const MODE_LABEL = {
  ours: "our iterator",
  raw: "raw loop",
  collect: "control: raw loop keeping every user",
};

/**
 * Walks a course of `users` members in fresh child processes, one after the other: `repeats`
 * times for peak RSS with default flags and as often with the young generation pinned (the
 * median counts: one peak depends on GC timing), once for live heap.
 * @param {number} users
 * @param {MemoryMode} mode
 * @param {number} pageSize
 * @param {number} repeats
 * @returns {Promise<MemoryRun>}
 */
async function memoryRun(users, mode, pageSize, repeats) {
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
    const rss = [];
    const pinned = [];
    for (let i = 0; i < repeats; i++) {
      rss.push(await child("rss"));
      pinned.push(await child("rss", PINNED_FLAGS));
    }
    return {
      mode,
      users,
      rssGrowth: median(rss),
      pinnedRssGrowth: median(pinned),
      heapGrowth: await child("live"),
    };
  } finally {
    await server.close();
  }
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
      memory.push(await memoryRun(size, mode, pageSize, memoryRepeats));
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
  // A raw loop streams, yet with default flags its peak RSS still grows with the walk: V8 sizes
  // the young generation (and collects the old one lazily) by the rate of garbage, not by what
  // is kept. So the yardstick is the raw loop: what our iterator adds on top of it must stay a
  // small fraction of what keeping every user (the control) adds on top of it.
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
        label: `peak growth, ${MODE_LABEL[m.mode]}, ${m.users} users (${pages(m.users)} pages): RSS / RSS, young generation ${PINNED_SEMI_SPACE_MB} MB / live heap`,
        value: `${MB(m.rssGrowth)} / ${MB(m.pinnedRssGrowth)} / ${MB(m.heapGrowth)}`,
      })),
    ],
    bars: [
      {
        name: "item iterator time <= 1.05x a hand-written loop over the named method's pages (loopback)",
        pass: ours.ratio <= 1.05,
        measured: `${fixed(ours.ratio, 3)}x`,
      },
      {
        name: `peak RSS growth does not scale with pages, young generation held at ${PINNED_SEMI_SPACE_MB} MB (${small} -> ${large} users)`,
        pass: streams("pinnedRssGrowth") && streams("heapGrowth"),
        measured: `extra growth for ${fixed(large / small, 0)}x the pages: RSS ${growthSummary("pinnedRssGrowth")}; live heap ${growthSummary("heapGrowth")}`,
      },
      {
        name: `the same with Node's default heap sizing (${small} -> ${large} users)`,
        pass: streams("rssGrowth"),
        measured: `extra RSS growth for ${fixed(large / small, 0)}x the pages: ${growthSummary("rssGrowth")}`,
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
