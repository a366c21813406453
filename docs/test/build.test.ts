// The build as a user runs it: `node scripts/build.mjs`, into a temporary folder.
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_KINDS } from "../scripts/samples.mjs";
import { docsDir, samplesDir } from "./paths.js";
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

  it("injects every sample file, unchanged, into its operation", () => {
    const definition = renderedDefinition(html);
    for (const [path, item] of Object.entries(
      spec.paths as Record<string, { get: RenderedOperation }>,
    )) {
      const { operationId } = item.get;
      const rendered = definition.paths[path]?.get;
      expect(rendered?.operationId).toBe(operationId);
      expect(rendered?.["x-codeSamples"]).toEqual(
        SAMPLE_KINDS.map((kind) => ({
          lang: kind.lang,
          label: kind.label,
          source: readFileSync(join(samplesDir, `${operationId}${kind.suffix}`), "utf8").trimEnd(),
        })),
      );
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
    expect(statuses?.description).toContain("statuses=%5B%22joined%22%2C%22manager%22%5D");
  });

  it("loads nothing from another host and keeps telemetry off", () => {
    expect(html).not.toMatch(/cdn\.redoc(ly)?\.(ly|com)|otel\.cloud\.redocly\.com/);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain('"disableTelemetry":true');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
  });

  it("fails on a missing sample and leaves the last good site untouched", async () => {
    const before = statSync(join(out, "index.html")).mtimeMs;
    const partial = join(work, "partial-samples");
    cpSync(samplesDir, partial, { recursive: true });
    rmSync(join(partial, "getEventInvitedUsers.sh"));

    const result = await build("--samples", partial);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("missing curl sample for getEventInvitedUsers");
    expect(result.stderr).toContain("left untouched");
    expect(statSync(join(out, "index.html")).mtimeMs).toBe(before);
    expect(readdirSync(work).sort()).toEqual(["partial-samples", "site"]);
  });

  it("fails on a sample that belongs to no operation", async () => {
    const extra = join(work, "extra-samples");
    cpSync(samplesDir, extra, { recursive: true });
    cpSync(join(samplesDir, "getEventInvitedUsers.sh"), join(extra, "getEventUsers.sh"));

    const result = await build("--samples", extra);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("samples/getEventUsers.sh belongs to no operation");
    rmSync(extra, { recursive: true });
  });
});
