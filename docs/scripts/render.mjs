// Renders a (decorated) OpenAPI document into one self-contained HTML page with the Redocly
// CLI's `build-docs --inlineBundle` (Redoc's scripts inlined, nothing fetched from a CDN) and the
// page template next to this file.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SAMPLE_KINDS } from "./samples.mjs";

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve("@redocly/cli/package.json")), "bin", "cli.js");
const template = fileURLToPath(new URL("./template.hbs", import.meta.url));

/** Redoc options (the `openapi` section of a Redocly config). */
const REDOC_OPTIONS = {
  disableTelemetry: true,
  // The tabs of the code-sample panel, in order; the first is selected by default.
  codeSamples: {
    languages: SAMPLE_KINDS.map(({ key, label, lang }) => ({ key, label, lang })),
  },
  jsonSamplesExpandLevel: 3,
};

/**
 * @param {unknown} doc the OpenAPI document to render
 * @param {{ title: string, specVersion: string, specSha256: string }} page values the template shows
 * @returns {string} the HTML page
 */
export function renderRedoc(doc, { title, specVersion, specSha256 }) {
  // Its own folder as cwd, so no redocly.yaml of the repository changes how the page renders.
  const work = mkdtempSync(join(tmpdir(), "community-api-docs-"));
  try {
    const input = join(work, "openapi.docs.json");
    const options = join(work, "redoc-options.json");
    const output = join(work, "index.html");
    writeFileSync(input, JSON.stringify(doc));
    writeFileSync(options, JSON.stringify(REDOC_OPTIONS));
    const result = spawnSync(
      process.execPath,
      [
        cli,
        "build-docs",
        input,
        "--inlineBundle",
        "--output",
        output,
        "--template",
        template,
        "--title",
        title,
        "--openapi",
        options,
        "--templateOptions.specVersion",
        specVersion,
        "--templateOptions.specSha256",
        specSha256,
        "--lint-config",
        "off",
      ],
      {
        cwd: work,
        encoding: "utf8",
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      },
    );
    if (result.status !== 0) {
      throw new Error(`redocly build-docs failed:\n${result.stdout}\n${result.stderr}`);
    }
    return readFileSync(output, "utf8");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
