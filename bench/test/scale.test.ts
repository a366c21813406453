import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../src/scale.mjs";
import { writeSyntheticSpec } from "../src/scale-spec.mjs";

describe("scale benchmark (smoke)", () => {
  it("writes a synthetic spec with one path file per operation and unique operation ids", () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-scale-test-"));
    try {
      const { specDir, operationIds, firstUsersPath } = writeSyntheticSpec(7, dir);
      expect(readdirSync(join(specDir, "paths"))).toHaveLength(7);
      expect(new Set(operationIds).size).toBe(7);
      expect(firstUsersPath).toBe("/api/v2/thing1/{id}/users/");
      const root = readFileSync(join(specDir, "openapi.yaml"), "utf8");
      expect(root).toContain("/api/v2/thing7/{id}/");
      expect(root).not.toContain("/api/v2/course/{id}/users/:");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs the real lint, bundle and generator and type-checks a consumer", async () => {
    // The consumer's tsc run fails unless the generated types hold the synthetic path.
    const result = await run({ sizes: [3], rounds: 1 });
    const runs = (result.data.runs as Record<string, { ms: Record<string, number> }[]>)["3"];
    expect(Object.keys(runs?.[0]?.ms ?? {})).toEqual([
      "lint",
      "bundle",
      "generate",
      "typecheck",
      "typecheckPathBased",
      "typecheckNamed",
    ]);
  });
});
