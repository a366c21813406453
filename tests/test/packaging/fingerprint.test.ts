// One spec, one fingerprint everywhere: the SHA-256 recomputed from the bundled spec's bytes and
// its `info.version` must be what spec/dist/fingerprint.json records, what the client exports,
// what the mock ships and reports on /health, and what the docs page shows. A stale build of any
// of them fails here.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { SPEC_SHA256, SPEC_VERSION } from "@community-api/client";
import { type RunningMock, startMock } from "@community-api/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const readJson = <T>(file: string) => JSON.parse(readFileSync(file, "utf8")) as T;

interface Fingerprint {
  version: string;
  sha256: string;
}

const bundle = require.resolve("@community-api/spec/openapi.json");
const recorded = readJson<Fingerprint>(join(dirname(bundle), "fingerprint.json"));
/** The truth: the bundle's own bytes and version. */
const actual: Fingerprint = {
  version: readJson<{ info: { version: string } }>(bundle).info.version,
  sha256: sha256(bundle),
};

describe("the bundled spec", () => {
  it("has the fingerprint spec/dist/fingerprint.json records", () => {
    expect(actual.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(recorded).toEqual(actual);
  });
});

describe("the client", () => {
  it("exports SPEC_VERSION and SPEC_SHA256 of the bundled spec", () => {
    expect({ version: SPEC_VERSION, sha256: SPEC_SHA256 }).toEqual(actual);
  });
});

describe("the mock", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    // Static mode: Prism alone, the quickest to start; /health is the same in every mode.
    mock = await startMock({ port: 0, mode: "static" });
  });
  afterAll(() => mock?.stop());

  it("ships a byte-identical copy of the bundle and its fingerprint", () => {
    const copy = require.resolve("@community-api/mock/openapi.json");
    expect(sha256(copy)).toBe(actual.sha256);
    expect(readJson<Fingerprint>(join(dirname(copy), "fingerprint.json"))).toEqual(actual);
  });

  it("reports the fingerprint on GET /health", async () => {
    const response = await fetch(`${mock.url}/health`);
    expect(response.status).toBe(200);
    const health = (await response.json()) as { specVersion: string; specSha256: string };
    expect({ version: health.specVersion, sha256: health.specSha256 }).toEqual(actual);
  });
});

describe("the docs page", () => {
  const dist = join(dirname(require.resolve("@community-api/docs/package.json")), "dist");
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const all = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m.slice(1));

  it("shows the fingerprint in its meta tags", () => {
    expect(all(/<meta name="spec-version" content="([^"]*)">/g)).toEqual([[actual.version]]);
    expect(all(/<meta name="spec-sha256" content="([^"]*)">/g)).toEqual([[actual.sha256]]);
  });

  it("shows the fingerprint in its #spec-fingerprint footer, as data and as text", () => {
    const footer = /<footer id="spec-fingerprint"([^>]*)>([\s\S]*?)<\/footer>/.exec(html);
    expect(footer, "no #spec-fingerprint footer").not.toBeNull();
    const [, attributes = "", text = ""] = footer ?? [];
    expect(attributes).toContain(`data-spec-version="${actual.version}"`);
    expect(attributes).toContain(`data-spec-sha256="${actual.sha256}"`);
    expect(text).toContain(`<strong>${actual.version}</strong>`);
    expect(text).toContain(`<code>${actual.sha256}</code>`);
  });

  it("serves a byte-identical copy of the bundle next to the page", () => {
    expect(sha256(join(dist, "openapi.json"))).toBe(actual.sha256);
    expect(readJson<Fingerprint>(join(dist, "fingerprint.json"))).toEqual(actual);
  });
});
