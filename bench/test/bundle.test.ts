import { describe, expect, it } from "vitest";
import { run } from "../src/bundle.mjs";

describe("bundle benchmark (smoke)", () => {
  it("bundles every entry and orders the baselines as expected", async () => {
    const result = await run();
    const sizes = result.data.sizes as { entry: string; gzip: number; minified: number }[];
    const gzip = (entry: string) => sizes.find((s) => s.entry === entry)?.gzip ?? Number.NaN;
    expect(sizes).toHaveLength(10);
    for (const s of sizes) expect(s.gzip).toBeGreaterThan(0);
    // Our client is built on openapi-fetch, which is more than raw fetch; the SDK is the largest.
    expect(gzip("raw-fetch.mjs")).toBeLessThan(gzip("openapi-fetch.mjs"));
    expect(gzip("openapi-fetch.mjs")).toBeLessThan(gzip("client-plain.mjs"));
    expect(gzip("client-full.mjs")).toBeLessThan(gzip("official-sdk.mjs"));
    // The query package's options cost something, within its budget (packages/query's test).
    expect(gzip("query-options.mjs")).toBeGreaterThan(gzip("query-by-hand.mjs"));
    expect(gzip("query-options.mjs") - gzip("query-by-hand.mjs")).toBeLessThanOrEqual(1_500);
    // Pagination is left out of the core client's plain build, and only of that one.
    expect(gzip("client-plain.mjs")).toBeLessThan(gzip("client-paginate.mjs"));
    expect(gzip("client-plain.mjs")).toBeLessThan(gzip("client-plain-full-factory.mjs"));
    const shake = result.bars.find((b) => b.name.startsWith("pagination tree-shakes"));
    if (result.data.plainModules) expect(shake?.pass).toBe(true);
    // The attribution saw our client's own modules and openapi-fetch.
    const modules = result.data.fullModules as Record<string, number> | undefined;
    if (modules) expect(modules["openapi-fetch"]).toBeGreaterThan(1000);
  });
});
