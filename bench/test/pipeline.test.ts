import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dependentsOfSpec, editDescription, plan, tasksOf } from "../src/pipeline.mjs";

describe("pipeline benchmark (smoke: plan only)", () => {
  it("edits exactly one line of an operation description", () => {
    const before = "get:\n  summary: X\n  description: |\n    First line.\n    Second line.\n";
    const after = editDescription(before);
    const changed = after.split("\n").filter((line, i) => line !== before.split("\n")[i]);
    expect(changed).toEqual(["    First line. (Edited by the pipeline benchmark.)"]);
    expect(() => editDescription("get:\n  summary: X\n")).toThrow(/description/);
  });

  it("keeps only tasks that have a command", () => {
    const tasks = tasksOf({
      tasks: [
        { taskId: "a#build", command: "tsup", cache: { status: "HIT" } },
        { taskId: "b#build", command: "<NONEXISTENT>", cache: { status: "MISS" } },
      ],
    });
    expect(tasks.map((t) => t.taskId)).toEqual(["a#build"]);
  });

  it("plans the full build of this repository", async () => {
    const result = await plan();
    const ids = (result.data.tasks as { taskId: string }[]).map((t) => t.taskId);
    expect(ids).toContain("@community-api/spec#bundle");
    expect(ids).toContain("@community-api/types#generate");
    expect(ids).toContain("@community-api/docs#build");
  });

  it("finds the packages that depend on the spec, directly or not", () => {
    const root = mkdtempSync(join(tmpdir(), "bench-pipeline-test-"));
    const pkg = (dir: string, name: string, deps: Record<string, string> = {}) => {
      mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(
        join(root, dir, "package.json"),
        JSON.stringify({ name, devDependencies: deps }),
      );
    };
    try {
      pkg(".", "root");
      pkg("spec", "@community-api/spec");
      pkg("packages/types", "types", { "@community-api/spec": "workspace:*" });
      pkg("packages/client", "client", { types: "workspace:*" });
      pkg("tools", "tools", { typescript: "5.9.3" });
      const dependents = dependentsOfSpec(root);
      expect([...dependents].sort()).toEqual(["@community-api/spec", "client", "types"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
