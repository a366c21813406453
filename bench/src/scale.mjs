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
// And, in the same round, the floors those figures cannot go below:
// - the loop's floor (sizes up to LOOP_OPERATIONS): the third-party tools alone on the same spec
//   (Redocly's lint and bundle, openapi-typescript: ./scale-openapi-ts.mjs) and tsc emitting the
//   client's declarations without checking them (`noCheck`);
// - each consumer's floor: tsc reading the same declarations with nothing to check (a file that
//   only names a type of them), i.e. parsing and binding them.
// Every size is measured once per round (rotated order); times are medians, growth the median
// of per-round ratios to the 3-op figure.
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
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
// The Redocly CLI the synthetic specs' scripts run (they find it through the link to the bench's
// modules), for the loop's floor.
const redoclyCli = join(
  dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")),
  "bin",
  "cli.js",
);
const openapiTsFloor = fileURLToPath(new URL("./scale-openapi-ts.mjs", import.meta.url));

/**
 * The bars, set here and judged in the output.
 *
 * LOOP_OVER_FLOOR at LOOP_OPERATIONS: a spec edit reaches a built, type-checked client through
 * lint, bundle, the three generators and the client's declaration build. The intent: at 300
 * operations (100x our spec, about the size of a large public REST API) that loop stays within a
 * developer's 10 s, the limit past which someone waiting on a tool loses the thread (Nielsen's
 * response-time limits: 0.1 s, 1 s, 10 s); at our 3 it takes about 5 s of CPU. Absolute times on
 * this shared machine move with the neighbours' load, so the bar is a ratio of the same run, and
 * a ratio to the 3-op loop alone ("within 2x") judged mostly the tools we call: Redocly's lint and
 * bundle and openapi-typescript are most of the generation time and grow with the spec's text.
 * So the loop is judged against its floor measured in the same round: those tools alone on the
 * same spec, plus tsc emitting the client's declarations unchecked. From 3 to 300 operations the
 * loop may grow at most 1.25x as much as that floor: what is ours (the scripts around the tools,
 * the client and mock generators, tsc's check of the client against the generated operations)
 * may add at most a quarter to the floor's growth.
 *
 * BYTES_PER_OPERATION: every named method and iterator comes from one table an app cannot
 * tree-shake, so each operation of the spec costs every app that imports the client. At 48 B
 * gzip per operation, 100 operations add 4.8 kB, less than today's whole client (its budget in
 * packages/client/test/package/dist.test.ts): a large API then at most doubles the client. The
 * synthetic operations share their names' words with their neighbours, which gzip rewards;
 * real names are less alike, so the bar leaves room above the synthetic figure.
 *
 * TYPECHECK_OVER_FLOOR, TYPECHECK_TYPES_GROWTH: an editor stays usable on a spec of any size we
 * can foresee. A consumer's check cannot cost less than tsc reading the declarations it imports:
 * the generated `paths`/`operations` (openapi-typescript) and the client's generated interfaces
 * grow with the spec's text, and parsing them is most of a consumer's time at 3,000 operations.
 * So at 3,000 operations the consumer's type check may take at most 1.15x that floor, measured in
 * the same round (tsc reading the same declarations, nothing to check): what checking the calls
 * adds stays small next to what no consumer can skip. It is judged at the largest size, not as a
 * growth from 3 operations: there checking is a few hundredths of a second, and the per-round
 * ratio of two ~1.5 s figures on this shared machine moves by more than that. And the checking
 * itself must not grow with the spec: the types tsc creates for the consumer's named call and
 * iterator at 3,000 operations stay within 1.5x of those at 3 (a count, not a time: the same on
 * any machine), i.e. nothing is instantiated per operation of the spec.
 */
const LOOP_OPERATIONS = 300;
const LOOP_OVER_FLOOR = 1.25;
const BYTES_PER_OPERATION = 48;
const TYPECHECK_OVER_FLOOR = 1.15;
const TYPECHECK_TYPES_GROWTH = 1.5;

/**
 * The steps, in the order they run: the generation a spec edit triggers, the client's build, the
 * consumers, then the floors: the loop's (only at sizes up to LOOP_OPERATIONS) and the consumers'.
 */
export const STEPS = /** @type {const} */ ([
  "lint",
  "bundle",
  "generateTypes",
  "generateClient",
  "generateMock",
  "buildClient",
  "typecheckGet",
  "typecheckNamed",
  "floorLint",
  "floorBundle",
  "floorTypes",
  "floorBuild",
  "floorGet",
  "floorNamed",
]);
const GENERATION = STEPS.slice(0, 5);
const LOOP = STEPS.slice(0, 6);
/** The loop's floor: Redocly lint, Redocly bundle, openapi-typescript, tsc's unchecked declarations. */
const LOOP_FLOOR = STEPS.slice(8, 12);
/** The tsc runs, in the order the table shows them. */
const TSC = /** @type {const} */ (["buildClient", "typecheckNamed", "typecheckGet"]);
/** @typedef {typeof STEPS[number]} Step */

/**
 * @typedef {object} ScaleOptions
 * @property {readonly number[]} [sizes] Operation counts, ascending, the smallest 3 (default 3, 30, 300, 3,000).
 * @property {number} [rounds] Rounds; every size is measured once per round (default 2).
 * @property {boolean} [keep] Keep the work folders (printed on stderr) for a look at what was
 *   generated and checked, e.g. `tsc -p <client>/tsconfig.consumer-named.json
 *   --extendedDiagnostics` (default: the environment's BENCH_SCALE_KEEP=1).
 */

/**
 * @typedef {object} SizeRun
 * @property {Partial<Record<Step, number>>} ms Wall-clock milliseconds per step run (the loop's
 *   floor only at sizes up to LOOP_OPERATIONS).
 * @property {Partial<Record<Step, number | undefined>>} cpuMs CPU milliseconds per step run (Linux).
 * @property {number} bundledSpecBytes Size of the bundled spec (JSON).
 * @property {number} typesBytes Size of the generated types.
 * @property {number} operationsBytes Size of the client's generated operations.ts.
 * @property {{ types: number, client: number }} declarationBytes What the consumers read: the
 *   types package's declarations (index and generated), the client's built declarations.
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
 * The floors of the consumers: a file that only names a type of what each consumer imports, so
 * that tsc reads (parses and binds) the same declaration files and has nothing to check.
 */
const FLOOR_SOURCES = {
  named: `import type { CommunityClient } from "./${DECLARATIONS}/index.js";

export type Floor = CommunityClient;
`,
  get: `import type { paths } from "@community-api/types";
import type { Client } from "openapi-fetch";

export type Floor = Client<paths>;
`,
};

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

/** @param {number} bytes in MB from 1 MB, else in kB */
const size = (bytes) => (bytes >= 1e6 ? MB(bytes) : kB(bytes));

/** @param {string} folder @returns {number} bytes of the files in it, recursively */
function folderBytes(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/**
 * Runs every step once on a fresh synthetic spec of `operations` operations.
 * @param {number} operations
 * @param {string} work
 * @param {{ keep: boolean, loopFloor: boolean }} options keep the folder; measure the loop's floor
 * @returns {Promise<SizeRun>}
 */
async function measureSize(operations, work, { keep, loopFloor }) {
  const dir = mkdtempSync(join(work, `ops${operations}-`));
  if (keep) console.error(`[scale] ${operations} ops: ${dir}`);
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
    /** @type {Partial<Record<Step, number>>} */
    const ms = {};
    /** @type {Partial<Record<Step, number | undefined>>} */
    const cpuMs = {};
    /**
     * Runs one step with Node and records its times.
     * @param {Step} step @param {string[]} args @param {{ cwd?: string, env?: NodeJS.ProcessEnv }} [options]
     */
    const step = async (step, args, options = {}) => {
      const result = await exec(process.execPath, args, { env, ...options });
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

    // The floors. The loop's: the third-party tools alone on the same spec, as the scripts call
    // them, and tsc emitting the client's declarations without checking them.
    if (loopFloor) {
      const redoclyConfig = ["--config", join(dir, "redocly.yaml")];
      const redoclyEnv = { REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
      const redocly = (/** @type {Step} */ stepName, /** @type {string[]} */ args) =>
        step(stepName, [redoclyCli, ...args, ...redoclyConfig], {
          cwd: specDir,
          env: { ...env, ...redoclyEnv },
        });
      await redocly("floorLint", ["lint", "openapi.yaml", "--format", "stylish"]);
      const floorBundle = join(dir, "floor-bundle.json");
      await redocly("floorBundle", ["bundle", "openapi.yaml", "--output", floorBundle]);
      await step("floorTypes", [openapiTsFloor, bundled]);
      const unchecked = {
        ...declarationOptions,
        noCheck: true,
        outDir: `${DECLARATIONS}-unchecked`,
      };
      await typecheck("floorBuild", tsconfig("unchecked", unchecked, { include: ["src"] }));
    }
    // The consumers': tsc reading what each consumer imports, with nothing to check.
    for (const [name, stepName] of /** @type {const} */ ([
      ["get", "floorGet"],
      ["named", "floorNamed"],
    ])) {
      writeFileSync(join(client, `floor-${name}.ts`), FLOOR_SOURCES[name]);
      await typecheck(
        stepName,
        tsconfig(`floor-${name}`, { noEmit: true }, { files: [`floor-${name}.ts`] }),
      );
    }
    return {
      ms,
      cpuMs,
      bundledSpecBytes: statSync(bundled).size,
      typesBytes: statSync(generatedTypes).size,
      operationsBytes: statSync(join(client, "src", "generated", "operations.ts")).size,
      declarationBytes: {
        types: folderBytes(join(types, "src")),
        client: folderBytes(join(client, DECLARATIONS)),
      },
      clientBundle: await bundleClient(join(client, "src", "index.ts")),
      tscDiagnostics,
    };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** @param {string} output of tsc --extendedDiagnostics */
function diagnostics(output) {
  /** @type {Record<string, string>} */
  const found = {};
  const keys = ["Files", "Lines of Definitions", "Types", "Instantiations", "Memory used"];
  for (const key of [...keys, "Parse time", "Bind time", "Check time", "Emit time", "Total time"]) {
    const value = new RegExp(`^${key}:\\s+(.+)$`, "m").exec(output)?.[1];
    if (value) found[key] = value.trim();
  }
  return found;
}

/**
 * @param {ScaleOptions} [options]
 * @returns {Promise<import("./lib/report.mjs").BenchResult>}
 */
export async function run({
  sizes = [3, 30, 300, 3000],
  rounds = 2,
  keep = process.env.BENCH_SCALE_KEEP === "1",
} = {}) {
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
        const loopFloor = n <= LOOP_OPERATIONS;
        runs.get(n)?.push(await measureSize(n, work, { keep, loopFloor }));
      }
    }
    // CPU time when the platform reports it: wall time on a shared machine mostly measures
    // the neighbours.
    const cpu = [...runs.values()]
      .flat()
      .every((r) => Object.values(r.cpuMs).every((ms) => ms !== undefined));
    const unit = cpu ? "CPU" : "wall";
    /** @param {SizeRun} r @param {Step} s @param {boolean} useCpu */
    const pick = (r, s, useCpu) => (useCpu ? r.cpuMs[s] : r.ms[s]) ?? Number.NaN;
    /** @param {SizeRun} r @param {readonly Step[]} steps @param {boolean} [useCpu] */
    const sum = (r, steps, useCpu = cpu) =>
      steps.reduce((total, s) => total + pick(r, s, useCpu), 0);
    /**
     * Median over the rounds of one figure of a size.
     * @param {number} n @param {(r: SizeRun) => number} figure
     */
    const med = (n, figure) => median((runs.get(n) ?? []).map(figure));
    /** @param {number} n @param {readonly Step[]} steps @param {boolean} [useCpu] */
    const stepsMs = (n, steps, useCpu = cpu) => med(n, (r) => sum(r, steps, useCpu));
    /** @param {number} n @param {Step} s @param {boolean} [useCpu] */
    const stepMs = (n, s, useCpu = cpu) => stepsMs(n, [s], useCpu);
    /**
     * Median over the rounds of one figure of size n divided by the same figure of the smallest
     * size in the same round: the sizes of one round ran under about the same load.
     * @param {number} n @param {(r: SizeRun) => number} figure
     */
    const perRound = (n, figure) => {
      const base = runs.get(smallest) ?? [];
      return median(
        (runs.get(n) ?? []).map(
          (r, round) => figure(r) / figure(/** @type {SizeRun} */ (base[round])),
        ),
      );
    };
    /** Growth of some steps' total from the smallest size. @param {number} n @param {readonly Step[]} steps */
    const growth = (n, steps) => perRound(n, (r) => sum(r, steps));
    /**
     * Growth of some steps relative to the growth of their floor, per round:
     * (steps at n / steps at 3) / (floor at n / floor at 3).
     * @param {number} n @param {readonly Step[]} steps @param {readonly Step[]} floor
     */
    const growthOverFloor = (n, steps, floor) => perRound(n, (r) => sum(r, steps) / sum(r, floor));
    /** Some steps over other steps of the same size and round. @param {number} n @param {readonly Step[]} a @param {readonly Step[]} b */
    const over = (n, a, b) => med(n, (r) => sum(r, a) / sum(r, b));
    /** @param {number} n the last run's (sizes and tsc's counts are deterministic) */
    const lastRun = (n) => /** @type {SizeRun} */ (runs.get(n)?.at(-1));
    /** @param {number} n */
    const bytesPerOperation = (n) =>
      (lastRun(n).clientBundle.gzip - lastRun(smallest).clientBundle.gzip) / (n - smallest);
    /** @param {number} n @param {Step} s @param {"Types" | "Instantiations"} key */
    const count = (n, s, key) => Number(lastRun(n).tscDiagnostics[s]?.[key] ?? Number.NaN);
    /** @param {number} n @param {Step} s */
    const counts = (n, s) =>
      `${count(n, s, "Types")} types, ${count(n, s, "Instantiations")} inst.`;
    /** @param {number} n */
    const hasLoopFloor = (n) => (runs.get(n) ?? []).every((r) => r.cpuMs.floorBuild !== undefined);

    /** @type {import("./lib/report.mjs").Row[]} */
    const rows = [];
    for (const n of sizes) {
      const last = lastRun(n);
      const moreThanSmallest = n > smallest;
      rows.push({
        label: `${n} ops, generation ${unit} time: lint / bundle / types / client / mock = total (bundled spec, generated types)`,
        value: `${GENERATION.map((s) => fixed(stepMs(n, s) / 1000)).join(" / ")} = ${seconds(stepsMs(n, GENERATION))} (${MB(last.bundledSpecBytes)}, ${MB(last.typesBytes)}); wall ${seconds(stepsMs(n, GENERATION, false))}`,
        ratio: `${fixed(growth(n, GENERATION))}x the ${smallest}-op total`,
      });
      if (hasLoopFloor(n)) {
        rows.push({
          label: `${n} ops, the loop's floor, ${unit} time: Redocly lint / Redocly bundle / openapi-typescript / tsc declarations unchecked = total (the tools alone, same spec)`,
          value: `${LOOP_FLOOR.map((s) => fixed(stepMs(n, s) / 1000)).join(" / ")} = ${seconds(stepsMs(n, LOOP_FLOOR))}; the loop ${seconds(stepsMs(n, LOOP))}`,
          ratio: `loop ${fixed(over(n, LOOP, LOOP_FLOOR))}x its floor${moreThanSmallest ? `; loop ${fixed(growth(n, LOOP))}x, floor ${fixed(growth(n, LOOP_FLOOR))}x the ${smallest}-op times` : ""}`,
        });
      }
      rows.push({
        label: `${n} ops, tsc ${unit} time: client build (declarations) / consumer calling a named method + iterator / consumer calling client.GET (types, instantiations)`,
        value: `${TSC.map((s) => `${seconds(stepMs(n, s))} (${counts(n, s)})`).join(" / ")}; wall ${TSC.map((s) => fixed(stepMs(n, s, false) / 1000)).join(" / ")} s`,
        ratio: `named/GET ${fixed(over(n, ["typecheckNamed"], ["typecheckGet"]))}x; ${growthText(n)}`,
      });
      rows.push({
        label: `${n} ops, the consumers' floor, ${unit} time: tsc reading what the named / the client.GET consumer imports, nothing to check (declarations: the client's + the types package's)`,
        value: `${seconds(stepMs(n, "floorNamed"))} / ${seconds(stepMs(n, "floorGet"))} (${size(last.declarationBytes.client)} + ${size(last.declarationBytes.types)})`,
        ratio: `named ${fixed(over(n, ["typecheckNamed"], ["floorNamed"]))}x, GET ${fixed(over(n, ["typecheckGet"], ["floorGet"]))}x their floors${moreThanSmallest ? `; floors ${fixed(growth(n, ["floorNamed"]))}x / ${fixed(growth(n, ["floorGet"]))}x the ${smallest}-op times` : ""}`,
      });
      rows.push({
        label: `${n} ops, generated client bundled (esbuild min, gzip -9; generated operations.ts)`,
        value: `${last.clientBundle.gzip} B gzip (${kB(last.clientBundle.minified)} min; ${kB(last.operationsBytes)})`,
        ...(moreThanSmallest && {
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
    const loopOverFloor = growthOverFloor(loopSize, LOOP, LOOP_FLOOR);
    const typecheckOverFloor = over(largest, ["typecheckNamed"], ["floorNamed"]);
    const typesGrowth =
      count(largest, "typecheckNamed", "Types") / count(smallest, "typecheckNamed", "Types");
    const smallestBundle = lastRun(smallest).clientBundle.gzip;
    /** The loop above its floor at n: our scripts, generators and tsc's check. @param {number} n */
    const ours = (n) => stepsMs(n, LOOP) - stepsMs(n, LOOP_FLOOR);
    const largestDeclarations = lastRun(largest).declarationBytes;
    return {
      name: "scale",
      title: "Scale: the real generators and the generated client at 3 to 3,000 operations",
      rows,
      bars: [
        {
          name: `spec edit to a built client (lint, bundle, 3 generators, client declarations): its growth from ${smallest} to ${loopSize} ops at most ${LOOP_OVER_FLOOR}x the growth of its floor, the tools alone on the same spec in the same round (Redocly lint + bundle, openapi-typescript, tsc emitting the declarations unchecked)`,
          pass: loopOverFloor <= LOOP_OVER_FLOOR,
          measured: `${fixed(loopOverFloor)}x: loop ${fixed(growth(loopSize, LOOP))}x (${seconds(stepsMs(loopSize, LOOP))} vs ${seconds(stepsMs(smallest, LOOP))}), floor ${fixed(growth(loopSize, LOOP_FLOOR))}x (${seconds(stepsMs(loopSize, LOOP_FLOOR))} vs ${seconds(stepsMs(smallest, LOOP_FLOOR))}) ${unit} time`,
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
          name: `consumer type-check at ${largest} ops (a named method + iterator of the built client) at most ${TYPECHECK_OVER_FLOOR}x its floor, tsc reading the same declarations with nothing to check (same round)`,
          pass: typecheckOverFloor <= TYPECHECK_OVER_FLOOR,
          measured: `${fixed(typecheckOverFloor)}x: ${seconds(stepMs(largest, "typecheckNamed"))} vs ${seconds(stepMs(largest, "floorNamed"))} ${unit} time; from ${smallest} ops the consumer grew ${fixed(growth(largest, ["typecheckNamed"]))}x, its floor ${fixed(growth(largest, ["floorNamed"]))}x; client.GET ${fixed(over(largest, ["typecheckGet"], ["floorGet"]))}x its floor`,
        },
        {
          name: `consumer type-check work does not grow with the spec: the types tsc creates checking a named method + iterator at ${largest} ops within ${TYPECHECK_TYPES_GROWTH}x of those at ${smallest} ops`,
          pass: typesGrowth <= TYPECHECK_TYPES_GROWTH,
          measured: `${fixed(typesGrowth)}x: ${counts(largest, "typecheckNamed")} vs ${counts(smallest, "typecheckNamed")}; client.GET ${counts(largest, "typecheckGet")} vs ${counts(smallest, "typecheckGet")}`,
        },
      ],
      notes: [
        "The consumers read the built client's declarations and the generated types as the packages ship them (skipLibCheck); the client's own check of its sources is the build column.",
        `What limits the loop: its floor, the tools alone, grows ${fixed(growth(loopSize, LOOP_FLOOR))}x from ${smallest} to ${loopSize} ops (Redocly lint ${fixed(growth(loopSize, ["floorLint"]))}x, Redocly bundle ${fixed(growth(loopSize, ["floorBundle"]))}x, openapi-typescript ${fixed(growth(loopSize, ["floorTypes"]))}x, tsc's unchecked declarations ${fixed(growth(loopSize, ["floorBuild"]))}x); above it (our scripts and generators, and tsc checking the client against the generated operations: build ${seconds(stepMs(loopSize, "buildClient"))} vs ${seconds(stepMs(loopSize, "floorBuild"))} unchecked) the loop spends ${seconds(ours(smallest))} at ${smallest} ops and ${seconds(ours(loopSize))} at ${loopSize}.`,
        `What limits the consumer's check: reading the declarations it imports. At ${largest} ops tsc parses ${size(largestDeclarations.types)} of the types package (openapi-typescript's paths/operations, each operation's parameter descriptions repeated in it) and ${size(largestDeclarations.client)} of the client's declarations; reading them alone takes ${seconds(stepMs(largest, "floorNamed"))} of the consumer's ${seconds(stepMs(largest, "typecheckNamed"))}, the types package's alone ${seconds(stepMs(largest, "floorGet"))} (client.GET's floor).`,
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
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}
