// The bundled spec and its operation facts, read at run time from next to the built code (the
// build copies both into dist/) or, when running from source inside the workspace, from the
// spec package.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { OperationFacts } from "./facts.js";

const here = dirname(fileURLToPath(import.meta.url));
const requireHere = createRequire(import.meta.url);

function readShipped(file: "openapi.json" | "operations.json"): unknown {
  const copy = join(here, file);
  const path = existsSync(copy) ? copy : requireHere.resolve(`@community-api/spec/${file}`);
  return JSON.parse(readFileSync(path, "utf8"));
}

/** The bundled OpenAPI document (spec/dist/openapi.json). */
export function loadSpec(): Record<string, unknown> {
  return readShipped("openapi.json") as Record<string, unknown>;
}

/** The operation facts derived from it (spec/dist/operations.json). */
export function loadFacts(): OperationFacts {
  return readShipped("operations.json") as OperationFacts;
}

/** This package's version. */
export function packageVersion(): string {
  const manifest = join(here, "..", "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}
