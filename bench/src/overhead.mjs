// 1. Per-request overhead: sequential GETs of one fixed 20-item dashboard page from a local
// node:http server, through raw fetch, bare openapi-fetch, our client with everything on, and
// the provider's official SDK (./overhead-contenders.mjs). Each contender runs in a fresh
// child process with its own server (./overhead-child.mjs): in one shared process, the JIT
// state one contender leaves in fetch's internals changes what the next one pays, which moved
// the figures by +-10% from run to run. Children run in rounds, in a rotated order; each is
// compared with the raw-fetch child of the same round, and the medians of those ratios count.
import { fileURLToPath } from "node:url";
import { childRounds, roundRatios } from "./lib/child-rounds.mjs";
import { median, quantile } from "./lib/measure.mjs";
import { fixed } from "./lib/report.mjs";
import { CONTENDERS } from "./overhead-contenders.mjs";

const childScript = fileURLToPath(new URL("./overhead-child.mjs", import.meta.url));
const [RAW, BARE, OURS] = /** @type {[string, string, string, string]} */ (CONTENDERS);

/**
 * @typedef {object} OverheadOptions
 * @property {number} [rounds] Rounds; one child per contender each (default 16: with 8 rounds of
 *   500 the ours-vs-openapi-fetch median moved between 1.01x and 1.07x from run to run).
 * @property {number} [warmup] Unmeasured requests first in each child (default 3,000): fetch's
 *   JavaScript takes a few thousand calls to be fully optimised, and before that the figures
 *   say more about V8's tiering than about the clients.
 * @property {number} [measured] Measured sequential requests per child (default 1,000, so
 *   16,000 per contender).
 */

/**
 * @param {OverheadOptions} [options]
 * @returns {Promise<import("./lib/report.mjs").BenchResult>}
 */
export async function run({ rounds = 16, warmup = 3000, measured = 1000 } = {}) {
  const samples = await childRounds(childScript, CONTENDERS, rounds, (name) => [
    name,
    String(warmup),
    String(measured),
  ]);
  const ms = (/** @type {string} */ name) => (samples.get(name) ?? []).map((s) => s.ms);
  /** Per-round ratios of a to b. @param {string} a @param {string} b */
  const ratios = (a, b) => roundRatios(samples.get(a) ?? [], samples.get(b) ?? []);
  const spread = (/** @type {number[]} */ r) =>
    `${fixed(quantile(r, 0.25), 3)}-${fixed(quantile(r, 0.75), 3)}`;

  const contenders = CONTENDERS.map((name) => ({
    name,
    usPerRequest: (median(ms(name)) * 1000) / measured,
    ratio: median(ratios(name, RAW)),
    ratioIqr: spread(ratios(name, RAW)),
    samples: samples.get(name),
  }));
  const oursVsBareRounds = ratios(OURS, BARE);
  const oursVsBare = median(oursVsBareRounds);
  return {
    name: "overhead",
    title: "Per-request overhead (sequential GETs, loopback, 20-item page)",
    rows: [
      ...contenders.map((c) => ({
        label: `${c.name}: us/request`,
        value: fixed(c.usPerRequest, 0),
        ratio: `${fixed(c.ratio)}x raw fetch (middle half of rounds ${c.ratioIqr})`,
      })),
      {
        label: "our client vs bare openapi-fetch",
        value: "",
        ratio: `${fixed(oursVsBare, 3)}x (middle half of rounds ${spread(oursVsBareRounds)})`,
      },
    ],
    bars: [
      {
        name: "our client <= 1.03x bare openapi-fetch",
        pass: oursVsBare <= 1.03,
        measured: `${fixed(oursVsBare, 3)}x`,
      },
    ],
    notes: [],
    data: {
      rounds,
      warmup,
      measured,
      requestsPerContender: rounds * measured,
      contenders,
      oursVsBareOpenapiFetch: oursVsBare,
      oursVsBareRounds,
    },
  };
}
