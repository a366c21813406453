import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // At least two files at a time (vitest's default is one fewer than the cores: one on a
    // 2-core machine). This package's test task depends on every package's build, so turbo
    // runs it last, mostly alone: one file at a time left the second core idle while a file
    // waited on npm, Prism or a child tsc.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
