// The package as published: the README's example is the file the tests run, the exports map
// points at built files, the bin is a committed, executable file that runs the built CLI, and
// the spec travels inside dist/.
import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, expect, test } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");
const manifest = JSON.parse(read("package.json"));

beforeAll(() => {
  if (!existsSync(`${root}dist/index.js`)) {
    throw new Error("dist/ is missing: run `pnpm --filter @community-api/mock build` first");
  }
});

test("every file the exports map and bin name exists, types first", () => {
  for (const [subpath, conditions] of Object.entries(manifest.exports)) {
    if (typeof conditions === "string") {
      expect(existsSync(`${root}${conditions}`), subpath).toBe(true);
      continue;
    }
    for (const variant of Object.values(conditions as Record<string, Record<string, string>>)) {
      expect(Object.keys(variant)[0], subpath).toBe("types");
      for (const file of Object.values(variant))
        expect(existsSync(`${root}${file}`), file).toBe(true);
    }
  }
  const bin = `${root}${manifest.bin["community-api-mock"]}`;
  expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  expect(statSync(bin).mode & 0o111).not.toBe(0);
});

test("the bin is a committed file, so a fresh install links it before any build", () => {
  const bin = manifest.bin["community-api-mock"];
  expect(bin).not.toMatch(/dist\//);
  // Fails (exit 1) for a file git does not track, e.g. a build output.
  execFileSync("git", ["ls-files", "--error-unmatch", bin], { cwd: root, stdio: "ignore" });
  // git records the executable bit, which the bin needs on a fresh clone.
  const mode = execFileSync("git", ["ls-files", "--stage", bin], { cwd: root, encoding: "utf8" });
  expect(mode.split(" ")[0]).toBe("100755");
});

test("the bin runs the built CLI, and names the missing build when there is none", () => {
  const bin = `${root}${manifest.bin["community-api-mock"]}`;
  expect(execFileSync(process.execPath, [bin, "--version"], { encoding: "utf8" }).trim()).toBe(
    manifest.version,
  );
  // The same file in a package folder that was never built.
  const unbuilt = mkdtempSync(join(tmpdir(), "mock-unbuilt-"));
  try {
    mkdirSync(join(unbuilt, "bin"));
    copyFileSync(bin, join(unbuilt, "bin", "community-api-mock.js"));
    writeFileSync(join(unbuilt, "package.json"), '{"type":"module"}');
    const run = spawnSync(process.execPath, [join(unbuilt, "bin", "community-api-mock.js")], {
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("dist/cli.js is missing; build the package first");
  } finally {
    rmSync(unbuilt, { recursive: true, force: true });
  }
});

test("dist/ carries the bundled spec and fingerprint, byte for byte", () => {
  const specJson = createRequire(import.meta.url).resolve("@community-api/spec/openapi.json");
  expect(read("dist/openapi.json")).toBe(readFileSync(specJson, "utf8"));
  expect(read("dist/fingerprint.json")).toBe(
    readFileSync(specJson.replace(/openapi\.json$/, "fingerprint.json"), "utf8"),
  );
});

test("both module formats load and export the same names", () => {
  const script = `
    const cjs = require("./dist/index.cjs");
    import("./dist/index.js").then((esm) => {
      console.log(JSON.stringify([Object.keys(cjs).sort(), Object.keys(esm).sort()]));
    });`;
  const [cjs, esm] = JSON.parse(
    execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" }),
  );
  expect(cjs).toEqual(esm);
  expect(esm).toEqual(
    expect.arrayContaining([
      "startMock",
      "createMockFetch",
      "createDataset",
      "TEST_TOKENS",
      "testToken",
      "handleRequest",
    ]),
  );
});

test("the kit entry imports no Node built-in (it must run in browsers)", () => {
  const chunks = [...read("dist/kit.js").matchAll(/from "\.\/(chunk-[\w-]+\.js)"/g)];
  expect(chunks.length).toBeGreaterThan(0);
  const files = ["dist/kit.js", "dist/kit.cjs", ...chunks.map((m) => `dist/${m[1]}`)];
  for (const file of files) expect(read(file), file).not.toMatch(/from "node:|require\("node:/);
});

test("the packed tarball holds dist/ and the bin only (plus the manifest, README, LICENSE and CHANGELOG)", () => {
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }),
  );
  const files: string[] = packed[0].files.map((f: { path: string }) => f.path).sort();
  expect(files).toEqual(
    expect.arrayContaining([
      "README.md",
      "bin/community-api-mock.js",
      "dist/cli.js",
      "dist/openapi.json",
      "dist/fingerprint.json",
      "dist/prism-watchdog.cjs",
      "package.json",
    ]),
  );
  expect(
    files.every(
      (f) =>
        f.startsWith("dist/") ||
        [
          "bin/community-api-mock.js",
          "README.md",
          "LICENSE",
          "CHANGELOG.md",
          "package.json",
        ].includes(f),
    ),
  ).toBe(true);
});
