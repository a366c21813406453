// The Node versions we claim are the ones CI runs: every manifest's `engines.node` is the same
// range, it admits exactly the major lines whose newest release .ci/run tests, and the README's
// quick start states it.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { publicPackages } from "./packaging/rehearsal.js";
import { admittedMajors, ciNodeVersions, satisfies } from "./support/node-range.js";
import { readJson, repoRoot, workspaceDirs } from "./workspace.js";

type WithEngines = { name: string; private?: boolean; engines?: { node?: string } };

const root = readJson<WithEngines>(join(repoRoot, "package.json"));
const range = root.engines?.node ?? "";
const ciVersions = ciNodeVersions();

describe("engines.node", () => {
  it("the root declares a range, and the range reader understands it", () => {
    expect(range).not.toBe("");
    expect(() => satisfies("22.0.0", range)).not.toThrow();
    // The reader itself: a test that could not fail would be no test.
    expect(satisfies("22.12.0", "^22.12.0 || >=24")).toBe(true);
    expect(satisfies("22.11.9", "^22.12.0 || >=24")).toBe(false);
    expect(satisfies("23.0.0", "^22.12.0 || >=24")).toBe(false);
    expect(satisfies("26.1.0", ">=24.18.0")).toBe(true);
    expect(satisfies("24.17.1", ">=24.18.0")).toBe(false);
    expect(() => satisfies("22.0.0", "~22.1")).toThrow(/unsupported/);
  });

  it("every published package, and every manifest that declares one, has the root's range", () => {
    for (const { dir } of publicPackages()) {
      const manifest = readJson<WithEngines>(join(dir, "package.json"));
      expect(manifest.engines?.node, manifest.name).toBe(range);
    }
    for (const dir of workspaceDirs()) {
      const manifest = readJson<WithEngines>(join(dir, "package.json"));
      if (manifest.engines?.node === undefined) continue;
      expect(manifest.engines.node, relative(repoRoot, dir) || "package.json").toBe(range);
    }
  });

  it(`admits every Node release CI runs (${ciVersions.join(", ")}), one per line`, () => {
    const majors = ciVersions.map((version) => Number(version.split(".")[0]));
    expect(new Set(majors).size).toBe(majors.length);
    for (const version of ciVersions) expect(satisfies(version, range), version).toBe(true);
  });

  it("admits no major line that CI does not run, up to the newest CI runs", () => {
    const majors = ciVersions.map((version) => Number(version.split(".")[0]));
    const newest = Math.max(...majors);
    const candidates = Array.from({ length: newest - 15 }, (_, i) => 16 + i); // 16 … newest
    expect(admittedMajors(range, candidates)).toEqual([...majors].sort((a, b) => a - b));
  });

  it("is the range the README's quick start states", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    const quickStart = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("```sh"));
    expect(quickStart).toContain(`\`${range}\``);
  });
});
