// pnpm as a user runs it, with no shim in between: `process.execPath` and the JS entry of the
// pnpm this repository pins, so that a signal sent to the child reaches pnpm itself.
import { execFileSync, spawn } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { readJson, repoRoot } from "../workspace.js";

let entry: string | undefined;

/** The pinned pnpm's `bin` file: the pnpm running this test, else the pinned version from npx. */
export function pnpmEntry(): string {
  if (entry) return entry;
  const execPath = process.env.npm_execpath;
  if (execPath && /^pnpm(\.c?js)?$/.test(basename(execPath))) {
    entry = execPath;
  } else {
    const { packageManager } = readJson<{ packageManager: string }>(join(repoRoot, "package.json"));
    const pinned = packageManager.split("+")[0] ?? "pnpm";
    const shim = execFileSync("npx", ["-y", "-p", pinned, "-c", "command -v pnpm"], {
      encoding: "utf8",
      env: withoutNpmSettings(),
    });
    entry = realpathSync(shim.trim());
  }
  return entry;
}

/** This process's environment without the npm_* settings pnpm exports to scripts (they steer pnpm and npm). */
export function withoutNpmSettings(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith("npm_")) env[key] = value;
  }
  return env;
}

export interface PnpmRun {
  readonly status: number | null;
  readonly output: string;
}

/** Runs a command in `cwd` to completion (stdout and stderr together); never rejects on a non-zero exit. */
export function runToEnd(
  file: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<PnpmRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}

/** Runs `pnpm <args>` in `cwd` to completion (stdout and stderr together); never rejects on a non-zero exit. */
export function runPnpm(args: readonly string[], cwd: string): Promise<PnpmRun> {
  return runToEnd(process.execPath, [pnpmEntry(), ...args], cwd, {
    ...withoutNpmSettings(),
    NO_COLOR: "1",
    FORCE_COLOR: "0",
  });
}

/**
 * A scratch copy of the repository root for running its scripts verbatim through pnpm once
 * turbo has built everything: its package.json has the root's scripts, every other top-level
 * entry links to the repository, and `node_modules/.bin/turbo` is a stub that prints its
 * arguments and exits 0. (A real `turbo run build` nested in turbo's own test task would restore
 * `dist/` folders while other packages' tests read them.) The caller removes the folder.
 */
export function rootScriptsProject(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "root-scripts-")));
  const { scripts } = readJson<{ scripts: Record<string, string> }>(join(repoRoot, "package.json"));
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "root-scripts", private: true, type: "module", scripts }),
  );
  for (const name of readdirSync(repoRoot)) {
    // Not the workspace files: the scratch root is one package, not a second workspace.
    if (/^(package\.json|pnpm-.*|node_modules|\.git)$/.test(name)) continue;
    symlinkSync(join(repoRoot, name), join(dir, name));
  }
  mkdirSync(join(dir, "node_modules", ".bin"), { recursive: true });
  const turbo = join(dir, "node_modules", ".bin", "turbo");
  writeFileSync(turbo, '#!/bin/sh\necho "turbo (stub, already built): $*"\n');
  chmodSync(turbo, 0o755);
  return dir;
}
