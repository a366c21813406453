// The release rehearsal's parts: a real registry (Verdaccio, as a child process), a clean copy
// of the repository that runs `pnpm release` against it, and scratch consumers that install from
// it with npm or pnpm. Every command runs as a user runs it, on the Node running this test.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join, relative } from "node:path";
import { type PnpmRun, pnpmEntry, runToEnd, withoutNpmSettings } from "../support/pnpm.js";
import { type Manifest, readJson, repoRoot, workspaceDirs } from "../workspace.js";

/** A public workspace package: its folder and the manifest fields publishing reads. */
export interface PublicPackage {
  readonly dir: string;
  readonly name: string;
  readonly version: string;
  readonly files: readonly string[];
}

/** Every workspace package without `"private": true`: what `pnpm release` must publish. */
export function publicPackages(root = repoRoot): PublicPackage[] {
  return (
    workspaceDirs()
      .map((dir) => join(root, relative(repoRoot, dir)))
      // In a copy: only what it holds (a package not yet committed is not part of a release).
      .filter((dir) => existsSync(join(dir, "package.json")))
      .map((dir) => ({
        dir,
        manifest: readJson<Manifest & { version: string; files?: string[] }>(
          join(dir, "package.json"),
        ),
      }))
      .filter(({ manifest }) => !manifest.private)
      .map(({ dir, manifest }) => ({
        dir,
        name: manifest.name,
        version: manifest.version,
        files: manifest.files ?? [],
      }))
  );
}

export type Run = PnpmRun;

/**
 * An environment for commands the rehearsal runs: without the npm_* settings of the pnpm that
 * runs this test, this Node first on PATH (npm, npx and pnpm scripts find it), plus `extra`.
 */
export function commandEnv(
  extra: NodeJS.ProcessEnv = {},
  binDirs: string[] = [],
): NodeJS.ProcessEnv {
  const env = withoutNpmSettings();
  env.PATH = [...binDirs, dirname(process.execPath), env.PATH ?? ""].join(delimiter);
  return { ...env, NO_COLOR: "1", FORCE_COLOR: "0", ...extra };
}

/** Runs a command to completion (stdout and stderr together); never rejects on a non-zero exit. */
export function runCommand(
  file: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = commandEnv(),
): Promise<Run> {
  return runToEnd(file, args, cwd, env);
}

/** Throws with the command's output unless it exited 0. */
export function expectSuccess(what: string, run: Run): Run {
  if (run.status !== 0) throw new Error(`${what} exited ${run.status}:\n${run.output}`);
  return run;
}

/**
 * A folder whose `pnpm` runs the pinned pnpm on this Node: changesets spawns `pnpm publish`
 * from PATH.
 */
export function pnpmShim(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const shim = join(dir, "pnpm");
  writeFileSync(
    shim,
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(pnpmEntry())} "$@"\n`,
  );
  chmodSync(shim, 0o755);
  return dir;
}

/** A running Verdaccio. */
export interface Registry {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts Verdaccio (registry-server.mjs) with its packages kept in `storage`. */
export async function startRegistry(storage: string): Promise<Registry> {
  mkdirSync(storage, { recursive: true });
  const script = join(import.meta.dirname, "registry-server.mjs");
  // ipc: the server exits when this process goes away (its "disconnect").
  const child: ChildProcess = spawn(process.execPath, [script, storage], {
    cwd: dirname(createRequire(import.meta.url).resolve("verdaccio/package.json")),
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Verdaccio did not start:\n${output}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Verdaccio exited (${code}):\n${output}`));
    });
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * A clean copy of the repository in `dest`, as a fresh clone has it (the tracked files, as
 * committed git history would give them, from the working tree) plus the `dist/` of each public
 * package, built by turbo before this test. It is a git repository (changesets tags each
 * release). Its dependencies are the repository's own install, linked rather than installed
 * again (an install's thousands of files were the slowest part of the rehearsal): the root's
 * `node_modules` entries, and each public package's `node_modules` with its workspace links
 * (`pnpm publish` reads there the versions that replace `workspace:*`). Its `turbo` prints its
 * arguments instead of building again: a nested `turbo run build` would cost minutes and is
 * tested by every other task. Nothing in the copy writes to what it links.
 */
export function cleanCopy(dest: string): void {
  const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: repoRoot, encoding: "utf8" })
    .split("\0")
    .filter((file) => file !== "" && existsSync(join(repoRoot, file)));
  for (const file of tracked) {
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(dest, file));
  }
  const git = (...args: string[]) =>
    execFileSync(
      "git",
      ["-c", "user.name=rehearsal", "-c", "user.email=rehearsal@localhost", ...args],
      { cwd: dest, stdio: "ignore" },
    );
  git("init", "--quiet");
  git("add", "--all");
  git("commit", "--quiet", "--no-verify", "-m", "release rehearsal");

  for (const { dir: copied } of publicPackages(dest)) {
    const dir = join(repoRoot, relative(dest, copied));
    if (!existsSync(join(dir, "dist"))) {
      throw new Error(
        `${relative(repoRoot, dir)} has no dist/: build it first (turbo builds every devDependency of this package before its tests)`,
      );
    }
    cpSync(join(dir, "dist"), join(copied, "dist"), { recursive: true });
    symlinkSync(join(dir, "node_modules"), join(copied, "node_modules"));
  }
  const modules = join(repoRoot, "node_modules");
  mkdirSync(join(dest, "node_modules", ".bin"), { recursive: true });
  for (const entry of readdirSync(modules)) {
    if (entry !== ".bin") symlinkSync(join(modules, entry), join(dest, "node_modules", entry));
  }
  // pnpm's bin shims find their package relative to themselves: copies, not links.
  cpSync(join(modules, ".bin"), join(dest, "node_modules", ".bin"), { recursive: true });
  writeFileSync(
    join(dest, "node_modules", ".bin", "turbo"),
    '#!/bin/sh\necho "turbo (stub, already built): $*"\n',
  );
}

/**
 * `pnpm release` in `copy`, with npm configured for `registry` (a user config holding it and
 * a token for it, as `npm login` would leave).
 */
export function release(copy: string, registry: string, work: string): Promise<Run> {
  const userconfig = join(work, "publisher.npmrc");
  const host = registry.replace(/^https?:/, "");
  writeFileSync(userconfig, `registry=${registry}\n${host}:_authToken=rehearsal\n`);
  return runCommand(
    process.execPath,
    [pnpmEntry(), "release"],
    copy,
    commandEnv({ npm_config_userconfig: userconfig }, [pnpmShim(join(work, "bin"))]),
  );
}

/** The files a package's `files` field selects (folders expanded), plus what npm always packs. */
export function filesOf(pkg: PublicPackage): string[] {
  const selected = new Set(["package.json"]);
  const walk = (path: string) => {
    if (statSync(join(pkg.dir, path)).isDirectory()) {
      for (const entry of readdirSync(join(pkg.dir, path))) walk(`${path}/${entry}`);
    } else {
      selected.add(path);
    }
  };
  for (const entry of pkg.files) if (existsSync(join(pkg.dir, entry))) walk(entry);
  for (const always of readdirSync(pkg.dir)) {
    if (/^(README|LICEN[CS]E)(\..*)?$/i.test(always)) selected.add(always);
  }
  return [...selected].sort();
}

/** A scratch consumer project in `dir`: the @community-api scope from `registry`, the rest from the default registry. */
export function consumerProject(dir: string, registry: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }),
  );
  writeFileSync(join(dir, ".npmrc"), `@community-api:registry=${registry}\n`);
  return dir;
}

/** Installs `names` (latest from the registry) into a consumer with npm or pnpm. */
export function install(
  manager: "npm" | "pnpm",
  dir: string,
  names: readonly string[],
): Promise<Run> {
  // --ignore-scripts: the packages need none, and no dependency's analytics script should run.
  return manager === "npm"
    ? runCommand(
        "npm",
        [
          "install",
          "--no-audit",
          "--no-fund",
          "--prefer-offline",
          "--ignore-scripts",
          "--loglevel=error",
          "--fetch-retries=4",
          ...names,
        ],
        dir,
      )
    : runCommand(
        process.execPath,
        [
          pnpmEntry(),
          "add",
          "--ignore-scripts",
          "--prefer-offline",
          "--reporter=append-only",
          ...names,
        ],
        dir,
      );
}
