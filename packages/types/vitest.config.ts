import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The type tests run in the `typecheck` task (`vitest run --typecheck.only`): vitest's tsc
    // checks the whole tsconfig, source errors included, so `test` does not run it a second time.
    typecheck: { include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
