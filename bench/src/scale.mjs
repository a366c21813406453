// 5. Scale: synthetic specs of 3, 30, 300 and 3,000 operations (./scale-spec.mjs: the real
// spec plus copies of its operations) go through the real pipeline: spec/scripts lint + bundle
// (the bundled spec and its operation facts), then the real generators of the types, the client
// and the mock, each in a temporary copy of its package. On the generated client it measures
// what a spec of that size costs:
// - generation: CPU time of lint, bundle and the three generators;
// - the client's build: `tsc` emitting its declarations (the dts step of its package build),
//   which type-checks its sources against the generated surface;
// - a consumer's type check: `tsc` on a file calling one named method and one iterator of the
//   built client (its declarations, as the package ships them), next to the baseline in the
//   same round: the same call through openapi-fetch's own `client.GET` typed by the same
//   generated `paths`;
// - bundle bytes: the generated client bundled by esbuild (minified, openapi-fetch in), gzip -9.
// Every size is measured once per round (rotated order); times are medians, growth the median
// of per-round ratios to the 3-op figure.
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { exec } from "./lib/exec.mjs";
import { median } from "./lib/measure.mjs";
import { repoRoot } from "./lib/repo.mjs";
import { fixed, kB, MB, seconds } from "./lib/report.mjs";
import { writeSyntheticSpec } from "./scale-spec.mjs";

const benchModules = fileURLToPath(new URL("../node_modules", import.meta.url));
const packageDir = (/** @type {string} */ name) => join(repoRoot, "packages", name);
// The client's own toolchain: the TypeScript that checks it and the esbuild its tests bundle with.
const clientRequire = createRequire(join(packageDir("client"), "package.json"));
const tsc = join(dirname(clientRequire.resolve("typescript/package.json")), "bin", "tsc");
const esbuild = /** @type {typeof import("esbuild")} */ (clientRequire("esbuild"));

/**
 * The bars, set here and judged in the output.
 *
 * LOOP_GROWTH at LOOP_OPERATIONS: a spec edit reaches a built, type-checked client through lint,
 * bundle, the three generators and the client's declaration build. At 300 operations (100x our
 * spec, about the size of a large public REST API) that loop may take at most twice its time at
 * our 3, measured in the same run (a ratio: absolute times on this shared machine move with the
 * neighbours' load). Today's loop takes well under 5 s of CPU on an idle core, so twice that
 * stays under 10 s, the limit past which a developer waiting on a tool loses the thread
 * (Nielsen's response-time limits: 0.1 s, 1 s, 10 s).
 *
 * BYTES_PER_OPERATION: every named method and iterator comes from one table an app cannot
 * tree-shake, so each operation of the spec costs every app that imports the client. At 48 B
 * gzip per operation, 100 operations add 4.8 kB, less than today's whole client (its budget in
 * packages/client/test/package/dist.test.ts): a large API then at most doubles the client. The
 * synthetic operations share their names' words with their neighbours, which gzip rewards;
 * real names are less alike, so the bar leaves room above the synthetic figure.
 *
 * TYPECHECK_GROWTH: a consumer's type check grows sub-linearly: 1,000x the operations (3 to
 * 3,000) cost it less than 3x the time, so an editor stays usable on a spec of any size we can
 * foresee.
 */
const LOOP_OPERATIONS = 300;
const LOOP_GROWTH = 2;
const BYTES_PER_OPERATION = 48;
const TYPECHECK_GROWTH = 3;

/** The steps, in order: the generation a spec edit triggers, the client's build, the consumers. */
const STEPS = /** @type {const} */ ([
  "lint",
  "bundle",
  "generateTypes",
  "generateClient",
  "generateMock",
  "buildClient",
  "typecheckGet",
  "typecheckNamed",
]);
const GENERATION = STEPS.slice(0, 5);
const LOOP = STEPS.slice(0, 6);
/** The tsc runs, in the order the table shows them. */
const TSC = /** @type {const} */ (["buildClient", "typecheckNamed", "typecheckGet"]);
/** @typedef {typeof STEPS[number]} Step */

/**
 * @typedef {object} ScaleOptions
 * @property {readonly number[]} [sizes] Operation counts, ascending, the smallest 3 (default 3, 30, 300, 3,000).
 * @property {number} [rounds] Rounds; every size is measured once per round (default 2).
 */

/**
 * @typedef {object} SizeRun
 * @property {Record<Step, number>} ms Wall-clock milliseconds per step.
 * @property {Record<Step, number | undefined>} cpuMs CPU milliseconds per step (Linux).
 * @property {number} bundledSpecBytes Size of the bundled spec (JSON).
 * @property {number} typesBytes Size of the generated types.
 * @property {number} operationsBytes Size of the client's generated operations.ts.
 * @property {{ minified: number, gzip: number }} clientBundle The generated client bundled.
 * @property {Partial<Record<Step, Record<string, string>>>} tscDiagnostics `tsc --extendedDiagnostics`
 *   figures of the client's build and of each consumer.
 */

/**
 * The consumer of the built client: one named method and one iterator of one list operation,
 * as the README shows them.
 * @param {string} operationId
 * @param {string} iterator
 */
function namedConsumerSource(operationId, iterator) {
  return `import { createCommunityClient } from "./${DECLARATIONS}/index.js";

const client = createCommunityClient({ baseUrl: "http://127.0.0.1:4010", token: "t" });

export async function firstMemberIds(): Promise<(number | undefined)[]> {
  const page = await client.${operationId}(1, { limit: 20 });
  const ids = [page.results[0]?.id];
  for await (const user of client.paginate.${iterator}(1, { pageSize: 20 })) ids.push(user.id);
  return ids;
}
`;
}

/**
 * The baseline: the same call through openapi-fetch's own client typed by the same `paths`.
 * @param {string} path
 */
function getConsumerSource(path) {
  return `import type { paths } from "@community-api/types";
import createClient from "openapi-fetch";

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:4010" });

export async function firstMemberId(): Promise<number | undefined> {
  const { data } = await client.GET("${path}", {
    params: { path: { id: "1" }, query: { limit: 20 } },
  });
  return data?.results[0]?.id;
}
`;
}

/** Where the client's build writes its declarations, in the client's copy. */
const DECLARATIONS = "declarations";

/**
 * Copies what a package's generator needs (package.json, scripts/, and `folders`) and links
 * the real node_modules, so its imports resolve as in the workspace.
 * @param {string} name packages/<name>
 * @param {string} root the size's work folder
 * @param {string[]} folders
 */
function copyPackage(name, root, folders) {
  const to = join(root, "packages", name);
  mkdirSync(to, { recursive: true });
  copyFileSync(join(packageDir(name), "package.json"), join(to, "package.json"));
  for (const folder of ["scripts", ...folders]) {
    cpSync(join(packageDir(name), folder), join(to, folder), { recursive: true });
  }
  symlinkSync(join(packageDir(name), "node_modules"), join(to, "node_modules"), "dir");
  return to;
}

/** The client's size budget (min+gzip, openapi-fetch included), read from its packaging test. */
function clientSizeBudget() {
  const test = join(packageDir("client"), "test", "package", "dist.test.ts");
  const budget = /const SIZE_BUDGET = ([\d_]+);/.exec(readFileSync(test, "utf8"))?.[1];
  if (!budget) throw new Error(`no SIZE_BUDGET in ${test}`);
  return Number(budget.replace(/_/g, ""));
}

/**
 * Bundles the client's sources as an app would (esbuild, minified, openapi-fetch bundled in).
 * @param {string} entry src/index.ts of a client copy
 */
async function bundleClient(entry) {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error(`${entry}: no output`);
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
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
    const { specDir, lastUsersPath } = writeSyntheticSpec(operations, dir);
    // The types as the types package ships them (declarations: its index has types only), so
    // the consumers check them with skipLibCheck, as this repository's packages do.
    const types = join(dir, "packages", "types");
    mkdirSync(join(types, "src", "generated"), { recursive: true });
    copyFileSync(join(packageDir("types"), "package.json"), join(types, "package.json"));
    copyFileSync(join(packageDir("types"), "src", "index.ts"), join(types, "src", "index.d.ts"));
    const generatedTypes = join(types, "src", "generated", "openapi.d.ts");
    const client = copyPackage("client", dir, ["src"]);
    const mock = copyPackage("mock", dir, []);
    mkdirSync(join(mock, "src", "kit", "generated"), { recursive: true });

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
    const bundled = join(specDir, "dist", "openapi.json");
    const facts = join(specDir, "dist", "operations.json");
    await step("lint", [join(specDir, "scripts", "lint.mjs")]);
    await step("bundle", [join(specDir, "scripts", "bundle.mjs")]);
    const typesGenerator = join(packageDir("types"), "scripts", "generate.mjs");
    await step("generateTypes", [
      typesGenerator,
      "--spec",
      bundled,
      "--out",
      generatedTypes,
      "--write",
    ]);
    await step("generateClient", [
      join(client, "scripts", "generate.mjs"),
      "--facts",
      facts,
      "--write",
    ]);
    await step("generateMock", [
      join(mock, "scripts", "generate.mjs"),
      "--facts",
      facts,
      "--write",
    ]);

    // The client's build, as its package build's dts step: its sources checked and declared.
    // The copy's client sees the copy's generated types, not the workspace's.
    const paths = { "@community-api/types": ["../types/src/index.d.ts"] };
    /** @param {string} name @param {object} options @param {object} files */
    const tsconfig = (name, options, files) => {
      const file = join(client, `tsconfig.${name}.json`);
      const compilerOptions = { types: [], paths, ...options };
      const extended = join(repoRoot, "tsconfig.base.json");
      writeFileSync(file, JSON.stringify({ extends: extended, compilerOptions, ...files }));
      return file;
    };
    /** @type {Partial<Record<Step, Record<string, string>>>} */
    const tscDiagnostics = {};
    /** @param {Step} stepName @param {string} config */
    const typecheck = async (stepName, config) => {
      const checked = await step(stepName, [tsc, "-p", config, "--extendedDiagnostics"]);
      tscDiagnostics[stepName] = diagnostics(checked.output);
    };
    const declarationOptions = { noEmit: false, declaration: true, emitDeclarationOnly: true };
    await typecheck(
      "buildClient",
      tsconfig("build", { ...declarationOptions, outDir: DECLARATIONS }, { include: ["src"] }),
    );

    // The consumers' operation: the last one copied from the dashboard users list, by its facts.
    /** @type {{ operationId: string, path: string, iterator: string | null }[]} */
    const derived = JSON.parse(readFileSync(facts, "utf8")).operations;
    const usersOperation = derived.find((op) => op.path === lastUsersPath);
    if (!usersOperation?.iterator) throw new Error(`no list operation at ${lastUsersPath}`);
    /** @type {[name: string, step: Step, source: string][]} */
    const consumers = [
      ["consumer-get", "typecheckGet", getConsumerSource(usersOperation.path)],
      [
        "consumer-named",
        "typecheckNamed",
        namedConsumerSource(usersOperation.operationId, usersOperation.iterator),
      ],
    ];
    for (const [name, stepName, source] of consumers) {
      writeFileSync(join(client, `${name}.ts`), source);
      await typecheck(stepName, tsconfig(name, { noEmit: true }, { files: [`${name}.ts`] }));
    }
    return {
      ms: /** @type {Record<Step, number>} */ (ms),
      cpuMs: /** @type {Record<Step, number | undefined>} */ (cpuMs),
      bundledSpecBytes: statSync(bundled).size,
      typesBytes: statSync(generatedTypes).size,
      operationsBytes: statSync(join(client, "src", "generated", "operations.ts")).size,
      clientBundle: await bundleClient(join(client, "src", "index.ts")),
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
  const smallest = /** @type {number} */ (sizes[0]);
  const largest = /** @type {number} */ (sizes[sizes.length - 1]);
  if (smallest !== 3) throw new Error("the smallest size is the real spec's 3 operations");
  const work = mkdtempSync(join(tmpdir(), "community-api-scale-"));
  try {
    // The synthetic specs live outside the repository; their scripts find Redocly and yaml
    // through this one link to the bench's modules.
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
    const unit = cpu ? "CPU" : "wall";
    /** @param {SizeRun} r @param {Step} s @param {boolean} useCpu */
    const pick = (r, s, useCpu) => (useCpu ? r.cpuMs[s] : r.ms[s]) ?? Number.NaN;
    /** @param {SizeRun} r @param {readonly Step[]} steps @param {boolean} useCpu */
    const sum = (r, steps, useCpu) => steps.reduce((total, s) => total + pick(r, s, useCpu), 0);
    /**
     * Median over the rounds of one figure of a size.
     * @param {number} n @param {(r: SizeRun) => number} figure
     */
    const med = (n, figure) => median((runs.get(n) ?? []).map(figure));
    /** @param {number} n @param {readonly Step[]} steps @param {boolean} [useCpu] */
    const stepsMs = (n, steps, useCpu = cpu) => med(n, (r) => sum(r, steps, useCpu));
    /** @param {number} n @param {Step} s @param {boolean} [useCpu] */
    const stepMs = (n, s, useCpu = cpu) => stepsMs(n, [s], useCpu);
    /** @param {number} n */
    const namedOverGet = (n) =>
      med(n, (r) => pick(r, "typecheckNamed", cpu) / pick(r, "typecheckGet", cpu));
    /**
     * Median over the rounds of (a figure at size n / the same figure at the smallest size in
     * the same round): the sizes of one round ran under about the same load.
     * @param {number} n @param {readonly Step[]} steps
     */
    const growth = (n, steps) => {
      const base = runs.get(smallest) ?? [];
      return median(
        (runs.get(n) ?? []).map(
          (r, round) => sum(r, steps, cpu) / sum(/** @type {SizeRun} */ (base[round]), steps, cpu),
        ),
      );
    };
    /** @param {number} n the last run's (sizes and tsc's counts are deterministic) */
    const lastRun = (n) => /** @type {SizeRun} */ (runs.get(n)?.at(-1));
    /** @param {number} n */
    const bytesPerOperation = (n) =>
      (lastRun(n).clientBundle.gzip - lastRun(smallest).clientBundle.gzip) / (n - smallest);
    /** @param {number} n @param {Step} s */
    const instantiations = (n, s) => lastRun(n).tscDiagnostics[s]?.Instantiations ?? "?";

    /** @type {import("./lib/report.mjs").Row[]} */
    const rows = [];
    for (const n of sizes) {
      const last = lastRun(n);
      rows.push({
        label: `${n} ops, generation ${unit} time: lint / bundle / types / client / mock = total (bundled spec, generated types)`,
        value: `${GENERATION.map((s) => fixed(stepMs(n, s) / 1000)).join(" / ")} = ${seconds(stepsMs(n, GENERATION))} (${MB(last.bundledSpecBytes)}, ${MB(last.typesBytes)}); wall ${seconds(stepsMs(n, GENERATION, false))}`,
        ratio: `${fixed(growth(n, GENERATION))}x the ${smallest}-op total`,
      });
      rows.push({
        label: `${n} ops, tsc ${unit} time: client build (declarations) / consumer calling a named method + iterator / consumer calling client.GET (instantiations)`,
        value: `${TSC.map((s) => `${seconds(stepMs(n, s))} (${instantiations(n, s)})`).join(" / ")}; wall ${TSC.map((s) => fixed(stepMs(n, s, false) / 1000)).join(" / ")} s`,
        ratio: `named/GET ${fixed(namedOverGet(n))}x; ${growthText(n)}`,
      });
      rows.push({
        label: `${n} ops, generated client bundled (esbuild min, gzip -9; generated operations.ts)`,
        value: `${last.clientBundle.gzip} B gzip (${kB(last.clientBundle.minified)} min; ${kB(last.operationsBytes)})`,
        ...(n > smallest && {
          ratio: `+${fixed(bytesPerOperation(n), 1)} B gzip per added operation`,
        }),
      });
    }
    /** @param {number} n */
    function growthText(n) {
      if (n === smallest) return `the ${smallest}-op figures`;
      const of = (/** @type {Step} */ s) => fixed(growth(n, [s]));
      return `build ${of("buildClient")}x, named ${of("typecheckNamed")}x, GET ${of("typecheckGet")}x the ${smallest}-op times`;
    }
    const budget = clientSizeBudget();
    const loopSize = /** @type {number} */ (
      sizes.filter((n) => n <= LOOP_OPERATIONS).at(-1) ?? smallest
    );
    const loopGrowth = growth(loopSize, LOOP);
    const typecheckGrowth = growth(largest, ["typecheckNamed"]);
    const smallestBundle = lastRun(smallest).clientBundle.gzip;
    return {
      name: "scale",
      title: "Scale: the real generators and the generated client at 3 to 3,000 operations",
      rows,
      bars: [
        {
          name: `spec edit to a built client at ${loopSize} ops (lint, bundle, 3 generators, client declarations) within ${LOOP_GROWTH}x its ${smallest}-op time`,
          pass: loopGrowth <= LOOP_GROWTH,
          measured: `${fixed(loopGrowth)}x: ${seconds(stepsMs(loopSize, LOOP))} vs ${seconds(stepsMs(smallest, LOOP))} ${unit} time (generation ${seconds(stepsMs(loopSize, GENERATION))} + build ${seconds(stepMs(loopSize, "buildClient"))})`,
        },
        {
          name: `the generated client grows at most ${BYTES_PER_OPERATION} B gzip per added operation (${smallest} to ${largest} ops)`,
          pass: bytesPerOperation(largest) <= BYTES_PER_OPERATION,
          measured: `${fixed(bytesPerOperation(largest), 1)} B (${smallestBundle} B -> ${lastRun(largest).clientBundle.gzip} B)`,
        },
        {
          name: `the client at ${smallest} ops (the real spec's operations) within its size budget (${budget} B, packages/client/test/package/dist.test.ts)`,
          pass: smallestBundle <= budget,
          measured: `${smallestBundle} B, bundled from src/ (the budget's test bundles dist/)`,
        },
        {
          name: `consumer type-check grows sub-linearly: at ${largest} ops < ${TYPECHECK_GROWTH}x its ${smallest}-op time (a named method + iterator of the built client)`,
          pass: typecheckGrowth < TYPECHECK_GROWTH,
          measured: `${fixed(typecheckGrowth)}x ${unit} time (${seconds(stepMs(largest, "typecheckNamed"))} vs ${seconds(stepMs(smallest, "typecheckNamed"))}) for ${fixed(largest / smallest, 0)}x the operations; client.GET ${fixed(growth(largest, ["typecheckGet"]))}x`,
        },
      ],
      notes: [
        "The consumers read the built client's declarations and the generated types as the packages ship them (skipLibCheck); the client's own check of its sources is the build column.",
      ],
      data: {
        sizes,
        rounds,
        timeUsedForBars: unit,
        sizeBudget: budget,
        runs: Object.fromEntries([...runs].map(([n, r]) => [String(n), r])),
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
