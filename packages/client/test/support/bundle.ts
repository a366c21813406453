// What a browser app's bundler makes of an import: esbuild, minified, ESM for browsers, gzip -9.
// The size budgets of the client and of @community-api/query measure with it.
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

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
