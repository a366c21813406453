import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { defineConfig } from "tsup";

// Cleaned here, once, before both builds start: `clean` in one of two parallel configs races.
rmSync("dist", { recursive: true, force: true });

const spec = createRequire(import.meta.url);
const specJson = spec.resolve("@community-api/spec/openapi.json");

/** The published package must run without the workspace: ship the spec and the preload. */
function copyRuntimeFiles(): void {
  mkdirSync("dist", { recursive: true });
  copyFileSync(specJson, "dist/openapi.json");
  copyFileSync(spec.resolve("@community-api/spec/fingerprint.json"), "dist/fingerprint.json");
  copyFileSync("src/server/prism-watchdog.cjs", "dist/prism-watchdog.cjs");
}

export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      kit: "src/kit/index.ts",
      msw: "src/msw/index.ts",
      contract: "src/contract/index.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    // import.meta.url locates the bundled spec; the CJS build needs it shimmed.
    shims: true,
    target: "node20",
    onSuccess: async () => copyRuntimeFiles(),
  },
  {
    entry: { cli: "src/server/cli.ts" },
    format: ["esm"],
    target: "node20",
  },
]);
