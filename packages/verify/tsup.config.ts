import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { defineConfig } from "tsup";

// Cleaned here, once, before both builds start: `clean` in one of two parallel configs races.
rmSync("dist", { recursive: true, force: true });

const spec = createRequire(import.meta.url);

/** The published package must run without the workspace: ship the spec and its operation facts. */
function copySpec(): void {
  mkdirSync("dist", { recursive: true });
  copyFileSync(spec.resolve("@community-api/spec/openapi.json"), "dist/openapi.json");
  copyFileSync(spec.resolve("@community-api/spec/operations.json"), "dist/operations.json");
}

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    // import.meta.url locates the shipped spec; the CJS build needs it shimmed.
    shims: true,
    target: "node20",
    onSuccess: async () => copySpec(),
  },
  {
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    target: "node20",
  },
]);
