import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { deref, type Json, loadBundle } from "./bundle.js";

// What common tools need of the published spec beyond being valid OpenAPI 3.1: YAML loaders of
// either YAML version, 3.0-era request builders (dredd), code generators that read `required`
// only next to `properties` (hey-api), and renderers that show a server description verbatim.
const doc = loadBundle();
const yamlPath = fileURLToPath(new URL("../dist/openapi.yaml", import.meta.url));

/** The names a schema requires without listing them in its own `properties`. */
const unlisted = (schema: Json): string[] =>
  (schema.required ?? []).filter((name: string) => !(name in (schema.properties ?? {})));

/** Every schema object of the document (components and inline), with where it is. */
function schemaObjects(node: Json, where = "#", found: [string, Json][] = []): [string, Json][] {
  if (!node || typeof node !== "object") return found;
  if (node.properties || Array.isArray(node.required) || node.allOf) found.push([where, node]);
  for (const [key, child] of Object.entries<Json>(node)) {
    schemaObjects(child, `${where}/${key}`, found);
  }
  return found;
}

describe("the published YAML", () => {
  const text = readFileSync(yamlPath, "utf8");

  it("loads to the same document as the JSON in a YAML 1.2 loader", () => {
    expect(parse(text)).toEqual(doc);
  });

  it("loads to the same document in a YAML 1.1 loader (timestamps stay strings)", () => {
    expect(parse(text, { version: "1.1" })).toEqual(doc);
  });

  it("would not, written without 1.1 quoting (the check can fail)", () => {
    const plain = stringify(doc, { lineWidth: 0 });
    expect(plain).toMatch(/joined_at: 20\d\d-/);
    expect(parse(plain, { version: "1.1" })).not.toEqual(doc);
  });
});

describe("for other tools", () => {
  it("gives every path parameter a parameter-level example that fits its schema (dredd)", () => {
    const pathParameters = Object.values<Json>(doc.paths)
      .flatMap((item) => item.get.parameters)
      .map((parameter: Json) => deref(doc, parameter))
      .filter((parameter: Json) => parameter.in === "path");
    expect(pathParameters.length).toBeGreaterThan(0);
    for (const parameter of pathParameters) {
      expect(parameter.example, parameter.name).toBeDefined();
      expect(new RegExp(parameter.schema.pattern).test(parameter.example)).toBe(true);
    }
  });

  it("lists every required property next to `required` (generators ignore it beside an allOf alone)", () => {
    const schemas = schemaObjects(doc.components);
    expect(schemas.length).toBeGreaterThan(10);
    for (const [where, schema] of schemas) expect(unlisted(schema), where).toEqual([]);
    // The shape 0.1 had, which hey-api turned into a User with every field optional:
    const before = { required: ["id", "username"], allOf: [{ $ref: "#/components/schemas/User" }] };
    expect(unlisted(before)).toEqual(["id", "username"]);
  });

  it("writes server descriptions as plain text (renderers show them verbatim)", () => {
    for (const server of doc.servers) {
      expect(server.description).not.toMatch(/[`*_[\]]/);
    }
  });
});
