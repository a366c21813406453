// The linters the release rehearsal runs on each published tarball (release.test.ts: publint
// --strict and attw, zero problems allowed), on a deliberately broken package: both tools, and
// this test's reading of their output, do report problems.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attw, node, PUBLINT } from "./tools.js";

const work = mkdtempSync(join(tmpdir(), "packaging-lint-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

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
