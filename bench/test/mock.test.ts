import { describe, expect, it } from "vitest";
import { run } from "../src/mock.mjs";

describe("mock benchmark (smoke)", () => {
  it("loads both modes and gets only 200 answers", async () => {
    const result = await run({ durationMs: 600, rounds: 1, warmupMs: 100 });
    const summary = result.data.summary as { mode: string; requests: number; statuses: object }[];
    expect(summary.map((s) => s.mode)).toEqual(["static", "realistic"]);
    for (const s of summary) {
      expect(s.requests).toBeGreaterThan(0);
      expect(Object.keys(s.statuses)).toEqual(["200"]);
    }
  });
});
