import { describe, expect, it } from "vitest";
import { heapFloor, run } from "../src/pagination.mjs";

describe("pagination benchmark (smoke)", () => {
  it("times each walker in its own child, walks every user, and measures memory in children", async () => {
    const result = await run({
      users: 1000,
      pageSize: 100,
      // One round: the order's rotation from round to round is measure.test.ts's to check.
      rounds: 1,
      warmupWalks: 0,
      walksPerRound: 1,
      memorySizes: [500, 1000],
      memoryRepeats: 1,
      // 1,000 users fit in a few MB: a short search.
      floorMaxMb: 16,
    });
    const loopback = result.data.loopback as {
      name: string;
      ratio: number;
      samples: { ms: number; users: number }[];
    }[];
    expect(loopback.map((r) => r.name)).toEqual([
      "hand-written loop over the named method's pages",
      "our item iterator (client.paginate)",
      "raw fetch loop",
    ]);
    // One child per walker and round, each of which walked the whole course.
    for (const walker of loopback) {
      expect(walker.samples).toHaveLength(1);
      for (const sample of walker.samples) {
        expect(sample.users).toBe(1000);
        expect(sample.ms).toBeGreaterThan(0);
      }
    }
    expect(loopback[0]?.ratio).toBe(1);
    const memory = result.data.memory as {
      mode: string;
      users: number;
      heapGrowth: number;
      heapFloor: number;
    }[];
    expect(memory.map((m) => `${m.mode}@${m.users}`)).toEqual([
      "ours@500",
      "raw@500",
      "collect@500",
      "ours@1000",
      "raw@1000",
      "collect@1000",
    ]);
    expect(result.bars).toHaveLength(3);
    // Every walk completed within the searched range, in a heap of at least a few MB.
    for (const m of memory) {
      expect(Number.isFinite(m.heapFloor)).toBe(true);
      expect(m.heapFloor).toBeGreaterThanOrEqual(8e6);
    }
  });

  it("finds the smallest heap that completes a walk by bisection", async () => {
    const tried: number[] = [];
    const floor = await heapFloor(async (mb) => {
      tried.push(mb);
      return mb >= 37;
    }, 256);
    expect(floor).toBe(37);
    // Bisection, not a scan: a handful of children per walk.
    expect(tried.length).toBeLessThanOrEqual(10);
    expect(await heapFloor(async () => true, 256)).toBe(8);
    expect(await heapFloor(async () => false, 256)).toBe(Number.POSITIVE_INFINITY);
  });
});
