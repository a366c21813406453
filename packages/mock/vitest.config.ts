import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The README example imports the package by name; run it against the source.
    alias: {
      "@community-api/mock/kit": fileURLToPath(new URL("./src/kit/index.ts", import.meta.url)),
      "@community-api/mock": fileURLToPath(new URL("./src/index.ts", import.meta.url)),
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The type tests run in the `typecheck` task (`vitest run --typecheck.only`): vitest's tsc
    // checks the whole tsconfig, source errors included, so `test` does not run it a second time.
    typecheck: { include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
