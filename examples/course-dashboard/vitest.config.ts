import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One Chromium and one Prism-backed mock for the whole file; steps poll the page.
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
