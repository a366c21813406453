// The tarballs `pnpm publish` would upload, linted: publint --strict (manifest, exports map,
// files) and attw (the types every resolution mode finds, ESM and CommonJS), with zero problems
// allowed. A deliberately broken package proves both tools, and this test's reading of their
// output, do report problems.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJson } from "../workspace.js";
import { PUBLISHED, type PublishedName, packAll, type Tarball } from "./pack.js";
import { attw, node, PUBLINT } from "./tools.js";

/** A package's manifest: the entry points its exports map promises and its CLIs' bins. */
const manifestOf = (name: PublishedName) => {
  const pkg = PUBLISHED.find((p) => p.name === name);
  return readJson<{ exports: Record<string, unknown>; bin?: Record<string, string> }>(
    join(pkg?.dir ?? "", "package.json"),
  );
};
/** Resolution modes attw checks: TypeScript's node10, node16 from CJS and ESM, bundler. */
const MODES = ["bundler", "node10", "node16-cjs", "node16-esm"];
/** Files every tarball carries besides dist/. */
const TOP_LEVEL = ["CHANGELOG.md", "LICENSE", "README.md", "package.json"];
/** Files besides dist/ and TOP_LEVEL: the CLIs' bins, committed files (see their READMEs). */
const extra = (name: PublishedName) =>
  Object.values(manifestOf(name).bin ?? {}).map((file) => file.replace(/^\.\//, ""));

const work = mkdtempSync(join(tmpdir(), "packaging-lint-"));
let tarballs: Record<PublishedName, Tarball>;
const tarballOf = (name: PublishedName): Tarball => {
  const tarball = tarballs[name];
  if (!tarball) throw new Error(`${name} was not packed`);
  return tarball;
};

beforeAll(async () => {
  tarballs = await packAll(work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(PUBLISHED.map((p) => p.name))("%s, packed", (name) => {
  it("holds dist/ plus the manifest, README, LICENSE and CHANGELOG (and a CLI's bin), nothing else", () => {
    const { files } = tarballOf(name);
    expect(files.filter((f) => !f.startsWith("dist/"))).toEqual(
      [...TOP_LEVEL, ...extra(name)].sort(),
    );
    expect(files.filter((f) => f.startsWith("dist/")).length).toBeGreaterThan(0);
  });

  it("passes publint --strict with nothing to report", () => {
    const run = node(PUBLINT, ["run", tarballOf(name).file, "--strict"]);
    expect(run.stdout + run.stderr).toMatch(/All good!/);
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });

  it("passes attw: no problem, every entry point typed in every resolution mode", () => {
    const report = attw(tarballOf(name).file);
    expect(report.problems).toEqual([]);
    expect(report.status).toBe(0);
    expect(Object.keys(report.resolutions).sort()).toEqual(
      Object.keys(manifestOf(name).exports).sort(),
    );
    for (const [entrypoint, modes] of Object.entries(report.resolutions)) {
      expect(Object.keys(modes).sort(), entrypoint).toEqual(MODES);
      for (const [mode, file] of Object.entries(modes)) {
        expect(file, `${entrypoint} under ${mode}`).toMatch(/\.d\.c?ts$|\.json$/);
      }
    }
  });
});

describe("the linters, on a deliberately broken package", () => {
  // `types` after `import` and one ESM declaration file for every consumer: what a hand-written
  // exports map often gets wrong.
  const broken = join(work, "broken");
  beforeAll(() => {
    mkdirSync(broken);
    writeFileSync(
      join(broken, "package.json"),
      JSON.stringify({
        name: "broken-package",
        version: "1.0.0",
        type: "module",
        exports: { ".": { import: "./index.js", types: "./index.d.ts" } },
      }),
    );
    writeFileSync(join(broken, "index.js"), "export const x = 1;\n");
    writeFileSync(join(broken, "index.d.ts"), "export declare const x: number;\n");
  });

  it("publint --strict fails and names the misplaced types condition", () => {
    const run = node(PUBLINT, ["run", broken, "--strict", "--pack", "false"]);
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/exports\["\."\]\.types should be the first/);
  });

  it("attw --pack reports the ESM-only types a CommonJS consumer would get", () => {
    const report = attw(broken, ["--pack"]);
    expect(report.status).not.toBe(0);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: "CJSResolvesToESM", resolutionKind: "node16-cjs" }),
    );
  });
});
