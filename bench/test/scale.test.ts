import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, STEPS } from "../src/scale.mjs";
import { writeSyntheticSpec } from "../src/scale-spec.mjs";

describe("scale benchmark (smoke)", () => {
  it("writes the real spec's operations plus one path file per added operation, ids unique", () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-scale-test-"));
    try {
      const { specDir, operationIds, lastUsersPath } = writeSyntheticSpec(7, dir);
      expect(readdirSync(join(specDir, "paths"))).toHaveLength(7);
      expect(new Set(operationIds).size).toBe(7);
      expect(operationIds).toContain("getCourseDashboardUsers");
      expect(lastUsersPath).toBe("/api/v2/thing5/{id}/users/");
      const root = readFileSync(join(specDir, "openapi.yaml"), "utf8");
      expect(root).toContain("/api/v2/course/{id}/users/:");
      expect(root).toContain("/api/v2/thing7/{id}/invite/:");
      expect(() => writeSyntheticSpec(2, dir)).toThrow(/at least the real 3/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("generates, builds, type-checks and bundles the real client at two sizes, with their floors", async () => {
    // The consumers' tsc runs fail unless the generated client has the added operation's
    // method and iterator, typed from the generated types. Both sizes are within the loop's
    // size, so both measure the loop's floor too.
    const result = await run({ sizes: [3, 6], rounds: 1 });
    const runs = result.data.runs as Record<
      string,
      { ms: Record<string, number>; clientBundle: { gzip: number } }[]
    >;
    // Every step, the floors included, was timed, in the order they run.
    expect(Object.keys(runs["3"]?.[0]?.ms ?? {})).toEqual([...STEPS]);
    // Three more operations make a bigger client.
    const gzip = (n: string) => runs[n]?.[0]?.clientBundle.gzip ?? Number.NaN;
    expect(gzip("6")).toBeGreaterThan(gzip("3"));
    expect(result.rows).toHaveLength(10);
    expect(result.bars.map((b) => b.name)).toEqual([
      expect.stringMatching(/^spec edit to a built client .* from 3 to 6 ops at most .* its floor/),
      expect.stringMatching(/per added operation \(3 to 6 ops\)$/),
      expect.stringMatching(/within its size budget/),
      expect.stringMatching(/^consumer type-check at 6 ops .* at most .* its floor/),
      expect.stringMatching(/^consumer type-check work does not grow with the spec/),
    ]);
    // Checking the named call and iterator creates as many types at 6 operations as at 3.
    expect(result.bars[4]?.pass).toBe(true);
    // About 28 tool runs: about a minute on an idle machine, more under the neighbours' load.
  }, 300_000);
});
