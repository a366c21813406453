// Files the mock reads at run time, found next to the built code (the build copies them into
// dist/) or, when running from source inside the workspace, in the spec package.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const requireHere = createRequire(import.meta.url);

/** The bundled spec Prism validates against, and its fingerprint. */
export interface BundledSpec {
  readonly path: string;
  readonly version: string;
  readonly sha256: string;
}

export function bundledSpec(): BundledSpec {
  const copy = join(here, "openapi.json");
  const path = existsSync(copy) ? copy : requireHere.resolve("@community-api/spec/openapi.json");
  // fingerprint.json ({version, sha256}) always sits beside openapi.json: spec/dist/ or dist/.
  const fingerprint = JSON.parse(readFileSync(join(dirname(path), "fingerprint.json"), "utf8")) as {
    version: string;
    sha256: string;
  };
  return { path, version: fingerprint.version, sha256: fingerprint.sha256 };
}

/** The JS entry of prism-cli, to run with `process.execPath` (no shell, no .bin shim). */
export function prismEntry(): string {
  const manifestPath = requireHere.resolve("@stoplight/prism-cli/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: { prism: string } };
  return join(dirname(manifestPath), manifest.bin.prism);
}

/** The preload that ties Prism's life to ours (see prism-watchdog.cjs). */
export function prismWatchdog(): string {
  return join(here, "prism-watchdog.cjs");
}

/** This package's version. */
export function packageVersion(): string {
  // dist/../package.json when built, src/server/../../package.json when run from source.
  const manifest = [join(here, "..", "package.json"), join(here, "..", "..", "package.json")].find(
    (path) => existsSync(path) && readFileSync(path, "utf8").includes('"@community-api/mock"'),
  );
  if (!manifest) throw new Error("the mock's package.json was not found");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}
