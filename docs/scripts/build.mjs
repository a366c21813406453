// Builds the static docs site into docs/dist/:
//   index.html        the Redoc reference with guides and code samples, fully self-contained
//   openapi.json/yaml the bundled spec, for download
//   fingerprint.json  { version, sha256 } of that spec
// The site is written to a scratch folder beside it and swapped in only when complete, so a
// failed build leaves the last good site in place.
//
// Usage: node scripts/build.mjs [--out <dir>] [--content <dir>]
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { withConsole } from "./console.mjs";
import { decorateSpec, listOperations } from "./decorate.mjs";
import { loadGuides, withGuideSources } from "./guides.mjs";
import { makeOffline } from "./offline.mjs";
import { renderRedoc } from "./render.mjs";
import { generateSamples } from "./samples.mjs";
import { readBundledSpec, readOperationFacts } from "./spec.mjs";

const docsDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    out: { type: "string", default: join(docsDir, "dist") },
    content: { type: "string", default: join(docsDir, "content") },
  },
});
const out = resolve(values.out);
// Scratch folders sit beside the output (so the final renames stay on one file system) under a
// `.tmp/` folder, which git ignores, in case a killed build leaves them behind.
const scratch = join(dirname(out), ".tmp");
const tmp = join(scratch, `${basename(out)}-new-${process.pid}`);
const old = join(scratch, `${basename(out)}-old-${process.pid}`);

try {
  const started = performance.now();
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });

  const spec = readBundledSpec();
  const operationIds = listOperations(spec.doc).map(({ operation }) => operation.operationId);
  const guides = loadGuides(values.content);
  const doc = decorateSpec(spec.doc, {
    samples: generateSamples(readOperationFacts(spec)),
    guides,
    fingerprint: spec.fingerprint,
  });
  const html = renderRedoc(doc, {
    title: `${spec.doc.info.title ?? "API reference"} (${spec.fingerprint.version})`,
    specVersion: spec.fingerprint.version,
    specSha256: spec.fingerprint.sha256,
  });
  const page = makeOffline(withConsole(withGuideSources(html, guides), readOperationFacts(spec)));
  writeFileSync(join(tmp, "index.html"), page);
  copyFileSync(spec.files.json, join(tmp, "openapi.json"));
  copyFileSync(spec.files.yaml, join(tmp, "openapi.yaml"));
  copyFileSync(spec.files.fingerprint, join(tmp, "fingerprint.json"));

  if (existsSync(out)) renameSync(out, old);
  renameSync(tmp, out);
  rmSync(old, { recursive: true, force: true });
  const kib = Math.ceil(Buffer.byteLength(page) / 1024);
  const ms = Math.round(performance.now() - started);
  console.log(
    `docs: ${operationIds.length} operations, spec ${spec.fingerprint.version} -> ${relative(process.cwd(), out) || "."}/ (index.html ${kib} KiB, ${ms} ms)`,
  );
} catch (error) {
  rmSync(tmp, { recursive: true, force: true });
  // A failure between the two renames must not leave the site missing.
  if (!existsSync(out) && existsSync(old)) renameSync(old, out);
  console.error(error instanceof Error ? error.message : error);
  console.error(`\ndocs build failed; the last good site in ${out} was left untouched.`);
  process.exitCode = 1;
}
if (existsSync(scratch) && readdirSync(scratch).length === 0) rmSync(scratch, { recursive: true });
