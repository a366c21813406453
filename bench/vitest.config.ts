import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generous: each smoke run spawns child processes, and on a loaded 2-core machine a minute
    // is not always enough for one of them (they assert structure, not speed).
    testTimeout: 180_000,
    // Smoke runs time things: running them side by side would only add noise and load.
    fileParallelism: false,
  },
});
