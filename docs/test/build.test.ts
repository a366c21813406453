// The build as a user runs it: `node scripts/build.mjs`, into a temporary folder.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSamples } from "../scripts/samples.mjs";
import { readBundledSpec, readOperationFacts } from "../scripts/spec.mjs";
import { docsDir } from "./paths.js";
import { run } from "./run.js";

const require = createRequire(import.meta.url);
const specJson = require.resolve("@community-api/spec/openapi.json");
const spec = JSON.parse(readFileSync(specJson, "utf8"));
const fingerprint = JSON.parse(readFileSync(join(specJson, "..", "fingerprint.json"), "utf8"));

interface CodeSample {
  lang: string;
  label: string;
  source: string;
}
interface RenderedOperation {
  operationId: string;
  "x-codeSamples"?: CodeSample[];
  "x-badges"?: { name: string }[];
}

/** The OpenAPI document the page hands to Redoc, parsed back out of its inline script. */
function renderedDefinition(html: string) {
  const match = /const __redoc_definition = (.*);\n/.exec(html);
  if (!match?.[1]) throw new Error("no __redoc_definition in the page");
  return JSON.parse(match[1]) as {
    info: { description: string };
    tags: { name: string; description?: string }[];
    "x-tagGroups": { name: string; tags: string[] }[];
    paths: Record<string, { get: RenderedOperation }>;
  };
}

const work = mkdtempSync(join(tmpdir(), "docs-build-test-"));
const out = join(work, "site");
const build = (...args: string[]) =>
  run(process.execPath, ["scripts/build.mjs", "--out", out, ...args], { cwd: docsDir });

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("node scripts/build.mjs", () => {
  let html = "";
  beforeAll(async () => {
    const result = await build();
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    html = readFileSync(join(out, "index.html"), "utf8");
  });

  it("writes the page and the bundled spec it was built from", () => {
    expect(readdirSync(out).sort()).toEqual([
      "fingerprint.json",
      "index.html",
      "openapi.json",
      "openapi.yaml",
    ]);
    const served = readFileSync(join(out, "openapi.json"));
    expect(createHash("sha256").update(served).digest("hex")).toBe(fingerprint.sha256);
    expect(JSON.parse(readFileSync(join(out, "fingerprint.json"), "utf8"))).toEqual(fingerprint);
  });

  it("shows the spec version and SHA-256 in the page head, info and footer", () => {
    expect(html).toContain(`<meta name="spec-sha256" content="${fingerprint.sha256}">`);
    expect(html).toContain(`<meta name="spec-version" content="${fingerprint.version}">`);
    expect(html).toMatch(
      new RegExp(`<footer id="spec-fingerprint"[^>]*data-spec-sha256="${fingerprint.sha256}"`),
    );
    expect(renderedDefinition(html).info.description).toContain(fingerprint.sha256);
  });

  it("injects the generated samples of every operation, with its role badge", () => {
    const definition = renderedDefinition(html);
    const samples = generateSamples(readOperationFacts(readBundledSpec()));
    for (const [path, item] of Object.entries(
      spec.paths as Record<string, { get: RenderedOperation }>,
    )) {
      const { operationId } = item.get;
      const rendered = definition.paths[path]?.get;
      expect(rendered?.operationId).toBe(operationId);
      expect(rendered?.["x-codeSamples"]).toEqual(samples.get(operationId));
      expect(rendered?.["x-codeSamples"]?.map((sample) => sample.label)).toEqual([
        "TypeScript",
        "curl",
        "fetch",
      ]);
      expect(rendered?.["x-badges"]?.[0]?.name).toMatch(/^Role: (course|event) /);
    }
  });

  it("adds the guides as a group of sections before the API's tags", () => {
    const definition = renderedDefinition(html);
    expect(definition["x-tagGroups"]).toEqual([
      {
        name: "Guides",
        tags: [
          "Overview",
          "Authentication",
          "Pagination",
          "The statuses filter",
          "Errors",
          "Roles",
          "Verify the spec against your community",
        ],
      },
      { name: "Reference", tags: spec.tags.map((tag: { name: string }) => tag.name) },
    ]);
    const statuses = definition.tags.find((tag) => tag.name === "The statuses filter");
    expect(statuses?.description).toContain('statuses=["joined","manager"]');
    expect(statuses?.description).not.toContain("<!-- generated");
  });

  it("loads nothing from another host and keeps telemetry off", () => {
    expect(html).not.toMatch(/cdn\.redoc(ly)?\.(ly|com)|otel\.cloud\.redocly\.com/);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain('"disableTelemetry":true');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
  });
});
