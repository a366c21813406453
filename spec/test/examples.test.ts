import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { deref, type Json, loadBundle } from "./bundle.js";

// Every example in the bundle validates against its schema with a JSON Schema 2020-12
// validator that checks formats (uri, date-time, date), independently of Redocly.
const doc = loadBundle();
const SPEC_ID = "https://spec.invalid/openapi";

function makeAjv() {
  // OpenAPI-only keywords are annotations for JSON Schema purposes.
  const ajv = new Ajv2020({
    strict: true,
    strictRequired: false,
    allErrors: true,
    strictTypes: false,
    allowUnionTypes: true,
  });
  addFormats.default(ajv);
  for (const keyword of ["example", "discriminator", "xml", "externalDocs"])
    ajv.addKeyword(keyword);
  for (const [name, schema] of Object.entries<Json>(doc.components.schemas)) {
    ajv.addSchema({ ...pointerToSchema(schema), $id: `${SPEC_ID}/schemas/${name}` });
  }
  return ajv;
}

function pointerToSchema(schema: Json): Json {
  // Each component schema is registered under its own id; point local refs at those ids.
  return JSON.parse(
    JSON.stringify(schema).replace(
      /"\$ref":"#\/components\/schemas\//g,
      `"$ref":"${SPEC_ID}/schemas/`,
    ),
  );
}

type Case = { name: string; schema: Json; value: unknown };

function collectCases(): Case[] {
  const cases: Case[] = [];
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const [method, op] of Object.entries<Json>(item)) {
      for (const [status, responseRef] of Object.entries<Json>(op.responses)) {
        const response = deref(doc, responseRef);
        for (const [media, content] of Object.entries<Json>(response.content ?? {})) {
          for (const [name, exampleRef] of Object.entries<Json>(content.examples ?? {})) {
            cases.push({
              name: `${method.toUpperCase()} ${path} ${status} ${media} example "${name}"`,
              schema: content.schema,
              value: deref(doc, exampleRef).value,
            });
          }
        }
      }
      for (const paramRef of op.parameters ?? []) {
        const param = deref(doc, paramRef);
        for (const [name, example] of Object.entries<Json>(param.examples ?? {})) {
          cases.push({
            name: `${op.operationId} parameter ${param.name} example "${name}"`,
            schema: param.schema,
            value: example.value,
          });
        }
      }
    }
  }
  const walk = (node: Json, where: string) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node.examples) && (node.type || node.$ref || node.anyOf)) {
      node.examples.forEach((value: unknown, i: number) => {
        cases.push({ name: `schema examples ${where}[${i}]`, schema: node, value });
      });
    }
    for (const [key, child] of Object.entries<Json>(node)) walk(child, `${where}/${key}`);
  };
  walk(doc.components.schemas, "#/components/schemas");
  walk(doc.components.parameters, "#/components/parameters");
  return cases;
}

const cases = collectCases();

describe("examples", () => {
  it("are numerous enough to cover every operation's first, last and empty pages and errors", () => {
    const responseExamples = cases.filter((c) => c.name.includes(" example "));
    expect(responseExamples.length).toBeGreaterThanOrEqual(3 * 3 + 3 * 6);
  });

  it.each(cases)("$name validates against its schema", ({ schema, value }) => {
    const ajv = makeAjv();
    const validate = ajv.compile(pointerToSchema(schema));
    const ok = validate(value);
    expect(validate.errors ?? [], JSON.stringify(value).slice(0, 200)).toEqual([]);
    expect(ok).toBe(true);
  });

  it("catches an example that breaks its schema (the check can fail)", () => {
    const ajv = makeAjv();
    const page =
      doc.paths["/api/v2/course/{id}/users/"].get.responses["200"].content["application/json"];
    const validate = ajv.compile(pointerToSchema(page.schema));
    const example = structuredClone(deref(doc, page.examples.firstPage).value);
    example.results[0].joined_at = "yesterday";
    example.results[1].join_status = "bogus";
    expect(validate(example)).toBe(false);
    const messages = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    expect(messages.join("\n")).toMatch(/joined_at must match format "date-time"/);
  });
});
