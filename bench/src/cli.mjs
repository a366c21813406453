// Runs the benchmarks, prints their table and writes results/<name>.json (all: latest.json).
//   node src/cli.mjs all | overhead | pagination | bundle | scale | mock | pipeline
//   node src/cli.mjs report [--check]   BENCHMARKS.md from results/latest.json
// They run one after the other, never in parallel: each one's figures assume a quiet process.
// `all` runs the benchmarks whose bars the client is judged on; the pipeline benchmark (turbo's
// caching) runs on its own.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatTable, machine } from "./lib/report.mjs";

/** @type {Record<string, () => Promise<import("./lib/report.mjs").BenchResult>>} */
const BENCHMARKS = {
  overhead: async () => (await import("./overhead.mjs")).run(),
  pagination: async () => (await import("./pagination.mjs")).run(),
  bundle: async () => (await import("./bundle.mjs")).run(),
  pipeline: async () => (await import("./pipeline.mjs")).run(),
  scale: async () => (await import("./scale.mjs")).run(),
  mock: async () => (await import("./mock.mjs")).run(),
};

const name = process.argv[2] ?? "all";
if (name === "report") {
  (await import("./report-md.mjs")).writeReport(process.argv.includes("--check"));
  process.exit();
}
const names = name === "all" ? Object.keys(BENCHMARKS).filter((n) => n !== "pipeline") : [name];
const unknown = names.filter((n) => !(n in BENCHMARKS));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark ${unknown.join(", ")}; one of: all, report, ${Object.keys(BENCHMARKS).join(", ")}`,
  );
  process.exit(2);
}

const startedAt = new Date().toISOString();
const machineAtStart = machine();
/** @type {import("./lib/report.mjs").BenchResult[]} */
const results = [];
/** @type {{ name: string, error: string }[]} */
const failures = [];
for (const n of names) {
  const start = Date.now();
  console.error(`[bench] ${n} ...`);
  try {
    const result = await /** @type {() => Promise<import("./lib/report.mjs").BenchResult>} */ (
      BENCHMARKS[n]
    )();
    results.push(result);
    console.error(`[bench] ${n} done in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  } catch (error) {
    // One broken benchmark must not hide the others' figures.
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    failures.push({ name: n, error: message });
    console.error(`[bench] ${n} FAILED: ${message}`);
  }
}

const { cores, cpu, node, loadAverage } = machineAtStart;
console.log(
  `\n${cores} cores (${cpu}), Node ${node}, load average at start ${loadAverage.join(" / ")}\n`,
);
console.log(formatTable(results));
const resultsDir = fileURLToPath(new URL("../results/", import.meta.url));
mkdirSync(resultsDir, { recursive: true });
const file = `${resultsDir}${name === "all" ? "latest" : name}.json`;
writeFileSync(
  file,
  `${JSON.stringify(
    {
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: machineAtStart,
      loadAverageAtEnd: machine().loadAverage,
      results,
      failures,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwrote ${file}`);
if (failures.length > 0) process.exitCode = 1;
