// Reads THE bundled spec artifact (spec/dist/, via the @community-api/spec package) and its
// fingerprint. The docs never keep a copy of the spec: every build reads the current bundle.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * @typedef {import("./decorate.mjs").OpenApiDocument} OpenApiDocument
 * @typedef {import("./decorate.mjs").Fingerprint} Fingerprint
 */

/**
 * @returns {{ doc: OpenApiDocument, fingerprint: Fingerprint, files: { json: string, yaml: string, fingerprint: string } }}
 */
export function readBundledSpec() {
  let json;
  try {
    json = require.resolve("@community-api/spec/openapi.json");
  } catch {
    throw new Error("the bundled spec is missing: run `node spec/scripts/bundle.mjs` first");
  }
  const yaml = require.resolve("@community-api/spec/openapi.yaml");
  const fingerprintFile = require.resolve("@community-api/spec/fingerprint.json");
  const text = readFileSync(json, "utf8");
  /** @type {Fingerprint} */
  const fingerprint = JSON.parse(readFileSync(fingerprintFile, "utf8"));
  const sha256 = createHash("sha256").update(text).digest("hex");
  if (sha256 !== fingerprint.sha256) {
    // A stale fingerprint would put a wrong SHA-256 on the page.
    throw new Error(
      `spec/dist/fingerprint.json (${fingerprint.sha256}) does not match openapi.json (${sha256}): rebundle the spec`,
    );
  }
  return {
    doc: JSON.parse(text),
    fingerprint,
    files: { json, yaml, fingerprint: fingerprintFile },
  };
}
