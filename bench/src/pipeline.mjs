// 4. Pipeline: in a throw-away clone of the repository (never the main checkout), time a cold
// full turbo run (fresh cache), the same run again with nothing changed, and a run after a
// one-line change to an operation's description in the spec, listing its cache misses.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { exec } from "./lib/exec.mjs";
import { pnpmBinDir, repoRoot } from "./lib/repo.mjs";
import { fixed, seconds } from "./lib/report.mjs";

/** The full build: every task of the pipeline except the tests (the docs site is docs#build). */
export const TASKS = ["lint", "bundle", "generate", "typecheck", "build"];
/** The package every artifact derives from. */
const SPEC_PACKAGE = "@community-api/spec";

/**
 * @typedef {object} TaskRun
 * @property {string} taskId e.g. "@community-api/types#generate"
 * @property {string} status "HIT" or "MISS"
 * @property {number | undefined} exitCode
 * @property {number | undefined} ms
 */

/**
 * @typedef {object} TurboRun
 * @property {string} label
 * @property {number} ms Wall-clock time, turbo's start-up included.
 * @property {TaskRun[]} tasks
 * @property {TaskRun[]} failed
 */

/**
 * The tasks of a turbo run summary (`--summarize`) or dry run (`--dry=json`) that have a
 * command (turbo also lists tasks a package has no script for).
 * @param {{ tasks: { taskId: string, command: string, cache: { status: string }, execution?: { exitCode?: number, startTime: number, endTime: number } }[] }} summary
 * @returns {TaskRun[]}
 */
export function tasksOf(summary) {
  return summary.tasks
    .filter((t) => t.command !== "<NONEXISTENT>")
    .map((t) => ({
      taskId: t.taskId,
      status: t.cache.status,
      exitCode: t.execution?.exitCode,
      ms: t.execution ? t.execution.endTime - t.execution.startTime : undefined,
    }));
}

/**
 * The one-line edit: appends a sentence to the first line of an operation's description.
 * @param {string} yaml The text of a spec/paths/*.yaml file.
 * @returns {string} the edited text (throws if the file has no block description).
 */
export function editDescription(yaml) {
  const lines = yaml.split("\n");
  const at = lines.findIndex((line) => /^\s+description: [|>]/.test(line));
  const target = lines[at + 1];
  if (at === -1 || target === undefined || target.trim() === "") {
    throw new Error("no block `description:` found to edit");
  }
  lines[at + 1] = `${target} (Edited by the pipeline benchmark.)`;
  return lines.join("\n");
}

/**
 * Names of the workspace packages that depend, directly or not, on the spec package: a spec
 * edit may legitimately invalidate their tasks, and no other package's.
 * @param {string} root A checkout of the repository.
 */
export function dependentsOfSpec(root) {
  /** @type {Map<string, string[]>} */
  const deps = new Map();
  // Workspace packages sit at most two levels down (spec/, packages/client/, ...).
  /** @param {string} dir @param {number} depth */
  const scan = (dir, depth) => {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      deps.set(manifest.name, [
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.devDependencies ?? {}),
      ]);
    } catch {
      // Not a package: only a folder of packages.
    }
    if (depth === 0) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith(".")) {
        scan(join(dir, entry.name), depth - 1);
      }
    }
  };
  scan(root, 2);
  const dependents = new Set([SPEC_PACKAGE]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, list] of deps) {
      if (!dependents.has(name) && list.some((d) => dependents.has(d))) {
        dependents.add(name);
        grew = true;
      }
    }
  }
  return dependents;
}

/** The spec path file to edit: the dashboard-users operation's, else the first. @param {string} root */
function editTarget(root) {
  const dir = join(root, "spec", "paths");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort();
  const file = files.find((f) => f.includes("users")) ?? files[0];
  if (!file) throw new Error("no spec/paths/*.yaml to edit");
  return join(dir, file);
}

/** Environment of the turbo runs. @param {string | undefined} pnpmDir put first on PATH */
function turboEnv(pnpmDir) {
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" };
  // CI=true makes the generators check instead of write: the spec edit would fail them.
  delete env.CI;
  if (pnpmDir) env.PATH = `${pnpmDir}${delimiter}${process.env.PATH ?? ""}`;
  return env;
}

/** @param {string} root */
const turboBin = (root) => join(root, "node_modules", ".bin", "turbo");

/** @param {string} dir */
function safeReaddir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** @param {readonly TaskRun[]} tasks */
const ids = (tasks) => tasks.map((t) => t.taskId).join(", ") || "none";
/** @param {{ tasks: readonly TaskRun[] }} run */
const missesOf = (run) => run.tasks.filter((t) => t.status === "MISS");

/**
 * Plans the full build in the main checkout (`turbo run --dry=json`: reads, runs nothing) and
 * checks that the edit applies. The smoke test's stand-in for the real, minutes-long run.
 * @returns {Promise<import("./lib/report.mjs").BenchResult>}
 */
export async function plan() {
  editDescription(readFileSync(editTarget(repoRoot), "utf8"));
  const { stdout } = await exec(turboBin(repoRoot), ["run", ...TASKS, "--dry=json"], {
    cwd: repoRoot,
    env: turboEnv(undefined),
  });
  const tasks = tasksOf(JSON.parse(stdout.slice(stdout.indexOf("{"))));
  return {
    name: "pipeline",
    title: "Pipeline (dry run: task plan only)",
    rows: [{ label: "tasks in a full build", value: String(tasks.length) }],
    bars: [],
    notes: ["dry run: nothing was built or timed"],
    data: { tasks, dependentsOfSpec: [...dependentsOfSpec(repoRoot)] },
  };
}

/** @returns {Promise<import("./lib/report.mjs").BenchResult>} */
export async function run() {
  const work = mkdtempSync(join(tmpdir(), "community-api-pipeline-"));
  try {
    const clone = join(work, "repo");
    // A clone holds the committed state only (HEAD), which is what CI builds.
    await exec("git", ["clone", "--quiet", repoRoot, clone]);
    const { output: head } = await exec("git", ["rev-parse", "--short", "HEAD"], { cwd: clone });
    const pnpmDir = await pnpmBinDir();
    const env = turboEnv(pnpmDir);
    const pnpm = join(pnpmDir, "pnpm");
    const offline = await exec(pnpm, ["install", "--frozen-lockfile", "--offline"], {
      cwd: clone,
      env,
      check: false,
    });
    if (offline.code !== 0) {
      // The local store lacks something: let the registry fill in only what is missing.
      await exec(pnpm, ["install", "--frozen-lockfile", "--prefer-offline"], { cwd: clone, env });
    }

    const runsDir = join(clone, ".turbo", "runs");
    /** @param {string} label @returns {Promise<TurboRun>} */
    const turboRun = async (label) => {
      const before = new Set(safeReaddir(runsDir));
      const result = await exec(
        turboBin(clone),
        [
          "run",
          ...TASKS,
          `--cache-dir=${join(work, "turbo-cache")}`,
          "--summarize",
          "--continue=dependencies-successful",
          "--output-logs=errors-only",
          "--ui=stream",
        ],
        { cwd: clone, env, check: false },
      );
      const file = safeReaddir(runsDir).find((f) => !before.has(f));
      if (!file) throw new Error(`${label}: turbo wrote no run summary:\n${result.output}`);
      const tasks = tasksOf(JSON.parse(readFileSync(join(runsDir, file), "utf8")));
      const failed = tasks.filter((t) => t.exitCode !== undefined && t.exitCode !== 0);
      return { label, ms: result.ms, tasks, failed };
    };

    const cold = await turboRun("cold (empty cache)");
    const warm = await turboRun("warm (nothing changed)");
    // Once more: shows whether a warm run that missed settles after one more run (a task that
    // hashes a file another task writes during the same run misses once more, then hits).
    const warmAgain = await turboRun("warm again (nothing changed)");
    const target = editTarget(clone);
    writeFileSync(target, editDescription(readFileSync(target, "utf8")));
    const edited = await turboRun("after a one-line description edit");
    // Nothing changed since the edit's run: every miss here is a wasted rebuild.
    const afterEdit = await turboRun("again after the edit (nothing changed)");
    const runs = [cold, warm, warmAgain, edited, afterEdit];

    const dependents = dependentsOfSpec(clone);
    const misses = missesOf(edited);
    const hits = edited.tasks.filter((t) => t.status === "HIT");
    const strayMisses = misses.filter((t) => !dependents.has(t.taskId.split("#")[0] ?? ""));
    const failures = [...new Set(runs.flatMap((r) => r.failed.map((t) => t.taskId)))];
    const warmRatio = warm.ms / cold.ms;
    const wasted = missesOf(afterEdit);

    const notes = [`measured on a clone of commit ${head.trim()}`];
    if (failures.length > 0) {
      notes.push(
        `failing tasks (never cached, so they re-run every time and distort the figures): ${failures.join(", ")}`,
      );
    }
    if (missesOf(warm).length > 0) notes.push(`warm run cache misses: ${ids(missesOf(warm))}`);
    if (wasted.length > 0) {
      notes.push(`rebuilt AGAIN on the run after the edit, with nothing changed: ${ids(wasted)}`);
    }
    return {
      name: "pipeline",
      title: `Pipeline (turbo run ${TASKS.join(" ")})`,
      rows: [
        ...runs.map((r) => ({
          label: `${r.label}: ${r.tasks.length - missesOf(r).length}/${r.tasks.length} cache hits`,
          value: seconds(r.ms),
          ratio: `${fixed(r.ms / cold.ms, 3)}x cold`,
        })),
        { label: "rebuilt after the edit (cache misses)", value: ids(misses) },
        { label: "kept from cache after the edit (hits)", value: ids(hits) },
      ],
      bars: [
        {
          name: "warm run <= 5% of the cold run",
          pass: warmRatio <= 0.05 && failures.length === 0,
          measured: `${fixed(warmRatio * 100, 1)}%${failures.length > 0 ? " (with failing tasks)" : ""}`,
        },
        {
          name: "a spec description edit rebuilds only what depends on the spec",
          pass: strayMisses.length === 0 && wasted.length === 0 && failures.length === 0,
          measured:
            strayMisses.length > 0
              ? `misses outside the spec's dependents: ${ids(strayMisses)}`
              : wasted.length > 0
                ? `${misses.length} misses, then ${wasted.length} more on the next unchanged run`
                : `${misses.length} misses, all in packages depending on the spec`,
        },
      ],
      notes,
      data: {
        commit: head.trim(),
        tasks: TASKS,
        runs,
        dependentsOfSpec: [...dependents],
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
