import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { childRounds, type LoopTime, roundRatios, timeLoop } from "../src/lib/child-rounds.mjs";
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

describe("child rounds", () => {
  it("runs one fresh child per contender and round, rotating the order", async () => {
    const dir = mkdtempSync(join(tmpdir(), "child-rounds-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const script = join(dir, "child.mjs");
    writeFileSync(
      script,
      'process.stdout.write(JSON.stringify({ ms: Number(process.argv[3]), cpuMs: 0, pid: process.pid, name: process.argv[2] }) + "\\n");',
    );
    const samples = await childRounds<LoopTime & { pid: number; name: string }>(
      script,
      ["base", "slow"],
      2,
      (name) => [name, name === "base" ? "2" : "6"],
    );
    expect(samples.get("base")?.map((s) => s.name)).toEqual(["base", "base"]);
    const pids = [...samples.values()].flat().map((s) => s.pid);
    expect(new Set(pids).size).toBe(4);
    expect(roundRatios(samples.get("slow") ?? [], samples.get("base") ?? [])).toEqual([3, 3]);
  });

  it("times the measured calls after the warm-up ones", async () => {
    let calls = 0;
    const time = await timeLoop(async () => void calls++, 3, 5);
    expect(calls).toBe(8);
    expect(time.ms).toBeGreaterThanOrEqual(0);
    expect(time.cpuMs).toBeGreaterThanOrEqual(0);
  });
});
