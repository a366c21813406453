import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The tests import the package by name, as users do.
    alias: { "@community-api/query": fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
  },
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    testTimeout: 20_000,
    // The type tests run in the `typecheck` task (`vitest run --typecheck.only`), as the client's.
    typecheck: {
      include: ["test/**/*.test-d.ts", "test/**/*.test-d.tsx"],
      tsconfig: "./tsconfig.json",
    },
  },
});
