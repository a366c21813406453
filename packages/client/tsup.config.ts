import { defineConfig, type Options } from "tsup";

/**
 * How a browser-safe package of this repository is built: one ESM and one CJS entry with their
 * types, for any platform (src/ uses web-standard APIs only, checked by tsconfig.src.json).
 * `@community-api/query` is built the same way and imports this.
 */
export const browserSafeBuild: Options = {
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  tsconfig: "tsconfig.src.json",
  target: "es2022",
  platform: "neutral",
  clean: true,
  sourcemap: true,
  treeshake: true,
};

export default defineConfig(browserSafeBuild);
