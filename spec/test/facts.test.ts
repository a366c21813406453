// The operation facts every consumer reads: derived from small documents made for each rule, and
// from the real bundle (its facts file is what the bundle step wrote next to it).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { deriveFacts, iteratorKey } from "../scripts/facts.mjs";
import { bundlePath, type Json, loadBundle } from "./bundle.js";

const page = (items: Json) => ({
  type: "object",
  properties: { count: { type: "integer" }, results: { type: "array", items } },
});
const doc = (paths: Json, schemas: Json = {}): Json => ({
  openapi: "3.1.0",
  paths,
  components: { schemas },
});
const ok = (schema: Json) => ({
  "200": { description: "ok", content: { "application/json": { schema } } },
});

describe("deriveFacts", () => {
  it("names iterators by the rule: the operationId without get, lower camel case", () => {
    expect(iteratorKey("getCourseDashboardUsers")).toBe("courseDashboardUsers");
    expect(iteratorKey("listThings")).toBe("listThings");
  });

  it("is a list only for a GET whose 200 body has an array `results`", () => {
    const facts = deriveFacts(
      doc(
        {
          "/a/{id}/": {
            get: {
              operationId: "getA",
              parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
              responses: ok({ $ref: "#/components/schemas/APage" }),
            },
          },
          "/b/": { get: { operationId: "getB", responses: ok({ type: "object" }) } },
        },
        { APage: page({ $ref: "#/components/schemas/A" }), A: { type: "object" } },
      ),
    );
    expect(facts.operations.map((o: Json) => [o.operationId, o.list, o.iterator])).toEqual([
      ["getA", true, "a"],
      ["getB", false, null],
    ]);
    expect(facts.operations[0]).toMatchObject({ pageSchema: "APage", itemSchema: "A" });
  });

  it("reads the JSON-array rule from the parameter's contentSchema, and enums and defaults", () => {
    const facts = deriveFacts(
      doc(
        {
          "/x/": {
            get: {
              operationId: "getX",
              parameters: [
                { name: "tags", in: "query", schema: { $ref: "#/components/schemas/TagFilter" } },
              ],
              responses: ok(page({ type: "object" })),
            },
          },
        },
        {
          Tag: { type: "string", enum: ["a", "b"] },
          TagFilter: {
            default: '["a"]',
            anyOf: [
              { $ref: "#/components/schemas/Tag" },
              {
                type: "string",
                pattern: "^\\[.*\\]$",
                contentMediaType: "application/json",
                contentSchema: { type: "array", items: { $ref: "#/components/schemas/Tag" } },
              },
            ],
          },
        },
      ),
    );
    expect(facts.operations[0].queryParameters[0]).toMatchObject({
      name: "tags",
      default: '["a"]',
      enum: ["a", "b"],
      jsonArray: { items: "Tag", enum: ["a", "b"], pattern: "^\\[.*\\]$" },
    });
    expect(facts.enums).toEqual({ Tag: ["a", "b"] });
    expect(facts.defaults).toEqual({ TagFilter: '["a"]' });
  });

  it("lists the concrete statuses of each operation: ranges expanded, a plain code before its range", () => {
    const retryAfter = { "Retry-After": { schema: { type: "string" } } };
    const facts = deriveFacts(
      doc({
        "/s/": {
          get: {
            operationId: "getS",
            responses: {
              ...ok({ type: "object" }),
              "4XX": { description: "client" },
              "503": { description: "down", headers: retryAfter },
              "5XX": { description: "failed" },
              default: { description: "anything" },
            },
          },
        },
      }),
    );
    expect(facts.operations[0].statuses).toEqual([
      { status: 200, declaredAs: "200", headers: [] },
      ...[400, 401, 403, 404, 429].map((status) => ({ status, declaredAs: "4XX", headers: [] })),
      { status: 500, declaredAs: "5XX", headers: [] },
      { status: 502, declaredAs: "5XX", headers: [] },
      { status: 503, declaredAs: "503", headers: ["Retry-After"] },
      { status: 504, declaredAs: "5XX", headers: [] },
    ]);
  });

  it("refuses an inconsistent spec, naming each problem", () => {
    const broken = doc({
      "/a/{id}/": { get: { operationId: "getA", responses: ok({ type: "object" }) } },
      "/b/": { get: { operationId: "getA", responses: ok({ type: "object" }) } },
      "/c/": { get: { responses: ok({ type: "object" }) } },
    });
    expect(() => deriveFacts(broken)).toThrow(
      /GET \/a\/\{id\}\/: path parameter \{id\} is not declared[\s\S]*GET \/c\/ has no operationId[\s\S]*operationId getA is used twice/,
    );
    expect(() =>
      deriveFacts(
        doc({
          "/d/": {
            get: { operationId: "getD", responses: ok({ $ref: "#/components/schemas/Nope" }) },
          },
        }),
      ),
    ).toThrow("unresolved reference: #/components/schemas/Nope");
  });
});

describe("the bundle's facts", () => {
  it("are the facts of the bundled document, with its fingerprint", () => {
    const written = JSON.parse(
      readFileSync(bundlePath.replace("openapi.json", "operations.json"), "utf8"),
    );
    const fingerprint = JSON.parse(
      readFileSync(bundlePath.replace("openapi.json", "fingerprint.json"), "utf8"),
    );
    expect(written).toEqual({
      specVersion: fingerprint.version,
      specSha256: fingerprint.sha256,
      ...deriveFacts(loadBundle()),
    });
  });
});
