import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  tsconfig: "tsconfig.src.json",
  target: "es2022",
  platform: "neutral",
  clean: true,
  sourcemap: true,
  treeshake: true,
});
