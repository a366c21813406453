// The shape every benchmark returns, and the table `pnpm bench` prints from it.
import { cpus, loadavg, totalmem } from "node:os";

/**
 * One line of the table.
 * @typedef {object} Row
 * @property {string} label What was measured.
 * @property {string} value The figure, formatted with its unit.
 * @property {string} [ratio] The figure relative to this benchmark's baseline (e.g. "1.18x raw fetch").
 */

/**
 * A bar from the issue and whether this run reached it.
 * @typedef {object} Bar
 * @property {string} name The bar, stated as the issue states it.
 * @property {boolean} pass
 * @property {string} measured The figure it was judged on.
 */

/**
 * @typedef {object} BenchResult
 * @property {string} name
 * @property {string} title
 * @property {Row[]} rows
 * @property {Bar[]} bars
 * @property {string[]} notes Anything a reader must know to read the figures (skips, causes).
 * @property {Record<string, unknown>} data Raw figures for results/*.json.
 */

/** The machine the figures come from. */
export function machine() {
  const cpuList = cpus();
  return {
    cores: cpuList.length,
    cpu: cpuList[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    // How busy the shared machine was: 1, 5 and 15-minute load averages.
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

/**
 * Formats results as a Markdown table (it reads fine in a terminal too).
 * @param {readonly BenchResult[]} results
 */
export function formatTable(results) {
  const lines = ["| benchmark | measure | value | ratio |", "|---|---|---|---|"];
  for (const result of results) {
    for (const row of result.rows) {
      lines.push(`| ${result.name} | ${row.label} | ${row.value} | ${row.ratio ?? ""} |`);
    }
  }
  lines.push("", "| bar | result | measured |", "|---|---|---|");
  for (const result of results) {
    for (const bar of result.bars) {
      lines.push(
        `| ${result.name}: ${bar.name} | ${bar.pass ? "PASS" : "FAIL"} | ${bar.measured} |`,
      );
    }
  }
  const notes = results.flatMap((r) => r.notes.map((note) => `- ${r.name}: ${note}`));
  if (notes.length > 0) lines.push("", ...notes);
  return lines.join("\n");
}

/** @param {number} n @param {number} [digits] */
export const fixed = (n, digits = 2) => n.toFixed(digits);
/** @param {number} ms */
export const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
/** @param {number} bytes */
export const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
/** @param {number} bytes */
export const MB = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
