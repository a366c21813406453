// The built package as users get it: ESM and CJS entries with one API, the peers left as
// imports (one copy of the client and of query-core in an app), and the size budget.
// Needs `pnpm build` first (turbo runs it before `test`).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// The client's measure, so that both budgets mean the same thing.
import { builtPackage } from "../../../client/test/support/bundle.js";

/** The most this package may add, min+gzip, to an app that has the client and query-core. */
const SIZE_BUDGET = 1_500;
const { packageDir, dist, require, bundle } = builtPackage(import.meta.url);

describe("built package", () => {
  it("exports the same API from the ESM and the CJS build", async () => {
    const esm = await import(dist("index.js"));
    const cjs = require(dist("index.cjs"));
    expect(Object.keys(esm).sort()).toEqual(["createCommunityQueries", "retry", "retryDelay"]);
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
  });

  it("imports its peers instead of bundling them, and nothing at run time from query-core", () => {
    for (const file of ["index.js", "index.cjs"]) {
      const code = readFileSync(dist(file), "utf8");
      expect(code, file).toMatch(/["']@community-api\/client["']/);
      expect(code, file).not.toMatch(/@tanstack\/query-core/);
    }
    const manifest = JSON.parse(readFileSync(`${packageDir}package.json`, "utf8"));
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual([
      "@community-api/client",
      "@tanstack/query-core",
    ]);
    expect(manifest.dependencies).toBeUndefined();
  });

  it(`adds at most ${SIZE_BUDGET} B min+gzip to an app with the client and query-core, for browsers`, async () => {
    const app = `export * from "@community-api/client"; export { QueryClient, InfiniteQueryObserver } from "@tanstack/query-core";`;
    const without = await bundle(app);
    const withQueries = await bundle(`${app} export * from "./dist/index.js";`);
    const added = withQueries.gzip - without.gzip;
    console.info(
      `@community-api/query adds ${added} B min+gzip (app without it: ${without.gzip} B)`,
    );
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThanOrEqual(SIZE_BUDGET);
    expect(withQueries.text).not.toMatch(/\brequire\(|from"node:/);
  });
});
