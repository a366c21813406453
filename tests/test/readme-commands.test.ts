// The commands the READMEs show work as written: each resolves to a project script, a pnpm
// command or a real file, no script of any workspace package is shadowed by a pnpm or npm
// built-in (`pnpm docs` runs `npm docs`, whatever the root's scripts say), and the cheap ones run.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pnpmEntry, rootScriptsProject, runPnpm, withoutNpmSettings } from "./support/pnpm.js";
import { type Manifest, readJson, repoRoot, workspaceDirs } from "./workspace.js";

type WithBin = Manifest & { bin?: Record<string, string> };

const packages = workspaceDirs().map((dir) => ({
  dir,
  manifest: readJson<WithBin>(join(dir, "package.json")),
}));
const pinnedPnpm = readJson<{ packageManager: string }>(join(repoRoot, "package.json"))
  .packageManager.split("+")[0]
  ?.replace(/^pnpm@/, "");

interface Shown {
  /** The README, relative to the repository root. */
  readonly readme: string;
  /** Its folder: commands resolve there or at the repository root. */
  readonly dir: string;
  readonly line: number;
  readonly command: string;
}

const LAUNCHERS = /^(pnpm|npx|npm|node) /;

/**
 * The commands a README shows: each line of its `sh` blocks (split at `&&`, comments dropped),
 * inline code that starts with a launcher (`pnpm mock --port 4011`), and the first column of a
 * table whose header says its entries follow `pnpm` (the Tasks table). Placeholders (`pnpm …`)
 * are prose, not commands.
 */
function commandsShownIn(file: string): Shown[] {
  const readme = relative(repoRoot, file);
  const dir = join(file, "..");
  const shown: Shown[] = [];
  const add = (line: number, command: string) => {
    const trimmed = command.trim().replace(/\s+/g, " ");
    if (trimmed !== "" && !trimmed.includes("…"))
      shown.push({ readme, dir, line, command: trimmed });
  };
  const lines = readFileSync(file, "utf8").split("\n");
  let fence: string | undefined;
  let pnpmTable = false;
  for (const [index, text] of lines.entries()) {
    const line = index + 1;
    const fenceMatch = /^```(\S*)/.exec(text);
    if (fenceMatch) {
      fence = fence === undefined ? fenceMatch[1] : undefined;
      continue;
    }
    if (fence !== undefined) {
      if (["sh", "bash", "shell"].includes(fence)) {
        for (const part of text.replace(/(^|\s)#.*$/, "").split("&&")) add(line, part);
      }
      continue;
    }
    if (text.startsWith("|")) {
      const cells = text.split("|").slice(1, -1);
      if (/`pnpm …`/.test(cells[0] ?? "")) pnpmTable = true;
      else if (pnpmTable && !/^[\s|:-]+$/.test(text)) {
        for (const [, name] of (cells[0] ?? "").matchAll(/`([^`]+)`/g)) add(line, `pnpm ${name}`);
      }
    } else {
      pnpmTable = false;
    }
    for (const [, code] of text.matchAll(/`([^`]+)`/g)) {
      if (code && LAUNCHERS.test(code)) add(line, code);
    }
  }
  return shown;
}

const shown = packages
  .map(({ dir }) => join(dir, "README.md"))
  .filter((file) => existsSync(file))
  .flatMap(commandsShownIn);

/** A folder with a package.json of these scripts, for asking pnpm what a command name does. */
function scratchPackage(scripts: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "readme-commands-")));
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "probe", private: true, scripts }),
  );
  scratch.push(dir);
  return dir;
}
const scratch: string[] = [];
const servers: ChildProcess[] = [];
afterAll(() => {
  for (const server of servers) {
    if (server.pid && server.exitCode === null && server.signalCode === null) {
      process.kill(-server.pid, "SIGKILL");
    }
  }
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** Runs `task` over `items`, `limit` at a time (pnpm starts take a core each). */
async function inBatches<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>) {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += limit) {
    results.push(...(await Promise.all(items.slice(i, i + limit).map(task))));
  }
  return results;
}

/**
 * The names among `names` for which `pnpm <name>` does NOT run the package script of that name.
 * Asked with `--help`, so a built-in only prints its help; a script is an `echo`.
 */
async function shadowed(names: readonly string[]): Promise<string[]> {
  const dir = scratchPackage(Object.fromEntries(names.map((name) => [name, `echo ran-${name}`])));
  const runs = await inBatches(names, 4, async (name) => ({
    name,
    run: await runPnpm([name, "--help"], dir),
  }));
  return runs
    .filter(({ name, run }) => !run.output.includes(`ran-${name} --help`))
    .map((r) => r.name);
}

/** Whether `pnpm <word>` is one of pnpm's own commands (not a script, not passed to npm). */
const pnpmCommands = new Map<string, Promise<boolean>>();
function isPnpmCommand(word: string): Promise<boolean> {
  let known = pnpmCommands.get(word);
  if (!known) {
    const dir = scratchPackage({});
    known = runPnpm([word, "--help"], dir).then(({ output }) => /^Usage: pnpm /m.test(output));
    pnpmCommands.set(word, known);
  }
  return known;
}

/** Why `shown` does not resolve, or undefined when it does. */
async function problemWith({ command, dir }: Shown): Promise<string | undefined> {
  let words = command.split(" ");
  const places = [dir, repoRoot];
  if (words[0] === "npx") {
    words = words.slice(1).filter((word) => word !== "-y" && word !== "--yes");
    const tool = words[0] ?? "";
    if (tool.startsWith("pnpm@")) {
      if (tool !== `pnpm@${pinnedPnpm}`)
        return `runs ${tool}; package.json pins pnpm@${pinnedPnpm}`;
      words = ["pnpm", ...words.slice(1)];
    } else {
      const declared = packages.some(({ dir: pkg, manifest }) => {
        const file = manifest.bin?.[tool];
        return file !== undefined && existsSync(join(pkg, file));
      });
      const installed = places.some((place) =>
        existsSync(join(place, "node_modules", ".bin", tool)),
      );
      return declared || installed ? undefined : `no package here has a bin named ${tool}`;
    }
  }
  if (words[0] === "node") {
    const script = words[1] ?? "";
    if (places.some((place) => existsSync(join(place, script)))) return undefined;
    return `${script} exists neither in ${relative(repoRoot, dir) || "the root"} nor at the root`;
  }
  if (words[0] === "npm" && words[1] === "install") {
    // What a user of the packages runs: each argument a flag, a public package of this
    // workspace (`@community-api/client`, `…@0.2.0`), or the tarballs `pnpm pack` makes.
    const published = packages.filter(({ manifest }) => !manifest.private);
    const unknown = words.slice(2).filter((arg) => {
      if (arg.startsWith("-") || /\*\.tgz$/.test(arg)) return false;
      return !published.some(({ manifest }) => arg.replace(/(.)@[^@/]+$/, "$1") === manifest.name);
    });
    return unknown.length === 0
      ? undefined
      : `npm install ${unknown.join(" ")}: not a public package here`;
  }
  if (words[0] !== "pnpm") return `not a command this test knows how to resolve (${words[0]})`;

  let targets: string[] | undefined;
  let rest = words.slice(1);
  while (rest[0]?.startsWith("-")) {
    const [flag, value] = rest;
    if (flag === "--filter" || flag === "-F") {
      const target = packages.find(({ manifest }) => manifest.name === value);
      if (!target) return `--filter ${value}: no workspace package of that name`;
      targets = [target.dir];
      rest = rest.slice(2);
    } else {
      return `pnpm option ${flag} is not understood by this test; teach it`;
    }
  }
  if (rest[0] === "run") rest = rest.slice(1);
  const name = rest[0];
  if (!name) return "no command after pnpm";
  const scriptsIn = (place: string) =>
    packages.find((pkg) => pkg.dir.replace(/\/$/, "") === place.replace(/\/$/, ""))?.manifest
      .scripts ?? {};
  if ((targets ?? places).some((place) => name in scriptsIn(place))) return undefined;
  // A pnpm command runs in a filtered package too (`pnpm --filter <pkg> pack`), except the ones
  // that only run the package's script of their name.
  const runsScript = ["test", "start", "stop", "restart"].includes(name);
  if ((targets === undefined || !runsScript) && (await isPnpmCommand(name))) return undefined;
  const where = (targets ?? places).map((place) => relative(repoRoot, place) || "the root");
  return `pnpm ${name}: no script "${name}" in ${[...new Set(where)].join(" or ")}, and not a pnpm command`;
}

describe("scripts are not shadowed by pnpm or npm built-ins", () => {
  it("`pnpm <name>` runs the script <name>, for every script of every workspace package", async () => {
    const names = [
      ...new Set(packages.flatMap(({ manifest }) => Object.keys(manifest.scripts ?? {}))),
    ];
    expect(names).toContain("test");
    // `docs` is the control: pnpm hands it to `npm docs`, so the probe must report it.
    expect(await shadowed([...names.filter((name) => name !== "docs"), "docs"])).toEqual(["docs"]);
  });
});

describe("every command the READMEs show", () => {
  it("is found: the quick start, the Tasks table, sh blocks and inline commands", () => {
    const commands = shown.map(({ command }) => command);
    expect(commands).toContain(`npx -y pnpm@${pinnedPnpm} install --frozen-lockfile`);
    expect(commands).toContain(`npx -y pnpm@${pinnedPnpm} test`);
    expect(commands).toContain("pnpm docs:serve"); // the Tasks table
    expect(commands).toContain("pnpm mock --port 4011 --mode static"); // inline, in a table cell
    const readmes = new Set(shown.map(({ readme }) => readme));
    for (const readme of ["README.md", "docs/README.md", "packages/mock/README.md"]) {
      expect(readmes).toContain(readme);
    }
  });

  it("resolves to a project script, a pnpm command, a declared bin or a file", async () => {
    const problems = (
      await inBatches(shown, 4, async (item) => {
        const problem = await problemWith(item);
        return problem && `${item.readme}:${item.line}: \`${item.command}\`: ${problem}`;
      })
    ).filter(Boolean);
    expect(problems).toEqual([]);
  });

  it("the test's resolver rejects what does not exist", async () => {
    const at = { readme: "README.md", dir: repoRoot, line: 0 };
    expect(await problemWith({ ...at, command: "pnpm docs" })).toMatch(/no script "docs"/);
    expect(await problemWith({ ...at, command: "pnpm --filter @community-api/docs nope" })).toMatch(
      /no script "nope"/,
    );
    expect(await problemWith({ ...at, command: "npx -y pnpm@9.0.0 test" })).toMatch(/pins pnpm@/);
    expect(await problemWith({ ...at, command: "node scripts/nope.mjs" })).toMatch(
      /exists neither/,
    );
    expect(await problemWith({ ...at, command: "npx no-such-bin" })).toMatch(/no package/);
    expect(await problemWith({ ...at, command: "pnpm install --frozen-lockfile" })).toBeUndefined();
    expect(await problemWith({ ...at, command: "npm install @community-api/nope" })).toMatch(
      /not a public package/,
    );
    expect(await problemWith({ ...at, command: "npm install @community-api/docs" })).toMatch(
      /not a public package/,
    );
    expect(
      await problemWith({ ...at, command: "npm install --save-dev @community-api/mock@0.2.0" }),
    ).toBeUndefined();
  });
});

/** Fails unless some README shows a command starting with `prefix`. */
function expectShown(prefix: string): void {
  expect(
    shown.some(({ command }) => command === prefix || command.startsWith(`${prefix} `)),
    `no README shows \`${prefix}\` any more: drop or change this check`,
  ).toBe(true);
}

/** Starts `pnpm <args>` in its own process group (a terminal's Ctrl-C signals the group). */
function startPnpm(
  args: readonly string[],
  cwd: string,
): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, [pnpmEntry(), ...args], {
    cwd,
    detached: true,
    env: { ...withoutNpmSettings(), NO_COLOR: "1", FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  servers.push(child);
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  return { child, output: () => output };
}

/** Resolves with the first match of `pattern` in the child's output. */
function waitFor(
  child: ChildProcess,
  output: () => string,
  pattern: RegExp,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern}:\n${output()}`)), 60_000);
    const check = () => {
      const match = pattern.exec(output());
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on("data", check);
    child.stderr?.on("data", check);
    child.on("exit", (code) => reject(new Error(`exited ${code}:\n${output()}`)));
  });
}

/** Ctrl-C: SIGINT to the child's process group; resolves with its exit code and signal. */
function ctrlC(child: ChildProcess): Promise<[number | null, NodeJS.Signals | null]> {
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on("exit", (code, signal) => resolve([code, signal])),
  );
  process.kill(-child.pid!, "SIGINT");
  return exited;
}

describe("the cheap commands run", () => {
  // pnpm forwards a SECOND SIGINT to its child right after the terminal's: the mock's CLI and
  // docs/scripts/serve.mjs take it for the same stop, so Ctrl-C ends both with exit 0 and no
  // `ELIFECYCLE Command failed` (as tests/test/main-job.test.ts checks for `pnpm start`).
  it("`pnpm mock …` builds (turbo, stubbed: already built), serves, and Ctrl-C stops it", async () => {
    expectShown("pnpm mock");
    const project = rootScriptsProject();
    scratch.push(project);
    const { child, output } = startPnpm(["mock", "--port", "0", "--mode", "static"], project);
    const [, url] = await waitFor(child, output, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    expect(output()).toContain(
      "turbo (stub, already built): run build --filter=@community-api/mock",
    );
    const health = (await (await fetch(`${url}/health`)).json()) as { mode: string };
    expect(health.mode).toBe("static");
    const [code, signal] = await ctrlC(child);
    expect(signal, output()).toBeNull(); // pnpm exited on its own, after its child
    expect(code, output()).toBe(0);
    expect(output()).not.toContain("ELIFECYCLE");
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it("`pnpm docs:serve` serves the built site, and Ctrl-C stops it", async () => {
    expectShown("pnpm docs:serve");
    const { child, output } = startPnpm(["docs:serve", "--port", "0"], repoRoot);
    const [, url] = await waitFor(child, output, /docs: serving (http:\/\/\S+)/);
    expect((await fetch(url!)).status).toBe(200);
    const [code] = await ctrlC(child);
    expect(code, output()).toBe(0);
    expect(output()).not.toContain("ELIFECYCLE");
    await expect(fetch(url!)).rejects.toThrow();
  });

  it("`npx community-api-mock` is the mock package's bin and prints its usage", () => {
    expectShown("npx community-api-mock");
    const mock = packages.find(({ manifest }) => manifest.bin?.["community-api-mock"]);
    expect(mock).toBeDefined();
    const bin = join(mock!.dir, mock!.manifest.bin!["community-api-mock"]!);
    const result = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Usage: community-api-mock[\s\S]*--port/);
  });

  it("`pnpm changeset` is the changesets CLI", async () => {
    expectShown("pnpm changeset");
    const { status, output } = await runPnpm(["changeset", "--help"], repoRoot);
    expect(status, output).toBe(0);
    expect(output).toMatch(/changeset/i);
    expect(output).toMatch(/version/);
  });
});
