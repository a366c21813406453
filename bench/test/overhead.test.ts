import { describe, expect, it } from "vitest";
import { run } from "../src/overhead.mjs";

describe("overhead benchmark (smoke)", () => {
  it("measures every contender against raw fetch", async () => {
    const result = await run({ rounds: 1, warmup: 20, measured: 20 });
    const contenders = result.data.contenders as { name: string; ratio: number }[];
    expect(contenders.map((c) => c.name)).toEqual([
      "raw fetch",
      "bare openapi-fetch",
      "our client (auth, retries, timeout, errors)",
      "official SDK (@selfcommunity/api-services, axios)",
    ]);
    expect(contenders[0]?.ratio).toBe(1);
    for (const c of contenders) expect(c.ratio).toBeGreaterThan(0);
    expect(result.data.requestsPerContender).toBe(20);
    expect(result.bars.map((b) => b.name)).toEqual(["our client <= 1.03x bare openapi-fetch"]);
  });
});
