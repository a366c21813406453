// The packages as a user gets them: the tarballs `pnpm pack` makes (workspace:* already turned
// into versions), installed with npm into a fresh project outside the workspace, so nothing
// resolves to a workspace link. The mock runs from its tarball alone (with the spec it ships),
// an ES module and a CommonJS script call it through the installed client, and tsc checks a
// consumer's TypeScript under node16 and bundler resolution, and the errors of wrong calls.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { satisfies } from "../support/node-range.js";
import { readJson, repoRoot } from "../workspace.js";
import { packAll } from "./pack.js";
import { node, TSC } from "./tools.js";

const run = promisify(execFile);
const fixtures = join(import.meta.dirname, "consumer");
const work = realpathSync(mkdtempSync(join(tmpdir(), "packaging-consumer-")));
const project = join(work, "project");
const installed = (name: string) => join(project, "node_modules", name);
const fingerprint = readJson<{ version: string; sha256: string }>(
  join(repoRoot, "spec", "dist", "fingerprint.json"),
);

/** npm without the npm_* settings pnpm exports to the scripts it runs (they would steer npm). */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith("npm_")) env[key] = value;
  }
  return env;
}

let mock: ChildProcess | undefined;
let mockUrl = "";

/** Starts the installed CLI (its `bin`, run by this Node) and waits for its URL. */
async function startInstalledMock(): Promise<void> {
  const manifest = readJson<{ bin: Record<string, string> }>(
    join(installed("@community-api/mock"), "package.json"),
  );
  const cli = join(installed("@community-api/mock"), manifest.bin["community-api-mock"] ?? "");
  const child = spawn(process.execPath, [cli, "--port", "0", "--quiet"], {
    cwd: project,
    stdio: ["ignore", "pipe", "pipe"],
  });
  mock = child;
  let output = "";
  mockUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`the installed mock exited (${code}):\n${output}`)),
    );
  });
}

async function stopInstalledMock(): Promise<void> {
  const child = mock;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

beforeAll(async () => {
  const tarballs = await packAll(work);
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }),
  );
  // --ignore-scripts: the tarballs need none, and no dependency's analytics script should run.
  await run(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      "--ignore-scripts",
      "--loglevel=error",
      "--fetch-retries=4",
      tarballs["@community-api/types"].file,
      tarballs["@community-api/client"].file,
      tarballs["@community-api/mock"].file,
      tarballs["@community-api/verify"].file,
    ],
    { cwd: project, env: npmEnv(), encoding: "utf8" },
  );
  cpSync(fixtures, project, { recursive: true });
  await startInstalledMock();
  // Generous: on a machine with an empty npm cache, the mock's Prism tree is downloaded here.
}, 420_000);

afterAll(async () => {
  await stopInstalledMock();
  rmSync(work, { recursive: true, force: true });
});

describe("installed from the tarballs", () => {
  it("are real copies with real versions, not workspace links", () => {
    for (const name of [
      "@community-api/types",
      "@community-api/client",
      "@community-api/mock",
      "@community-api/verify",
    ]) {
      expect(lstatSync(installed(name)).isSymbolicLink(), name).toBe(false);
    }
    const types = readJson<{ version: string }>(
      join(installed("@community-api/types"), "package.json"),
    );
    const client = readJson<{ dependencies: Record<string, string> }>(
      join(installed("@community-api/client"), "package.json"),
    );
    expect(client.dependencies["@community-api/types"]).toBe(types.version);
    expect(JSON.stringify(client)).not.toContain("workspace:");
  });

  it("the mock's bin is linked and its /health names the spec it ships", async () => {
    const bin = join(project, "node_modules", ".bin", "community-api-mock");
    expect(realpathSync(bin)).toBe(
      join(installed("@community-api/mock"), "bin", "community-api-mock.js"),
    );
    const health = (await (await fetch(`${mockUrl}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({
      status: "ok",
      mode: "realistic",
      specVersion: fingerprint.version,
      specSha256: fingerprint.sha256,
    });
    // Standalone: the spec package is not installed, so the mock read its own copy.
    expect(() => readFileSync(installed("@community-api/spec/package.json"))).toThrow();
  });
});

describe("the Prism npm chose for this Node", () => {
  // npm picks, within the mock's ranges, the newest Prism whose engines admit the Node running
  // it, so each Node line may get a different Prism. The CI log names it for each run.
  it("is reported, is the Prism CLI the mock pins, and every part of it supports this Node", () => {
    const lock = readJson<{ packages: Record<string, unknown> }>(
      join(project, "package-lock.json"),
    );
    const installedPrism = Object.keys(lock.packages)
      .filter((path) => /(^|\/)node_modules\/@stoplight\/prism-[^/]+$/.test(path))
      .map((path) =>
        readJson<{ name: string; version: string; engines?: { node?: string } }>(
          join(project, path, "package.json"),
        ),
      );
    const versions = new Map<string, Set<string>>();
    for (const { name, version } of installedPrism) {
      versions.set(name, (versions.get(name) ?? new Set()).add(version));
    }
    const report = [...versions]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, found]) => `${name.replace("@stoplight/", "")} ${[...found].sort().join(" + ")}`)
      .join(", ");
    console.log(`npm resolved Prism on Node ${process.version}: ${report}`);

    const mock = readJson<{ dependencies: Record<string, string> }>(
      join(repoRoot, "packages", "mock", "package.json"),
    );
    expect([...(versions.get("@stoplight/prism-cli") ?? [])]).toEqual([
      mock.dependencies["@stoplight/prism-cli"],
    ]);
    for (const name of ["prism-core", "prism-http", "prism-http-server"]) {
      expect(versions.has(`@stoplight/${name}`), name).toBe(true);
    }
    for (const { name, version, engines } of installedPrism) {
      const range = engines?.node ?? ">=0";
      expect(satisfies(process.versions.node, range), `${name}@${version}: ${range}`).toBe(true);
    }
  });
});

describe("the verifier, installed", () => {
  it("`npx community-api-verify --help` runs its bin from the tarball", async () => {
    const { stdout } = await run("npx", ["--no-install", "community-api-verify", "--help"], {
      cwd: project,
      env: npmEnv(),
      encoding: "utf8",
    });
    expect(stdout).toMatch(/^Usage: community-api-verify --base-url <url>/);
    expect(stdout).toContain("--course <id>");
    expect(stdout).toContain(`spec this package ships (${fingerprint.version})`);
  });

  it("finds nothing to report against the installed mock, from the spec it ships", async () => {
    const token = "course-1-manager";
    const { stdout, stderr } = await run(
      process.execPath,
      [
        join(installed("@community-api/verify"), "bin", "community-api-verify.js"),
        "--base-url",
        mockUrl,
        "--course",
        "1",
        "--json",
      ],
      { cwd: project, env: { ...process.env, COMMUNITY_API_TOKEN: token }, encoding: "utf8" },
    );
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      exitCode: 0,
      findings: [],
      spec: { sha256: fingerprint.sha256 },
    });
    expect(stdout + stderr).not.toContain(token);
  });
});

describe("an ES module", () => {
  it("imports the ESM build and calls the mock", async () => {
    const { stdout } = await run(process.execPath, ["esm.mjs"], {
      cwd: project,
      env: { ...process.env, COMMUNITY_API_URL: mockUrl },
    });
    const seen = JSON.parse(stdout);
    expect(seen.resolved).toBe(`file://${installed("@community-api/client")}/dist/index.js`);
    expect(seen.count).toBeGreaterThan(5);
    expect(seen.results).toBe(5);
    expect(["joined", "manager"]).toEqual(expect.arrayContaining(seen.statuses));
    expect(seen.invitedCount).toBeGreaterThan(7); // more than one page of 7
    expect(seen.invited).toBe(seen.invitedCount);
    expect(seen.uniqueInvited).toBe(seen.invitedCount);
    expect(seen.missing).toBe(404);
    expect(seen.specSha256).toBe(fingerprint.sha256);
  });
});

describe("a CommonJS script", () => {
  it("requires the CommonJS builds and calls the mock and its in-process kit", async () => {
    const { stdout } = await run(process.execPath, ["cjs.cjs"], {
      cwd: project,
      env: { ...process.env, COMMUNITY_API_URL: mockUrl },
    });
    const seen = JSON.parse(stdout);
    expect(seen.resolved).toBe(join(installed("@community-api/client"), "dist", "index.cjs"));
    expect(seen.refused).toBe(403);
    expect(seen.eventResults).toBe(2);
    expect(seen.eventNext).toBe(`${mockUrl}/api/v2/event/1/invite/?limit=2&offset=2`);
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

describe("TypeScript consumers", () => {
  it.each([
    ["node16", ["consumer.ts", "consumer.cts"]],
    ["bundler", ["consumer.ts"]],
  ] as const)(
    "type-check under moduleResolution %s against the tarballs' declarations",
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
