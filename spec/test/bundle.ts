// Loads the ONE bundled artifact (spec/dist/openapi.json) that every tool reads.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const bundlePath = fileURLToPath(new URL("../dist/openapi.json", import.meta.url));

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked structurally here.
export type Json = any;

export function loadBundle(): Json {
  return JSON.parse(readFileSync(bundlePath, "utf8"));
}

/** Follows a local `#/components/...` reference (or returns the object itself). */
export function deref(doc: Json, node: Json): Json {
  let current = node;
  while (current && typeof current.$ref === "string") {
    const pointer = current.$ref.replace(/^#\//, "").split("/");
    current = pointer.reduce(
      (acc: Json, key: string) => acc?.[key.replace(/~1/g, "/").replace(/~0/g, "~")],
      doc,
    );
  }
  return current;
}
