import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig } from "tsup";

// Cleaned here, once, before both builds start: `clean` in one of two parallel configs races.
rmSync("dist", { recursive: true, force: true });

const specJson = createRequire(import.meta.url).resolve("@community-api/spec/openapi.json");

/** The published package must run without the workspace: ship the spec and the preload. */
function copyRuntimeFiles(): void {
  mkdirSync("dist", { recursive: true });
  copyFileSync(specJson, "dist/openapi.json");
  copyFileSync(join(dirname(specJson), "fingerprint.json"), "dist/fingerprint.json");
  copyFileSync("src/prism-watchdog.cjs", "dist/prism-watchdog.cjs");
}

export default defineConfig([
  {
    entry: { index: "src/index.ts", kit: "src/kit.ts" },
    format: ["esm", "cjs"],
    dts: true,
    // import.meta.url locates the bundled spec; the CJS build needs it shimmed.
    shims: true,
    target: "node20",
    onSuccess: async () => copyRuntimeFiles(),
  },
  {
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    target: "node20",
  },
]);
