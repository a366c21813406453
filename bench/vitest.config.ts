import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    // Smoke runs time things: running them side by side would only add noise and load.
    fileParallelism: false,
  },
});
