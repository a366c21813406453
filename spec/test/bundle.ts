// Loads the ONE bundled artifact (spec/dist/openapi.json) that every tool reads.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const bundlePath = fileURLToPath(new URL("../dist/openapi.json", import.meta.url));

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked structurally here.
export type Json = any;

export function loadBundle(): Json {
  return JSON.parse(readFileSync(bundlePath, "utf8"));
}

/** Follows a local `#/...` reference (or returns the object itself): the one deref, facts.mjs's. */
export { deref } from "../scripts/facts.mjs";
