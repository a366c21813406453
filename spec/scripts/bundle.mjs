// Bundles the split spec into ONE artifact that every other tool reads:
//   dist/openapi.json, dist/openapi.yaml  the bundled OpenAPI document
//   dist/fingerprint.json                 { version, sha256 } of dist/openapi.json
//   dist/operations.json                  the operation facts (see facts.mjs) and the fingerprint
// Everything is written to a temporary folder first and renamed into place only when the whole
// bundle succeeded, so a broken spec never replaces the last good artifact.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { deriveFacts } from "./facts.mjs";
import { redocly, repoRoot, specDir } from "./redocly.mjs";

const dist = join(specDir, "dist");
const tmp = join(specDir, `.dist-tmp-${process.pid}`);
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

try {
  // One Redocly run; the YAML artifact is the same document, written from it.
  const { status, stdout, stderr } = redocly([
    "bundle",
    join(specDir, "openapi.yaml"),
    "--config",
    join(repoRoot, "redocly.yaml"),
    "--output",
    join(tmp, "openapi.json"),
  ]);
  if (status !== 0) {
    throw new Error(`redocly bundle failed:\n${stdout}\n${stderr}`);
  }
  const json = readFileSync(join(tmp, "openapi.json"), "utf8");
  const doc = JSON.parse(json);
  // YAML 1.1 quoting (timestamps, `on`/`yes`, `1:20`, ...), so that 1.1 loaders (js-yaml, PyYAML)
  // read the same document as the JSON; the output is valid YAML 1.2 too.
  writeFileSync(join(tmp, "openapi.yaml"), stringify(doc, { version: "1.1", lineWidth: 0 }));
  const fingerprint = {
    version: doc.info.version,
    sha256: createHash("sha256").update(json).digest("hex"),
  };
  writeFileSync(join(tmp, "fingerprint.json"), `${JSON.stringify(fingerprint, null, 2)}\n`);
  const facts = {
    specVersion: fingerprint.version,
    specSha256: fingerprint.sha256,
    ...deriveFacts(doc),
  };
  writeFileSync(join(tmp, "operations.json"), `${JSON.stringify(facts, null, 2)}\n`);
  mkdirSync(dist, { recursive: true });
  for (const file of ["openapi.json", "openapi.yaml", "fingerprint.json", "operations.json"]) {
    renameSync(join(tmp, file), join(dist, file));
  }
  console.log(
    `bundled spec ${fingerprint.version} sha256:${fingerprint.sha256.slice(0, 12)} -> spec/dist/`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error("\nthe last good bundle in spec/dist/ was left untouched.");
  process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
