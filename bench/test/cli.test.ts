import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { formatTable } from "../src/lib/report.mjs";

const cli = fileURLToPath(new URL("../src/cli.mjs", import.meta.url));

describe("cli and table", () => {
  it("refuses an unknown benchmark name", async () => {
    const failure = await promisify(execFile)(process.execPath, [cli, "nope"]).catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toMatch(/unknown benchmark nope/);
  });

  it("prints rows, bars with PASS/FAIL, and notes", () => {
    const table = formatTable([
      {
        name: "x",
        title: "X",
        rows: [{ label: "a", value: "1 ms", ratio: "1.00x" }],
        bars: [{ name: "fast", pass: false, measured: "2x" }],
        notes: ["why"],
        data: {},
      },
    ]);
    expect(table).toContain("| x | a | 1 ms | 1.00x |");
    expect(table).toContain("| x: fast | FAIL | 2x |");
    expect(table).toContain("- x: why");
  });
});
