import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The README examples import the package by name, as users do.
    alias: { "@community-api/client": fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
  },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/mock.ts"],
    testTimeout: 20_000,
    // The type tests run in the `typecheck` task (`vitest run --typecheck.only`): vitest's tsc
    // checks the whole tsconfig, source errors included, so `test` does not run it a second time.
    typecheck: { include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
