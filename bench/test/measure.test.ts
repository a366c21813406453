import { describe, expect, it } from "vitest";
import { interleave, median, pairedRatio, quantile } from "../src/lib/measure.mjs";

describe("measure", () => {
  it("computes medians and interpolated quantiles", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.99)).toBeCloseTo(49.6);
    expect(() => median([])).toThrow();
  });

  it("rotates the order every round and reports ratios to the first contender", async () => {
    const order: string[] = [];
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const results = await interleave(
      [
        {
          name: "base",
          run: async () => {
            order.push("base");
          },
        },
        {
          name: "slow",
          run: async () => {
            order.push("slow");
            await sleep(15);
          },
        },
      ],
      { rounds: 3, warmupRounds: 1 },
    );
    expect(order).toEqual(["base", "slow", "slow", "base", "base", "slow", "slow", "base"]);
    const [base, slow] = results;
    expect(base?.times).toHaveLength(3);
    expect(base?.ratio).toBe(1);
    expect(slow?.ratio).toBeGreaterThan(1);
    if (!base || !slow) throw new Error("missing results");
    expect(pairedRatio(slow, base)).toBeGreaterThan(1);
  });
});
