import { describe, expect, it } from "vitest";
import { decorateSpec, listOperations } from "../scripts/decorate.mjs";
import { loadGuides } from "../scripts/guides.mjs";
import { loadSamples } from "../scripts/samples.mjs";
import { readBundledSpec } from "../scripts/spec.mjs";
import { contentDir, samplesDir } from "./paths.js";

const { doc: spec, fingerprint } = readBundledSpec();
const operationIds = listOperations(spec).map(({ operation }) => operation.operationId);
const parts = {
  samples: loadSamples(samplesDir, operationIds),
  guides: loadGuides(contentDir),
  fingerprint,
};

describe("decorateSpec", () => {
  it("leaves the bundled spec untouched", () => {
    const before = structuredClone(spec);
    decorateSpec(spec, parts);
    expect(spec).toEqual(before);
  });

  it("keeps an anyOf parameter's own description visible (options lose theirs, keep enums)", () => {
    const statuses = decorateSpec(spec, parts).components?.parameters?.Statuses;
    expect(statuses?.description).toContain("Wire format");
    const options = statuses?.schema?.anyOf ?? [];
    expect(options).toHaveLength(2);
    for (const option of options) {
      expect(option.description).toBeUndefined();
      expect(option.$ref).toBeUndefined();
    }
    expect(options[0]?.enum).toEqual([
      "creator",
      "manager",
      "joined",
      "invited",
      "requested",
      "payment_waiting",
    ]);
  });

  it("refuses a guide named like an API tag", () => {
    const clash = [{ title: "Course", body: "text", file: "09-course.md" }];
    expect(() => decorateSpec(spec, { ...parts, guides: clash })).toThrow(/09-course\.md/);
  });
});
