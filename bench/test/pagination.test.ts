import { describe, expect, it } from "vitest";
import { run } from "../src/pagination.mjs";

describe("pagination benchmark (smoke)", () => {
  it("walks every user with each contender and measures memory in child processes", async () => {
    const result = await run({
      users: 1000,
      pageSize: 100,
      rounds: 2,
      walksPerRound: 1,
      latencyRounds: 0,
      memorySizes: [500, 1000],
      memoryRepeats: 1,
    });
    const loopback = result.data.loopback as { name: string; ratio: number }[];
    expect(loopback.map((r) => r.name)).toEqual([
      "raw fetch loop",
      "bare openapi-fetch loop",
      "our page iterator (client.pages)",
      "our item iterator (client.paginate)",
    ]);
    const memory = result.data.memory as {
      mode: string;
      users: number;
      heapGrowth: number;
      pinnedRssGrowth: number;
    }[];
    expect(memory.map((m) => `${m.mode}@${m.users}`)).toEqual([
      "ours@500",
      "bare@500",
      "raw@500",
      "collect@500",
      "ours@1000",
      "bare@1000",
      "raw@1000",
      "collect@1000",
    ]);
    expect(result.bars).toHaveLength(3);
    for (const m of memory as { pinnedRssGrowth: number }[])
      expect(m.pinnedRssGrowth).toBeGreaterThan(0);
  });
});
