// The release, rehearsed against a real registry: Verdaccio on loopback with empty storage and no
// uplinks; `pnpm release` (what the release workflow and a maintainer run) from a clean copy of
// the repository publishes every public package, then publishes nothing on a second run. Each
// tarball, as the registry serves it, holds exactly what its `files` selects and passes publint
// --strict and attw (linted while the consumers install). Scratch consumers outside the
// workspace, with a scoped .npmrc (the scope from Verdaccio, the rest from the default
// registry), install every public package with npm and with pnpm, start the mock with
// `npx community-api-mock`, run the README's client snippet against it and
// `npx community-api-verify` (exit 0). The npm consumer also runs an ES module, a CommonJS
// script and tsc under node16 and bundler resolution, and the errors of wrong calls.
// Everything runs on the Node running this test: CI runs it once per maintained line.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { transformSync } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lowestReleases, satisfies } from "../support/node-range.js";
import { readJson, repoRoot } from "../workspace.js";
import {
  cleanCopy,
  commandEnv,
  consumerProject,
  expectSuccess,
  filesOf,
  install,
  type PublicPackage,
  publicPackages,
  type Registry,
  type Run,
  release,
  runCommand,
  startRegistry,
} from "./rehearsal.js";
import {
  ATTW,
  type AttwReport,
  attwReport,
  node,
  nodeAsync,
  PUBLINT,
  type Run as ToolRun,
  TSC,
} from "./tools.js";

type Manager = "npm" | "pnpm";
const MANAGERS: readonly Manager[] = ["npm", "pnpm"];
const TOKEN = "course-1-manager";

const fixtures = join(import.meta.dirname, "consumer");
const work = realpathSync(mkdtempSync(join(tmpdir(), "release-rehearsal-")));
const copy = join(work, "repository");
const consumers: Record<Manager, string> = {
  npm: join(work, "npm-consumer"),
  pnpm: join(work, "pnpm-consumer"),
};
const project = consumers.npm;
const installed = (name: string, manager: Manager = "npm") =>
  join(consumers[manager], "node_modules", name);
const fingerprint = readJson<{ version: string; sha256: string }>(
  join(repoRoot, "spec", "dist", "fingerprint.json"),
);

let registry: Registry | undefined;
let packages: PublicPackage[] = [];
let firstRelease: Run;
let secondRelease: Run;
/** `git tag --list` in the copy after the first release. */
let tags = "";
/** Each public package's files as its `files` field selects them in the copy. */
const selected = new Map<string, string[]>();
/** Each published tarball, as downloaded from the registry: its file and its entries. */
const published = new Map<string, { file: string; entries: string[] }>();
/** What publint --strict and attw said about each published tarball. */
const linted = new Map<string, { publint: ToolRun; attw: AttwReport }>();
/** The public packages of the repository, known before the copy exists (for describe.each). */
const PUBLIC = publicPackages();
const mocks: Partial<Record<Manager, { url: string; child: ChildProcess }>> = {};

/** `npx community-api-mock` in a consumer, in its own process group; resolves with its URL. */
async function startNpxMock(manager: Manager): Promise<void> {
  const child = spawn("npx", ["--no-install", "community-api-mock", "--port", "0", "--quiet"], {
    cwd: consumers[manager],
    detached: true,
    env: commandEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`npx community-api-mock exited (${code}):\n${output}`)),
    );
  });
  mocks[manager] = { url, child };
}

async function stopNpxMock(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM"); // npx, its shell and the mock with its Prism child
  await exited;
}

/** Downloads a package's published tarball from the registry and lists its entries. */
async function download(pkg: PublicPackage): Promise<{ file: string; entries: string[] }> {
  const response = await fetch(`${registry?.url}${pkg.name.replace("/", "%2f")}`);
  const { versions } = (await response.json()) as {
    versions: Record<string, { dist: { tarball: string } }>;
  };
  const url = versions[pkg.version]?.dist.tarball ?? "";
  const file = join(work, `${pkg.name.slice(1).replace("/", "-")}-${pkg.version}.tgz`);
  writeFileSync(file, Buffer.from(await (await fetch(url)).arrayBuffer()));
  const entries = execFileSync("tar", ["-tzf", file], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((entry) => entry.replace(/^package\//, ""))
    .sort();
  return { file, entries };
}

/** publint --strict and attw on each published tarball, one tool at a time. */
async function lint(): Promise<void> {
  for (const [name, { file }] of published) {
    const publint = await nodeAsync(PUBLINT, ["run", file, "--strict"]);
    const attw = attwReport(await nodeAsync(ATTW, [file, "--format", "json"]));
    linted.set(name, { publint, attw });
  }
}

const mockUrl = (manager: Manager) => {
  const url = mocks[manager]?.url;
  if (!url) throw new Error(`no mock running in the ${manager} consumer`);
  return url;
};

beforeAll(async () => {
  registry = await startRegistry(join(work, "storage"));
  cleanCopy(copy);
  packages = publicPackages(copy);
  firstRelease = expectSuccess("pnpm release", await release(copy, registry.url, work));
  tags = execFileSync("git", ["tag", "--list"], { cwd: copy, encoding: "utf8" });
  for (const pkg of packages) selected.set(pkg.name, filesOf(pkg));
  const names = packages.map((p) => p.name);
  for (const pkg of packages) published.set(pkg.name, await download(pkg));
  // The second release, both installs and the linters share the wait for the network.
  const [again, npmInstall, pnpmInstall] = await Promise.all([
    // The copy goes once released twice: deleting its many files overlaps the installs.
    release(copy, registry.url, work).then(async (run) => {
      await rm(copy, { recursive: true, force: true });
      return run;
    }),
    install("npm", consumerProject(consumers.npm, registry.url), names),
    install("pnpm", consumerProject(consumers.pnpm, registry.url), names),
    lint(),
  ]);
  secondRelease = again;
  expectSuccess("npm install", npmInstall);
  expectSuccess("pnpm add", pnpmInstall);
  cpSync(fixtures, project, { recursive: true });
  await Promise.all(MANAGERS.map(startNpxMock));
  // Generous: on a machine with an empty cache, the mock's Prism tree is downloaded twice here.
}, 420_000);

afterAll(async () => {
  await Promise.all(Object.values(mocks).map(({ child }) => stopNpxMock(child)));
  await registry?.stop();
  await rm(work, { recursive: true, force: true });
});

/** What the registry holds for a package (its packument). */
async function packument(name: string): Promise<{
  "dist-tags": Record<string, string>;
  versions: Record<string, Record<string, unknown> & { dist: { tarball: string } }>;
}> {
  const response = await fetch(`${registry?.url}${name.replace("/", "%2f")}`);
  expect(response.status, name).toBe(200);
  return (await response.json()) as Awaited<ReturnType<typeof packument>>;
}

describe("pnpm release, against a registry that has none of the packages", () => {
  it("publishes every public workspace package at its version and tags each release", () => {
    expect(packages.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        "@community-api/types",
        "@community-api/client",
        "@community-api/mock",
        "@community-api/verify",
      ]),
    );
    for (const { name, version } of packages) {
      expect(firstRelease.output).toContain(`Publishing "${name}" at "${version}"`);
    }
    expect(tags.trim().split("\n").sort()).toEqual(
      packages.map(({ name, version }) => `${name}@${version}`).sort(),
    );
  });

  it("has every public package built first: each is a devDependency of this test package", () => {
    const { devDependencies = {} } = readJson<{ devDependencies?: Record<string, string> }>(
      join(repoRoot, "tests", "package.json"),
    );
    for (const { name } of packages) expect(devDependencies[name], name).toBe("workspace:*");
  });

  it("publishes nothing the second time: every version is in the registry", () => {
    expect(secondRelease.status, secondRelease.output).toBe(0);
    expect(secondRelease.output).toContain("No unpublished projects to publish");
    for (const { name, version } of packages) {
      expect(secondRelease.output).toContain(
        `${name} is not being published because version ${version} is already published`,
      );
    }
  });

  it("published real versions: no workspace: range, each internal dependency at its version", async () => {
    const versions = new Map(packages.map((p) => [p.name, p.version]));
    for (const { name, version } of packages) {
      const published = await packument(name);
      expect(published["dist-tags"].latest, name).toBe(version);
      expect(JSON.stringify(published), name).not.toContain("workspace:");
      const manifest: Record<string, unknown> = published.versions[version] ?? {};
      for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
        for (const [dep, range] of Object.entries(
          (manifest[field] ?? {}) as Record<string, string>,
        )) {
          const published = versions.get(dep);
          if (!published) continue;
          // `workspace:*` becomes the exact version; a peer range must admit it.
          if (field === "peerDependencies") {
            expect(satisfies(published, range), `${name} ${field}.${dep}: ${range}`).toBe(true);
          } else {
            expect(range, `${name} ${field}.${dep}`).toBe(published);
          }
        }
      }
    }
  });

  it("each tarball holds exactly what `files` selects: dist/, the manifest, README, LICENSE, CHANGELOG and a CLI's bin", () => {
    for (const pkg of packages) {
      const { entries } = published.get(pkg.name) ?? { entries: [] };
      expect(entries, pkg.name).toEqual(selected.get(pkg.name));
      const bins = Object.values(
        readJson<{ bin?: Record<string, string> }>(
          join(repoRoot, relative(copy, pkg.dir), "package.json"),
        ).bin ?? {},
      );
      expect(
        entries.filter((entry) => !entry.startsWith("dist/")),
        pkg.name,
      ).toEqual(
        [
          "CHANGELOG.md",
          "LICENSE",
          "README.md",
          "package.json",
          ...bins.map((bin) => bin.replace(/^\.\//, "")),
        ].sort(),
      );
      expect(
        entries.some((entry) => entry.startsWith("dist/")),
        pkg.name,
      ).toBe(true);
    }
  });
});

/** Resolution modes attw checks: TypeScript's node10, node16 from CJS and ESM, bundler. */
const MODES = ["bundler", "node10", "node16-cjs", "node16-esm"];

describe.each(PUBLIC.map((p) => p.name))("%s, as published", (name) => {
  const result = () => {
    const found = linted.get(name);
    if (!found) throw new Error(`${name} was not published or not linted`);
    return found;
  };

  it("passes publint --strict with nothing to report", () => {
    const { publint } = result();
    expect(publint.stdout + publint.stderr).toMatch(/All good!/);
    expect(publint.status, publint.stdout + publint.stderr).toBe(0);
  });

  it("passes attw: no problem, every entry point of its exports typed in every resolution mode", () => {
    const report = result().attw;
    expect(report.problems).toEqual([]);
    expect(report.status).toBe(0);
    const { exports } = readJson<{ exports: Record<string, unknown> }>(
      join(PUBLIC.find((p) => p.name === name)?.dir ?? "", "package.json"),
    );
    expect(Object.keys(report.resolutions).sort()).toEqual(Object.keys(exports).sort());
    for (const [entrypoint, modes] of Object.entries(report.resolutions)) {
      expect(Object.keys(modes).sort(), entrypoint).toEqual(MODES);
      for (const [mode, file] of Object.entries(modes)) {
        expect(file, `${entrypoint} under ${mode}`).toMatch(/\.d\.c?ts$|\.json$/);
      }
    }
  });
});

/** Every installed @stoplight/prism-* package of a consumer: name, version, engines. */
function installedPrism(
  manager: Manager,
): { name: string; version: string; engines?: { node?: string } }[] {
  const dir = consumers[manager];
  const manifests =
    manager === "npm"
      ? Object.keys(
          readJson<{ packages: Record<string, unknown> }>(join(dir, "package-lock.json")).packages,
        )
          .filter((path) => /(^|\/)node_modules\/@stoplight\/prism-[^/]+$/.test(path))
          .map((path) => join(dir, path, "package.json"))
      : readdirSync(join(dir, "node_modules", ".pnpm"))
          .filter((id) => id.startsWith("@stoplight+prism-"))
          .map((id) => {
            const name = id.slice(0, id.lastIndexOf("@")).replace("+", "/");
            return join(dir, "node_modules", ".pnpm", id, "node_modules", name, "package.json");
          });
  return manifests.map((file) => readJson(file));
}

describe.each(MANAGERS)("a consumer installing from the registry with %s", (manager) => {
  it("gets every public package at its published version, as real copies", () => {
    for (const { name, version } of packages) {
      const dir = installed(name, manager);
      expect(readJson<{ version: string }>(join(dir, "package.json")).version, name).toBe(version);
      // npm copies; pnpm links into its virtual store inside the consumer, never the workspace.
      expect(realpathSync(dir).startsWith(consumers[manager]), name).toBe(true);
    }
    if (manager === "npm") {
      expect(lstatSync(installed("@community-api/client")).isSymbolicLink()).toBe(false);
      const lock = readJson<{ packages: Record<string, { resolved?: string }> }>(
        join(project, "package-lock.json"),
      );
      for (const [path, { resolved }] of Object.entries(lock.packages)) {
        if (!resolved) continue;
        // The scope from Verdaccio, everything else from the default registry.
        expect(resolved.startsWith(registry?.url ?? "?"), path).toBe(
          path.startsWith("node_modules/@community-api/"),
        );
      }
    }
  });

  it("gets a Prism whose every part admits every Node line the mock admits", () => {
    // npm picks, within the mock's ranges, versions whose engines admit the Node running it;
    // pnpm picks the newest. The mock's own pins must make both pick what runs on the oldest
    // release of each line (a pnpm consumer on 22 or 24.0 is not a line CI runs).
    const prism = installedPrism(manager);
    const versions = new Map<string, Set<string>>();
    for (const { name, version } of prism) {
      versions.set(name, (versions.get(name) ?? new Set()).add(version));
    }
    const report = [...versions]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, found]) => `${name.replace("@stoplight/", "")} ${[...found].sort().join(" + ")}`)
      .join(", ");
    // .ci/run quotes the npm line in its summary.
    console.log(`${manager} resolved Prism on Node ${process.version}: ${report}`);

    const mock = readJson<{ dependencies: Record<string, string>; engines: { node: string } }>(
      join(repoRoot, "packages", "mock", "package.json"),
    );
    expect([...(versions.get("@stoplight/prism-cli") ?? [])]).toEqual([
      mock.dependencies["@stoplight/prism-cli"],
    ]);
    const lines = lowestReleases(mock.engines.node);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const { name, version, engines } of prism) {
      const range = engines?.node ?? ">=0";
      for (const release of [...lines, process.versions.node]) {
        expect(satisfies(release, range), `${name}@${version} (${range}) on Node ${release}`).toBe(
          true,
        );
      }
    }
  });

  it("`npx community-api-mock` serves the spec the package ships, without the workspace", async () => {
    const health = (await (await fetch(`${mockUrl(manager)}/health`)).json()) as Record<
      string,
      unknown
    >;
    expect(health).toMatchObject({
      status: "ok",
      mode: "realistic",
      specVersion: fingerprint.version,
      specSha256: fingerprint.sha256,
    });
    // Standalone: the spec package is not installed, so the mock read its own copy.
    expect(existsSync(installed("@community-api/spec/package.json", manager))).toBe(false);
  });

  it("runs the README's client snippet against that mock", async () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("\n## Use it"));
    const snippet = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(snippet, "README.md has a ```ts block under ## Use it").toBeTruthy();
    const file = join(consumers[manager], "readme-snippet.mjs");
    writeFileSync(file, transformSync(snippet ?? "", { loader: "ts", format: "esm" }).code);
    const run = await runCommand(
      process.execPath,
      [file],
      consumers[manager],
      commandEnv({ COMMUNITY_API_URL: mockUrl(manager), COMMUNITY_API_TOKEN: TOKEN }),
    );
    expect(run.status, run.output).toBe(0);
    const [first = "", ...usernames] = run.output.trim().split("\n");
    // `page.count, page.results[0]?.user_completion_rate`, then every invited user's name.
    expect(first).toMatch(/^\d+ \d+(\.\d+)?$/);
    expect(Number(first.split(" ")[0])).toBeGreaterThan(5);
    expect(usernames.length).toBeGreaterThan(7); // more than one page
    expect(new Set(usernames).size).toBe(usernames.length);
  });

  it("`npx community-api-verify` finds nothing to report against that mock (exit 0)", async () => {
    const run = await runCommand(
      "npx",
      [
        "--no-install",
        "community-api-verify",
        "--base-url",
        mockUrl(manager),
        "--course",
        "1",
        "--json",
      ],
      consumers[manager],
      commandEnv({ COMMUNITY_API_TOKEN: TOKEN }),
    );
    expect(run.status, run.output).toBe(0);
    expect(JSON.parse(run.output.slice(run.output.indexOf("{")))).toMatchObject({
      exitCode: 0,
      findings: [],
      spec: { sha256: fingerprint.sha256 },
    });
    expect(run.output).not.toContain(TOKEN);
  });
});

describe("the npm consumer's code", () => {
  it("an ES module imports the ESM build and calls the mock", async () => {
    const run = await runCommand(
      process.execPath,
      ["esm.mjs"],
      project,
      commandEnv({ COMMUNITY_API_URL: mockUrl("npm") }),
    );
    expect(run.status, run.output).toBe(0);
    const seen = JSON.parse(run.output);
    expect(seen.resolved).toBe(`file://${installed("@community-api/client")}/dist/index.js`);
    expect(seen.count).toBeGreaterThan(5);
    expect(seen.results).toBe(5);
    expect(["joined", "manager"]).toEqual(expect.arrayContaining(seen.statuses));
    expect(seen.invitedCount).toBeGreaterThan(7); // more than one page of 7
    expect(seen.invited).toBe(seen.invitedCount);
    expect(seen.uniqueInvited).toBe(seen.invitedCount);
    expect(seen.missing).toBe(404);
    expect(seen.specSha256).toBe(fingerprint.sha256);
    expect(seen.queryResolved).toBe(`file://${installed("@community-api/query")}/dist/index.js`);
    expect(seen.queryItems).toBe(14); // two pages of 7 through the query package's infinite options
  });

  it("a CommonJS script requires the CommonJS builds and calls the mock and its in-process kit", async () => {
    const url = mockUrl("npm");
    const run = await runCommand(
      process.execPath,
      ["cjs.cjs"],
      project,
      commandEnv({ COMMUNITY_API_URL: url }),
    );
    expect(run.status, run.output).toBe(0);
    const seen = JSON.parse(run.output);
    expect(seen.resolved).toBe(join(installed("@community-api/client"), "dist", "index.cjs"));
    expect(seen.refused).toBe(403);
    expect(seen.eventResults).toBe(2);
    expect(seen.eventNext).toBe(`${url}/api/v2/event/1/invite/?limit=2&offset=2`);
    expect(seen.httpIds).toHaveLength(4);
    expect(seen.kitIds).toEqual(seen.httpIds); // same seed, same data
    expect(seen.kitNext).toMatch(/^https:\/\/community\.example\.com\/api\/v2\/course\/1\/users\//);
    expect(seen.startMock).toBe("function");
    expect(seen.specSha256).toBe(fingerprint.sha256);
  });
});

/** A consumer's tsconfig: strict, DOM + ES2022, no @types; declaration files checked unless `skipLibCheck`. */
function tsconfig(
  name: string,
  resolution: "node16" | "bundler",
  files: string[],
  skipLibCheck = false,
): string {
  const file = join(project, `tsconfig.${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      compilerOptions: {
        module: resolution === "node16" ? "node16" : "esnext",
        moduleResolution: resolution,
        target: "ES2022",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        strict: true,
        noEmit: true,
        types: [],
        skipLibCheck,
      },
      files,
    }),
  );
  return file;
}

/** Errors tsc reported, as "file(line): TScode message". */
function tscErrors(output: string): { file: string; line: number; code: string; text: string }[] {
  return [...output.matchAll(/^(\S+)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map((m) => ({
    file: m[1] ?? "",
    line: Number(m[2]),
    code: m[3] ?? "",
    text: m[4] ?? "",
  }));
}

describe("TypeScript consumers (npm)", () => {
  it.each([
    ["node16", ["consumer.ts", "consumer.cts"]],
    ["bundler", ["consumer.ts"]],
  ] as const)(
    "type-check under moduleResolution %s against the published declarations",
    (resolution, files) => {
      const config = tsconfig(resolution, resolution, [...files]);
      const result = node(TSC, ["-p", config, "--listFiles", "--pretty", "false"], project);
      expect(result.status, result.stdout + result.stderr).toBe(0);
      const dist = (name: string, file: string) => join(installed(name), "dist", file);
      expect(result.stdout).toContain(dist("@community-api/client", "index.d.ts"));
      expect(result.stdout).toContain(dist("@community-api/mock", "kit.d.ts"));
      expect(result.stdout).toContain(dist("@community-api/types", "index.d.ts"));
      if (resolution === "node16") {
        expect(result.stdout).toContain(dist("@community-api/client", "index.d.cts"));
        expect(result.stdout).toContain(dist("@community-api/mock", "kit.d.cts"));
      }
    },
  );

  it("reports each wrong call with its error code and message, and nothing else", () => {
    // The markers are removed, so each line after one must now be a plain error.
    const lines = readFileSync(join(fixtures, "wrong.ts"), "utf8").split("\n");
    const kept: string[] = [];
    const expected: { line: number; code: string; text: string }[] = [];
    for (const line of lines) {
      const marker = /^\s*\/\/ @ts-expect-error (TS\d+) `([^`]+)`/.exec(line);
      if (marker) {
        expected.push({ line: kept.length + 1, code: marker[1] ?? "", text: marker[2] ?? "" });
      } else {
        kept.push(line);
      }
    }
    expect(expected.length).toBeGreaterThanOrEqual(5);
    writeFileSync(join(project, "wrong.ts"), kept.join("\n"));

    for (const resolution of ["node16", "bundler"] as const) {
      // The declaration files were checked above; only the consumer's errors matter here.
      const config = tsconfig(`wrong-${resolution}`, resolution, ["wrong.ts"], true);
      const result = node(TSC, ["-p", config, "--pretty", "false"], project);
      expect(result.status, resolution).not.toBe(0);
      const errors = tscErrors(result.stdout);
      expect(
        errors.map(({ file, line, code }) => ({ file, line, code })),
        resolution,
      ).toEqual(expected.map(({ line, code }) => ({ file: "wrong.ts", line, code })));
      for (const [i, error] of errors.entries()) {
        expect(error.text, `${resolution}, line ${error.line}`).toContain(expected[i]?.text);
      }
    }
  });
});
