// 5. Scale: synthetic specs of 3, 30, 300 and 3,000 operations (./scale-spec.mjs) go through
// the real pipeline steps (spec/scripts lint + bundle with Redocly, the types package's
// openapi-typescript generator), then `tsc --noEmit` checks a consumer file that calls one
// operation through openapi-fetch typed by the generated `paths`. Every size is measured once
// per round (rotated order); figures are medians; growth is relative to the smaller sizes.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { exec } from "./lib/exec.mjs";
import { median } from "./lib/measure.mjs";
import { repoRoot } from "./lib/repo.mjs";
import { fixed, kB, seconds } from "./lib/report.mjs";
import { writeSyntheticSpec } from "./scale-spec.mjs";

const require = createRequire(import.meta.url);
const benchModules = fileURLToPath(new URL("../node_modules", import.meta.url));
const generator = join(repoRoot, "packages", "types", "scripts", "generate.mjs");
const tsc = join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");

/**
 * The steps. `typecheck` is the consumer as written today (`client.GET(path, ...)`);
 * `typecheckPathBased` the same call through openapi-fetch's path-based client, and
 * `typecheckNamed` through a named method of an interface shaped like our CommunityClient
 * (`extends Client<paths>`, one method per operation typed from the generated `operations`),
 * as our client would look with one method per operation: they show what the cost comes from.
 */
const STEPS = /** @type {const} */ ([
  "lint",
  "bundle",
  "generate",
  "typecheck",
  "typecheckPathBased",
  "typecheckNamed",
]);
/** @typedef {typeof STEPS[number]} Step */

/**
 * @typedef {object} ScaleOptions
 * @property {readonly number[]} [sizes] Operation counts, ascending (default 3, 30, 300, 3,000).
 * @property {number} [rounds] Rounds; every size is measured once per round (default 2).
 */

/**
 * @typedef {object} SizeRun
 * @property {Record<Step, number>} ms Wall-clock milliseconds per step.
 * @property {Record<Step, number | undefined>} cpuMs CPU milliseconds per step (Linux).
 * @property {number} bundledBytes Size of the bundled spec (JSON).
 * @property {number} generatedBytes Size of the generated types.
 * @property {Record<string, string>} tscDiagnostics `tsc --extendedDiagnostics` figures.
 */

/**
 * A declaration of a client shaped like ours at this size: the openapi-fetch client plus one
 * named method per operation, each typed from the generated `operations` by its operationId.
 * @param {string[]} operationIds
 */
function namedClientDeclaration(operationIds) {
  const method = (/** @type {string} */ id) =>
    `  ${id}(id: number | string, query?: NonNullable<operations["${id}"]["parameters"]["query"]>, init?: { signal?: AbortSignal }): Promise<operations["${id}"]["responses"][200]["content"]["application/json"]>;`;
  return `import type { Client } from "openapi-fetch";
import type { operations, paths } from "./openapi.js";

export interface NamedClient extends Client<paths> {
${operationIds.map(method).join("\n")}
}
`;
}

/**
 * The consumer calling one named method of {@link namedClientDeclaration}.
 * @param {string} operationId
 */
function namedConsumerSource(operationId) {
  return `import type { NamedClient } from "./named-client.js";

declare const client: NamedClient;

export async function firstMemberId(): Promise<number | undefined> {
  const page = await client.${operationId}(1, { limit: 20 });
  return page.results[0]?.id;
}
`;
}

/**
 * The consumer: the smallest real use of the generated types.
 * @param {string} usersPath
 * @param {boolean} pathBased
 */
function consumerSource(usersPath, pathBased) {
  const [imported, factory, call] = pathBased
    ? ["{ createPathBasedClient }", "createPathBasedClient", `client["${usersPath}"].GET({`]
    : ["createClient", "createClient", `client.GET("${usersPath}", {`];
  return `import ${imported} from "openapi-fetch";
import type { paths } from "./openapi.js";

const client = ${factory}<paths>({ baseUrl: "http://127.0.0.1:4010" });

export async function firstMemberId(): Promise<number | undefined> {
  const { data } = await ${call}
    params: { path: { id: "1" }, query: { limit: 20 } },
  });
  return data?.results[0]?.id;
}
`;
}

/**
 * Runs every step once on a fresh synthetic spec of `operations` operations.
 * @param {number} operations
 * @param {string} work
 * @returns {Promise<SizeRun>}
 */
async function measureSize(operations, work) {
  const dir = mkdtempSync(join(work, `ops${operations}-`));
  try {
    const { specDir, firstUsersPath, operationIds } = writeSyntheticSpec(operations, dir);
    const consumer = join(dir, "consumer");
    mkdirSync(consumer);
    const env = { ...process.env, CI: "" };
    /** @type {Record<string, number>} */
    const ms = {};
    /** @type {Record<string, number | undefined>} */
    const cpuMs = {};
    /** @param {Step} step @param {string[]} args */
    const step = async (step, args) => {
      const result = await exec(process.execPath, args, { env });
      ms[step] = result.ms;
      cpuMs[step] = result.cpuMs;
      return result;
    };
    await step("lint", [join(specDir, "scripts", "lint.mjs")]);
    await step("bundle", [join(specDir, "scripts", "bundle.mjs")]);
    const bundled = join(specDir, "dist", "openapi.json");
    const generated = join(consumer, "openapi.ts");
    await step("generate", [generator, "--spec", bundled, "--out", generated, "--write"]);
    // Consumers get the types as declarations (the types package ships dist/*.d.ts) and, like
    // this repository, check with skipLibCheck: give the consumer the same.
    copyFileSync(generated, join(consumer, "openapi.d.ts"));
    rmSync(generated);
    writeFileSync(join(consumer, "package.json"), '{ "type": "module" }\n');
    /** @type {Record<string, string>} */
    let tscDiagnostics = {};
    writeFileSync(join(consumer, "named-client.d.ts"), namedClientDeclaration(operationIds));
    const usersOperation = operationIds.find((id) => /DashboardUsers$/.test(id));
    if (!usersOperation) throw new Error("the synthetic spec has no dashboard users operation");
    /** @type {[name: string, step: Step, source: string][]} */
    const consumers = [
      ["consumer", "typecheck", consumerSource(firstUsersPath, false)],
      ["path-based", "typecheckPathBased", consumerSource(firstUsersPath, true)],
      ["named", "typecheckNamed", namedConsumerSource(usersOperation)],
    ];
    for (const [name, stepName, source] of consumers) {
      writeFileSync(join(consumer, `${name}.ts`), source);
      writeFileSync(
        join(consumer, `tsconfig.${name}.json`),
        JSON.stringify({
          extends: join(repoRoot, "tsconfig.base.json"),
          compilerOptions: { types: [], noEmit: true },
          files: [`${name}.ts`],
        }),
      );
      const checked = await step(stepName, [
        tsc,
        "-p",
        join(consumer, `tsconfig.${name}.json`),
        "--extendedDiagnostics",
      ]);
      if (stepName === "typecheck") tscDiagnostics = diagnostics(checked.output);
    }
    return {
      ms: /** @type {Record<Step, number>} */ (ms),
      cpuMs: /** @type {Record<Step, number | undefined>} */ (cpuMs),
      bundledBytes: statSync(bundled).size,
      generatedBytes: statSync(join(consumer, "openapi.d.ts")).size,
      tscDiagnostics,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** @param {string} output of tsc --extendedDiagnostics */
function diagnostics(output) {
  /** @type {Record<string, string>} */
  const found = {};
  for (const key of ["Types", "Instantiations", "Memory used", "Check time", "Total time"]) {
    const value = new RegExp(`^${key}:\\s+(.+)$`, "m").exec(output)?.[1];
    if (value) found[key] = value.trim();
  }
  return found;
}

/**
 * @param {ScaleOptions} [options]
 * @returns {Promise<import("./lib/report.mjs").BenchResult>}
 */
export async function run({ sizes = [3, 30, 300, 3000], rounds = 2 } = {}) {
  const work = mkdtempSync(join(tmpdir(), "community-api-scale-"));
  try {
    // The synthetic specs live outside the repository; their scripts and the consumer find
    // Redocly, yaml, openapi-fetch and TypeScript through this one link to the bench's modules.
    symlinkSync(benchModules, join(work, "node_modules"), "dir");
    /** @type {Map<number, SizeRun[]>} */
    const runs = new Map(sizes.map((n) => [n, []]));
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < sizes.length; i++) {
        const n = /** @type {number} */ (sizes[(round + i) % sizes.length]);
        runs.get(n)?.push(await measureSize(n, work));
      }
    }
    // CPU time when the platform reports it: wall time on a shared machine mostly measures
    // the neighbours.
    const cpu = [...runs.values()]
      .flat()
      .every((r) => STEPS.every((s) => r.cpuMs[s] !== undefined));
    /** @param {number} n @param {Step | "pipeline"} step @param {boolean} [useCpu] */
    const med = (n, step, useCpu = cpu) => {
      const pick = (/** @type {SizeRun} */ r, /** @type {Step} */ s) =>
        (useCpu ? r.cpuMs[s] : r.ms[s]) ?? Number.NaN;
      return median(
        (runs.get(n) ?? []).map((r) =>
          step === "pipeline"
            ? pick(r, "lint") + pick(r, "bundle") + pick(r, "generate")
            : pick(r, step),
        ),
      );
    };
    const smallest = /** @type {number} */ (sizes[0]);
    const largest = /** @type {number} */ (sizes[sizes.length - 1]);
    const previous = /** @type {number} */ (sizes[sizes.length - 2] ?? smallest);
    const unit = cpu ? "CPU" : "wall";

    /** @type {import("./lib/report.mjs").Row[]} */
    const rows = [];
    for (const n of sizes) {
      const last = runs.get(n)?.at(-1);
      rows.push({
        label: `${n} ops, ${unit} time: lint / bundle / generate / consumer tsc (path-based client tsc, named-method client tsc)`,
        value: `${STEPS.slice(0, 4)
          .map((s) => seconds(med(n, s)))
          .join(
            " / ",
          )} (${seconds(med(n, "typecheckPathBased"))}, ${seconds(med(n, "typecheckNamed"))})`,
        ratio: `lint+bundle+generate ${fixed(med(n, "pipeline") / med(smallest, "pipeline"))}x, tsc ${fixed(med(n, "typecheck") / med(smallest, "typecheck"))}x the ${smallest}-op figure`,
      });
      rows.push({
        label: `${n} ops, wall time: lint / bundle / generate / consumer tsc`,
        value: STEPS.slice(0, 4)
          .map((s) => seconds(med(n, s, false)))
          .join(" / "),
      });
      if (last) {
        rows.push({
          label: `${n} ops: bundled spec / generated types; consumer tsc types / instantiations / memory`,
          value: `${kB(last.bundledBytes)} / ${kB(last.generatedBytes)}; ${last.tscDiagnostics.Types ?? "?"} / ${last.tscDiagnostics.Instantiations ?? "?"} / ${last.tscDiagnostics["Memory used"] ?? "?"}`,
        });
      }
    }
    const factor = largest / previous;
    const growth = med(largest, "pipeline") / med(previous, "pipeline");
    /** @param {Step} s */
    const stepGrowth = (s) => fixed(med(largest, s) / med(previous, s));
    const tscRatio = med(largest, "typecheck") / med(smallest, "typecheck");
    const pathBasedRatio = med(largest, "typecheckPathBased") / med(smallest, "typecheckPathBased");
    const namedRatio = med(largest, "typecheckNamed") / med(smallest, "typecheckNamed");
    return {
      name: "scale",
      title: "Scale: synthetic specs through lint, bundle, generate and a typed consumer",
      rows,
      bars: [
        {
          name: `lint + bundle + generate grow no worse than linearly from ${previous} to ${largest} ops`,
          pass: growth <= factor,
          measured: `${fixed(growth)}x ${unit} time for ${fixed(factor, 0)}x operations (lint ${stepGrowth("lint")}x, bundle ${stepGrowth("bundle")}x, generate ${stepGrowth("generate")}x)`,
        },
        {
          name: `consumer type-check at ${largest} ops < 3x its ${smallest}-op time, calling a named method (how our client is called)`,
          pass: namedRatio < 3,
          measured: `${fixed(namedRatio)}x ${unit} time (${seconds(med(largest, "typecheckNamed"))} vs ${seconds(med(smallest, "typecheckNamed"))}); path-based client: ${fixed(pathBasedRatio)}x`,
        },
        {
          name: `consumer type-check at ${largest} ops < 3x its ${smallest}-op time, calling client.GET(path) (openapi-fetch's call, also on our client)`,
          pass: tscRatio < 3,
          measured: `${fixed(tscRatio)}x ${unit} time (${seconds(med(largest, "typecheck"))} vs ${seconds(med(smallest, "typecheck"))})`,
        },
      ],
      notes: [],
      data: {
        sizes,
        rounds,
        timeUsedForBars: unit,
        runs: Object.fromEntries([...runs].map(([n, r]) => [String(n), r])),
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
