// Reads the code samples of docs/samples/ into `x-codeSamples` entries. Every operation needs one
// file of every kind, and every file must belong to an operation: a missing or stray sample fails
// the build instead of silently dropping a tab from the page.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The sample kinds, in the order the page lists them (the first is the default tab).
 * `key`/`label`/`lang` are Redoc's `codeSamples.languages` fields: `label` is the tab title and,
 * lower-cased, the key that ties an `x-codeSamples` entry to its tab; `lang` picks the highlighter.
 */
export const SAMPLE_KINDS = [
  { suffix: ".ts", key: "typescript", label: "TypeScript", lang: "typescript" },
  { suffix: ".sh", key: "curl", label: "curl", lang: "bash" },
  { suffix: ".fetch.mjs", key: "fetch", label: "fetch", lang: "javascript" },
];

/**
 * @typedef {{ lang: string, label: string, source: string }} CodeSample
 */

/**
 * Loads the samples of every operation from `dir` (`<operationId><suffix>` per kind).
 * @param {string} dir folder holding the sample files
 * @param {readonly string[]} operationIds every operationId of the spec
 * @returns {Map<string, CodeSample[]>} operationId -> samples in SAMPLE_KINDS order
 */
export function loadSamples(dir, operationIds) {
  const files = new Set(readdirSync(dir).filter((name) => !name.startsWith(".")));
  const problems = [];
  /** @type {Map<string, CodeSample[]>} */
  const samples = new Map();
  for (const operationId of operationIds) {
    /** @type {CodeSample[]} */
    const entries = [];
    for (const kind of SAMPLE_KINDS) {
      const name = `${operationId}${kind.suffix}`;
      if (!files.delete(name)) {
        problems.push(`missing ${kind.label} sample for ${operationId}: samples/${name}`);
        continue;
      }
      const source = readFileSync(join(dir, name), "utf8").trimEnd();
      entries.push({ lang: kind.lang, label: kind.label, source });
    }
    samples.set(operationId, entries);
  }
  for (const stray of files) {
    if (stray !== "README.md") problems.push(`samples/${stray} belongs to no operation`);
  }
  if (problems.length > 0) {
    throw new Error(`code samples are incomplete:\n  ${problems.join("\n  ")}`);
  }
  return samples;
}
