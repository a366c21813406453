import { describe, expect, it } from "vitest";
import { run } from "../src/mock.mjs";

describe("mock benchmark (smoke)", () => {
  it("times the starts, loads every hop and gets only 200 answers", async () => {
    const result = await run({
      durationMs: 300,
      rounds: 1,
      warmupMs: 50,
      startups: 1,
      connections: 4,
    });
    const summary = result.data.summary as { target: string; requests: number; statuses: object }[];
    expect(summary.map((s) => s.target).slice(0, 2)).toEqual([
      "static mode, front",
      "realistic mode, front",
    ]);
    if (process.platform === "linux") expect(summary).toHaveLength(4);
    for (const s of summary) {
      expect(s.requests).toBeGreaterThan(0);
      expect(Object.keys(s.statuses)).toEqual(["200"]);
    }
    // One start of each mode and of bare Prism, the floor their ratios are taken to.
    const startupMs = result.data.startupMs as Record<string, number[]>;
    expect(Object.keys(startupMs).sort()).toEqual(["prism", "realistic", "static"]);
    for (const starts of Object.values(startupMs)) {
      expect(starts).toHaveLength(1);
      expect(starts[0]).toBeGreaterThan(0);
    }
    expect(result.bars).toHaveLength(2);
    expect(result.bars[1]?.measured).toMatch(/static [\d.]+x .*realistic [\d.]+x .*bare Prism/);
  }, 120_000);
});
