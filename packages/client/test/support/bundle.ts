// The built package as a test of test/package sees it, and what a browser app's bundler makes of
// an import: esbuild, minified, ESM for browsers, gzip -9. The client's and @community-api/query's
// package tests (size budgets included) both use it, so that both measure the same thing.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { beforeAll } from "vitest";

/** Bundles `code` (its imports resolved from `resolveDir`) and returns it with its gzipped size. */
export async function bundle(
  code: string,
  resolveDir: string,
): Promise<{ text: string; gzip: number }> {
  const result = await build({
    stdin: { contents: code, resolveDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const text = result.outputFiles[0]?.text ?? "";
  return { text, gzip: gzipSync(text, { level: 9 }).length };
}

/** Throws, naming the fix, unless the package in `packageDir` has its ESM and CJS builds. */
export function assertBuilt(packageDir: string): void {
  for (const file of ["index.js", "index.cjs", "index.d.ts", "index.d.cts"]) {
    if (!existsSync(`${packageDir}dist/${file}`)) {
      throw new Error(`dist/${file} is missing: run \`pnpm build\` first`);
    }
  }
}

/** The package of a test in its `test/package/` folder, once built. */
export interface BuiltPackage {
  /** The package's folder, with a trailing slash. */
  readonly packageDir: string;
  /** The path of `file` in the package's `dist/`. */
  dist(file: string): string;
  /** Node's `require`, for the CJS build. */
  readonly require: NodeJS.Require;
  /** Bundles `code` (resolved from the package's folder) for browsers; see {@link bundle}. */
  bundle(code: string): Promise<{ text: string; gzip: number }>;
}

/**
 * The package of the test file at `testFileUrl` (`import.meta.url` of `test/package/*.test.ts`).
 * Its tests fail at once, naming the fix, unless the package is built ({@link assertBuilt}).
 */
export function builtPackage(testFileUrl: string): BuiltPackage {
  const packageDir = fileURLToPath(new URL("../../", testFileUrl));
  beforeAll(() => assertBuilt(packageDir));
  return {
    packageDir,
    dist: (file) => `${packageDir}dist/${file}`,
    require: createRequire(testFileUrl),
    bundle: (code) => bundle(code, packageDir),
  };
}
