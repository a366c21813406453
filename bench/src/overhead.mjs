// 1. Per-request overhead: sequential GETs of one fixed 20-item dashboard page from a local
// node:http server, through raw fetch (also with a timeout signal, for what a per-attempt
// timeout costs by itself), bare openapi-fetch, our named method with everything on,
// the provider's official SDK and the clients hey-api and orval generate from our spec
// (./overhead-contenders.mjs, ./peers.mjs). Each contender runs in a fresh
// child process with its own server (./overhead-child.mjs): in one shared process, the JIT
// state one contender leaves in fetch's internals changes what the next one pays, which moved
// the figures by +-10% from run to run. Children run in rounds, in a rotated order; each is
// compared with the raw-fetch child of the same round, and the medians of those ratios count.
import { fileURLToPath } from "node:url";
import { childRounds, roundRatios } from "./lib/child-rounds.mjs";
import { median, quantile } from "./lib/measure.mjs";
import { fixed } from "./lib/report.mjs";
import { BARE, CONTENDERS, OURS, OURS_UNTIMED, RAW, RAW_TIMED } from "./overhead-contenders.mjs";
import { generatePeers } from "./peers.mjs";

const childScript = fileURLToPath(new URL("./overhead-child.mjs", import.meta.url));

/**
 * @typedef {object} OverheadOptions
 * @property {number} [rounds] Rounds; one child per contender each (default 15).
 * @property {number} [warmup] Unmeasured requests first in each child (default 3,000): fetch's
 *   JavaScript takes a few thousand calls to be fully optimised, and before that the figures
 *   say more about V8's tiering than about the clients.
 * @property {number} [measured] Measured sequential requests per child (default 1,500).
 */

/**
 * @param {OverheadOptions} [options]
 * @returns {Promise<import("./lib/report.mjs").BenchResult>}
 */
export async function run({ rounds = 15, warmup = 3000, measured = 1500 } = {}) {
  const peers = await generatePeers();
  const samples = await childRounds(childScript, CONTENDERS, rounds, (name) => [
    name,
    String(warmup),
    String(measured),
  ]);
  const of = (/** @type {string} */ name) => samples.get(name) ?? [];
  /**
   * Per-round ratios of a to b, of wall time or of CPU time. The CPU time of a child (client
   * and page server) moves far less than its wall time when other processes load the cores.
   * @param {string} a @param {string} b @param {"ms" | "cpuMs"} key
   */
  const ratios = (a, b, key) =>
    roundRatios(
      of(a).map((s) => ({ ms: s[key], cpuMs: 0 })),
      of(b).map((s) => ({ ms: s[key], cpuMs: 0 })),
    );
  const spread = (/** @type {number[]} */ r) =>
    `${fixed(quantile(r, 0.25), 3)}-${fixed(quantile(r, 0.75), 3)}`;

  const contenders = CONTENDERS.map((name) => ({
    name,
    usPerRequest: (median(of(name).map((s) => s.ms)) * 1000) / measured,
    cpuUsPerRequest: (median(of(name).map((s) => s.cpuMs)) * 1000) / measured,
    ratio: median(ratios(name, RAW, "ms")),
    ratioIqr: spread(ratios(name, RAW, "ms")),
    cpuRatio: median(ratios(name, RAW, "cpuMs")),
    cpuRatioIqr: spread(ratios(name, RAW, "cpuMs")),
    samples: samples.get(name),
  }));
  const ours = /** @type {(typeof contenders)[number]} */ (contenders.find((c) => c.name === OURS));
  const peersOf = contenders.filter((c) => ![RAW, RAW_TIMED, OURS, OURS_UNTIMED].includes(c.name));
  const fastestPeer = (/** @type {"ratio" | "cpuRatio"} */ key) =>
    peersOf.reduce((a, b) => (b[key] < a[key] ? b : a));
  const bars = /** @type {const} */ (["ratio", "cpuRatio"]).flatMap((key) => {
    const what = key === "ratio" ? "wall time" : "CPU time";
    const peer = fastestPeer(key);
    return [
      {
        name: `our named method at or below every peer (${what})`,
        pass: ours[key] <= peer[key],
        measured: `${fixed(ours[key], 3)}x raw fetch; fastest peer ${peer.name} ${fixed(peer[key], 3)}x`,
      },
      {
        name: `our named method <= 1.05x raw fetch (${what})`,
        pass: ours[key] <= 1.05,
        measured: `${fixed(ours[key], 3)}x`,
      },
    ];
  });
  return {
    name: "overhead",
    title: "Per-request overhead (sequential GETs, loopback, 20-item page)",
    rows: contenders.map((c) => ({
      label: `${c.name}: us/request (CPU us)`,
      value: `${fixed(c.usPerRequest, 0)} (${fixed(c.cpuUsPerRequest, 0)})`,
      ratio: `${fixed(c.ratio)}x raw fetch (middle half ${c.ratioIqr}); CPU ${fixed(c.cpuRatio)}x (${c.cpuRatioIqr})`,
    })),
    bars,
    notes: [
      // What bounds our named method from below, measured in this run: the layer the design
      // requires, and what a per-attempt timeout costs on raw fetch by itself.
      ...[BARE, RAW_TIMED].flatMap((name) => {
        const c = contenders.find((x) => x.name === name);
        return c
          ? [
              `${name}: ${fixed(c.ratio)}x raw fetch (CPU ${fixed(c.cpuRatio)}x), a floor under our named method`,
            ]
          : [];
      }),
      // Where our named method's time goes beyond raw fetch: the timeout (a signal fetch follows,
      // as in the raw-fetch reference above) and the rest (openapi-fetch and our layer).
      `our named method vs the same with timeout off, per round: ${fixed(median(ratios(OURS, OURS_UNTIMED, "ms")), 3)}x (CPU ${fixed(median(ratios(OURS, OURS_UNTIMED, "cpuMs")), 3)}x); raw fetch with a timeout signal vs raw fetch: ${fixed(median(ratios(RAW_TIMED, RAW, "ms")), 3)}x`,
      `our named method with timeout off, like the peers: ${fixed(median(ratios(OURS_UNTIMED, RAW, "ms")), 3)}x raw fetch (CPU ${fixed(median(ratios(OURS_UNTIMED, RAW, "cpuMs")), 3)}x); fastest peer ${fastestPeer("ratio").name} ${fixed(fastestPeer("ratio").ratio, 3)}x`,
      `our named method vs bare openapi-fetch, per round: ${fixed(median(ratios(OURS, BARE, "ms")), 3)}x (CPU ${fixed(median(ratios(OURS, BARE, "cpuMs")), 3)}x)`,
      ...(peers
        ? []
        : [
            `hey-api and orval skipped: their generators need Node >= 22.18 (this is ${process.version})`,
          ]),
    ],
    data: {
      rounds,
      warmup,
      measured,
      requestsPerContender: rounds * measured,
      contenders,
    },
  };
}
