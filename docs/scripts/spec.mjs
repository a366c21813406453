// Reads THE bundled spec artifact (spec/dist/, via the @community-api/spec package), its
// fingerprint and its operation facts. The docs never keep a copy of the spec: every build reads
// the current bundle.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { listOperations } from "./decorate.mjs";

const require = createRequire(import.meta.url);

/**
 * @typedef {import("./decorate.mjs").OpenApiDocument} OpenApiDocument
 * @typedef {import("./decorate.mjs").Fingerprint} Fingerprint
 * @typedef {import("./samples.mjs").Facts} Facts
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

/**
 * The operation facts (spec/dist/operations.json) of the bundle `readBundledSpec` read: facts
 * derived from another bundle would give the page samples of other operations.
 * @param {{ doc: OpenApiDocument, fingerprint: Fingerprint }} spec
 * @returns {Facts}
 */
export function readOperationFacts({ doc, fingerprint }) {
  /** @type {Facts} */
  const facts = JSON.parse(
    readFileSync(require.resolve("@community-api/spec/operations.json"), "utf8"),
  );
  if (facts.specSha256 !== fingerprint.sha256) {
    const inSpec = listOperations(doc).map(({ operation }) => operation.operationId);
    const inFacts = facts.operations.map((operation) => operation.operationId);
    const only = (/** @type {string[]} */ a, /** @type {string[]} */ b) =>
      a.filter((id) => !b.includes(id)).join(", ") || "none";
    throw new Error(
      `spec/dist/operations.json (${facts.specSha256}) was derived from another bundle than openapi.json (${fingerprint.sha256}): rebundle the spec. Operations only in openapi.json: ${only(inSpec, inFacts)}; only in operations.json: ${only(inFacts, inSpec)}.`,
    );
  }
  return facts;
}
