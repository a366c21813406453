// Provenance as data: every component schema, each of its properties, every parameter and every
// response says where the spec takes it from (`x-source`), so the docs can mark it, the types
// carry it, and a reader of a drift report sees whether it contradicts the source pages or one of
// our inferences. Redocly's lint checks parameters and responses (redocly.yaml); this walks the
// schemas and checks every value's shape.
import { describe, expect, it } from "vitest";
import { deref, type Json, loadBundle } from "./bundle.js";

const doc = loadBundle();
const SOURCES = ["reference", "provider-page", "sdk", "inferred"];
// The seed pages, by title: a `reference` item names one or more of them.
const SEED_PAGES = [
  "Get Course Invited Users",
  "Get Event Invited Users",
  "Get Course Dashboard Users",
];

/** Every item that must say where it comes from, by JSON pointer. */
function items(): [string, Json][] {
  const found: [string, Json][] = [];
  for (const [name, schema] of Object.entries<Json>(doc.components.schemas)) {
    const pointer = `#/components/schemas/${name}`;
    found.push([pointer, schema]);
    const parts: [string, Json][] = [[pointer, schema]];
    (schema.allOf ?? []).forEach((part: Json, index: number) => {
      if (!part.$ref) parts.push([`${pointer}/allOf/${index}`, part]);
    });
    for (const [at, part] of parts) {
      for (const [property, value] of Object.entries<Json>(part.properties ?? {})) {
        found.push([`${at}/properties/${property}`, value]);
      }
    }
  }
  for (const [name, parameter] of Object.entries<Json>(doc.components.parameters)) {
    found.push([`#/components/parameters/${name}`, parameter]);
  }
  for (const [name, response] of Object.entries<Json>(doc.components.responses)) {
    found.push([`#/components/responses/${name}`, response]);
  }
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const [method, operation] of Object.entries<Json>(item)) {
      for (const [status, response] of Object.entries<Json>(operation.responses)) {
        if (!response.$ref) found.push([`${method.toUpperCase()} ${path} ${status}`, response]);
      }
    }
  }
  return found;
}

describe("x-source", () => {
  const all = items();

  it("is on every schema, property, parameter and response, with the page or the reason", () => {
    expect(all.length).toBeGreaterThan(90);
    const problems = all.flatMap(([pointer, node]) => {
      const source = node["x-source"];
      if (!source) return [`${pointer}: no x-source`];
      if (!SOURCES.includes(source.from)) return [`${pointer}: from ${String(source.from)}`];
      if (source.from === "inferred" && !source.reason) return [`${pointer}: inferred, no reason`];
      if (source.from !== "inferred" && !source.page) return [`${pointer}: no page`];
      if (
        source.from === "reference" &&
        !String(source.page)
          .split(", ")
          .every((page) => SEED_PAGES.includes(page))
      ) {
        return [`${pointer}: ${source.page} is not a seed page`];
      }
      return [];
    });
    expect(problems).toEqual([]);
  });

  it("marks inferred every item whose description starts with '(inferred' of what it is", () => {
    // An item marked wholly inferred reads as such; a partly inferred one (a bound, `required`)
    // keeps its source and carries the mark in its description.
    for (const [pointer, node] of all) {
      const source = node["x-source"];
      const description: string = deref(doc, node).description ?? node.description ?? "";
      if (source?.from === "inferred" && !pointer.startsWith("#/components/schemas/")) {
        expect(description, pointer).toMatch(/^\(inferred\b/);
      }
    }
  });

  it("says the error statuses are inferred: the seed pages list only 200", () => {
    for (const [pointer, node] of all) {
      if (!pointer.startsWith("#/components/responses/")) continue;
      expect(node["x-source"].from, pointer).toBe("inferred");
    }
    for (const [pointer, node] of all) {
      if (/ 200$/.test(pointer)) expect(node["x-source"].from, pointer).toBe("reference");
    }
  });
});
