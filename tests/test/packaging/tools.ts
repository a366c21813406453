// The packaging tools, run as users run them but without shims: `process.execPath` and the JS
// entry of each tool's `bin`, from the root's devDependencies (publint, attw) or this
// package's (tsc).
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { outputOf } from "../support/child-output.js";
import { readJson, repoRoot } from "../workspace.js";

/** The JS file of a root devDependency's `bin` (read from its manifest: publint exports none). */
function rootBin(pkg: string, bin: string): string {
  const dir = join(repoRoot, "node_modules", pkg);
  const manifest = readJson<{ bin: Record<string, string> }>(join(dir, "package.json"));
  const entry = manifest.bin[bin];
  if (!entry) throw new Error(`${pkg} has no bin "${bin}"`);
  return join(dir, entry);
}

export const PUBLINT = rootBin("publint", "publint");
export const ATTW = rootBin("@arethetypeswrong/cli", "attw");
export const TSC = join(
  dirname(createRequire(import.meta.url).resolve("typescript/package.json")),
  "lib",
  "tsc.js",
);

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a Node script to completion; never throws for a non-zero exit. */
export function node(script: string, args: readonly string[], cwd?: string): Run {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd,
    encoding: "utf8",
    // No colours or fancy output to parse around; attw also reads NO_COLOR.
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One problem attw found, as its JSON output gives it. */
export interface AttwProblem {
  readonly kind: string;
  readonly entrypoint?: string;
  readonly resolutionKind?: string;
}

/** What `attw --format json` says about a package. */
export interface AttwReport {
  readonly status: number | null;
  readonly problems: readonly AttwProblem[];
  /** Entrypoint -> resolution kind (node10, node16-cjs, node16-esm, bundler) -> resolved file or null. */
  readonly resolutions: Record<string, Record<string, string | null>>;
}

type AttwJson = {
  analysis: {
    problems: AttwProblem[];
    entrypoints: Record<
      string,
      { resolutions: Record<string, { resolution?: { fileName: string } | undefined }> }
    >;
  };
};

/** attw's report from its `--format json` run. */
export function attwReport(run: Run): AttwReport {
  let json: AttwJson;
  try {
    json = JSON.parse(run.stdout) as AttwJson;
  } catch {
    throw new Error(`attw printed no JSON (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  }
  const resolutions: AttwReport["resolutions"] = {};
  for (const [entrypoint, { resolutions: kinds }] of Object.entries(json.analysis.entrypoints)) {
    resolutions[entrypoint] = Object.fromEntries(
      Object.entries(kinds).map(([kind, r]) => [kind, r.resolution?.fileName ?? null]),
    );
  }
  return { status: run.status, problems: json.analysis.problems, resolutions };
}

/** `attw <target> --format json` plus `extra` flags (e.g. `--pack` with a folder). */
export function attw(target: string, extra: readonly string[] = []): AttwReport {
  return attwReport(node(ATTW, [target, ...extra, "--format", "json"]));
}

/** `node()` without blocking: the event loop keeps serving while the tool runs. */
export async function nodeAsync(
  script: string,
  args: readonly string[],
  cwd?: string,
): Promise<Run> {
  const child = spawn(process.execPath, [script, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { code, stdout, stderr } = await outputOf(child);
  return { status: code, stdout, stderr };
}
