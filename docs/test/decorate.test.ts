import { withProvenance } from "@community-api/spec/provenance";
import { describe, expect, it } from "vitest";
import { decorateSpec, listOperations, unwrapParagraphs } from "../scripts/decorate.mjs";
import { loadGuides } from "../scripts/guides.mjs";
import { generateSamples } from "../scripts/samples.mjs";
import { readBundledSpec, readOperationFacts } from "../scripts/spec.mjs";
import { contentDir } from "./paths.js";

type Schema = import("../scripts/decorate.mjs").Schema;

const bundled = readBundledSpec();
const { doc: spec, fingerprint } = bundled;
const parts = {
  samples: generateSamples(readOperationFacts(bundled)),
  guides: loadGuides(contentDir),
  fingerprint,
};

describe("decorateSpec", () => {
  it("leaves the bundled spec untouched", () => {
    const before = structuredClone(spec);
    decorateSpec(spec, parts);
    expect(spec).toEqual(before);
  });

  it("marks each item's provenance (x-source) in its description, where Redoc shows it", () => {
    const doc = decorateSpec(spec, parts);
    const user = doc.components?.schemas?.User?.properties as Record<string, Schema>;
    // From another page of the provider: the page is named.
    expect(user.gender?.description).toMatch(
      / \(source: User \(the provider's schema reference\)\)$/,
    );
    // Inferred with no mark in the spec's text: the reason is given; with one: left as it is.
    expect(withProvenance({ from: "inferred", reason: "why" }, "Text.")).toBe(
      "(inferred: why) Text.",
    );
    expect(user.language?.description).toMatch(/^\(inferred: seen in real payloads only\)/);
    expect(user.language?.description).not.toContain("(inferred: seen in real payloads (e.g.");
    // Stated by the seed pages: no mark.
    const limit = doc.components?.parameters?.Limit;
    expect(limit?.description).toBe(
      unwrapParagraphs(spec.components?.parameters?.Limit?.description ?? ""),
    );
  });

  it("joins each paragraph's lines (Redoc's search glues them), leaving code, tables and lists", () => {
    // A table and a code block keep every line break.
    const kept = [
      "| a | b |",
      "| --- | --- |",
      "| 1 | 2 |",
      "",
      "```sh",
      "curl \\",
      "  -H x",
      "```",
    ];
    const text = [
      "Walks the pages through",
      "`next`, then stops.",
      "",
      "- an item",
      "  continued",
      "- another",
      "",
      ...kept,
    ];
    expect(unwrapParagraphs(text.join("\n"))).toBe(
      [
        "Walks the pages through `next`, then stops.",
        "",
        "- an item continued",
        "- another",
        "",
        ...kept,
      ].join("\n"),
    );
    // The guides as rendered: no paragraph keeps a soft break.
    const doc = decorateSpec(spec, parts);
    const verify = doc.tags?.find((tag) => tag.name.startsWith("Verify"));
    expect(verify?.description).toContain("through `next`");
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

  it("writes out the default that Redoc does not show for an anyOf parameter", () => {
    const statuses = decorateSpec(spec, parts).components?.parameters?.Statuses;
    expect(statuses?.description).toMatch(/\n\nDefault: `\["manager","joined"\]`$/);
  });

  it("keeps an anyOf property's own description visible (the inferred mark of join_status)", () => {
    const decorated = decorateSpec(spec, parts).components?.schemas?.CourseUserDashboard;
    const properties = (decorated?.properties ?? {}) as Record<string, Schema>;
    const { join_status: joinStatus } = properties;
    expect(joinStatus?.description).toMatch(/^\(inferred: required\)/);
    for (const option of joinStatus?.anyOf ?? []) expect(option.description).toBeUndefined();
    expect(joinStatus?.anyOf?.[0]?.["x-enumDescriptions"]).toBeDefined();
  });

  it("refuses an operation that has no code samples, naming it", () => {
    const [first] = listOperations(spec);
    const operationId = first?.operation.operationId ?? "";
    const fewer = new Map(parts.samples);
    fewer.delete(operationId);
    expect(() => decorateSpec(spec, { ...parts, samples: fewer })).toThrow(operationId);
  });

  it("refuses a guide named like an API tag", () => {
    const clash = [{ title: "Course", body: "text", file: "09-course.md" }];
    expect(() => decorateSpec(spec, { ...parts, guides: clash })).toThrow(/09-course\.md/);
  });
});

describe("readOperationFacts", () => {
  it("refuses facts of another bundle, naming the operations that differ", () => {
    const renamed = JSON.parse(
      JSON.stringify(spec).replace('"getEventInvitedUsers"', '"getEventGuests"'),
    );
    expect(() =>
      readOperationFacts({ doc: renamed, fingerprint: { ...fingerprint, sha256: "0".repeat(64) } }),
    ).toThrow(
      /another bundle.*only in openapi\.json: getEventGuests; only in operations\.json: getEventInvitedUsers/,
    );
  });
});
