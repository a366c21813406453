import { describe, expect, it } from "vitest";
import { run } from "../src/overhead.mjs";
import { CONTENDERS, HEY_API, ORVAL, RAW } from "../src/overhead-contenders.mjs";
import { canGeneratePeers } from "../src/peers.mjs";

describe("overhead benchmark (smoke)", () => {
  it("measures every contender against raw fetch", async () => {
    const result = await run({ rounds: 1, warmup: 20, measured: 20 });
    const contenders = result.data.contenders as {
      name: string;
      ratio: number;
      cpuRatio: number;
    }[];
    // hey-api's and orval's generators need Node >= 22.18; CI's Node lines all have it.
    expect(contenders.map((c) => c.name)).toEqual(CONTENDERS);
    expect(CONTENDERS[0]).toBe(RAW);
    expect(CONTENDERS.includes(HEY_API) && CONTENDERS.includes(ORVAL)).toBe(canGeneratePeers());
    expect(contenders[0]?.ratio).toBe(1);
    for (const c of contenders) {
      expect(c.ratio).toBeGreaterThan(0);
      expect(c.cpuRatio).toBeGreaterThan(0);
    }
    expect(result.data.requestsPerContender).toBe(20);
    expect(result.bars.map((b) => b.name)).toEqual([
      "our named method at or below every peer (wall time)",
      "our named method <= 1.05x raw fetch (wall time)",
      "our named method at or below every peer (CPU time)",
      "our named method <= 1.05x raw fetch (CPU time)",
    ]);
  }, 120_000);
});
