// Reads from the bundled spec what the page must show for each operation, so the browser test
// follows the spec instead of a hand-copied list.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

type Json = Record<string, unknown>;

const specFile = require.resolve("@community-api/spec/openapi.json");

export const spec = JSON.parse(readFileSync(specFile, "utf8")) as Json & {
  paths: Record<string, Record<string, Json>>;
};

export const specFingerprint = JSON.parse(
  readFileSync(join(dirname(specFile), "fingerprint.json"), "utf8"),
) as { version: string; sha256: string };

/** Follows a local `$ref` (`#/components/...`). */
function deref(node: unknown): Json {
  let current = node as Json;
  while (typeof current?.$ref === "string") {
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce<Json>((parent, key) => parent[key] as Json, spec);
  }
  return current;
}

/** Properties of an object schema, with `allOf` parts merged in. */
function propertiesOf(schema: unknown): Record<string, Json> {
  const resolved = deref(schema);
  const own = (resolved.properties ?? {}) as Record<string, Json>;
  const parts = ((resolved.allOf ?? []) as unknown[]).map(propertiesOf);
  return Object.assign({}, ...parts, own);
}

/** Every enum value reachable from a schema (through `$ref`, `anyOf`, `oneOf`, `items`). */
function enumValues(schema: unknown): unknown[] {
  const resolved = deref(schema);
  const nested = [
    ...((resolved.anyOf ?? []) as unknown[]),
    ...((resolved.oneOf ?? []) as unknown[]),
    ...(resolved.items ? [resolved.items] : []),
  ];
  return [...((resolved.enum ?? []) as unknown[]), ...nested.flatMap(enumValues)];
}

/** Whether a description marks an inference (the spec's convention: it starts with it). */
const isInferred = (description: unknown) =>
  typeof description === "string" && description.startsWith("(inferred");

/** The description of a schema (or of what its `$ref` names, when it has none itself). */
const descriptionOf = (schema: unknown) =>
  ((schema as Json)?.description ?? deref(schema).description) as string | undefined;

/** Whether an object schema (or one of its `allOf` parts) allows additional properties. */
function allowsMore(schema: unknown): boolean {
  const resolved = deref(schema);
  return (
    resolved.additionalProperties === true || ((resolved.allOf ?? []) as unknown[]).some(allowsMore)
  );
}

export interface ExpectedOperation {
  operationId: string;
  summary: string;
  path: string;
  tag: string;
  /** Redoc's route and element-id prefix: `<tag>/<operationid>`, lower-cased. */
  slug: string;
  roles: string;
  /**
   * `values`: enum values and the default; `default`: the default alone; `meanings`: the
   * `x-enumDescriptions` texts; `inferred`: the description marks an inference.
   */
  parameters: {
    name: string;
    in: string;
    values: string[];
    default?: string;
    meanings: string[];
    inferred: boolean;
  }[];
  /** The 200 response's description. */
  okDescription: string;
  /** Fields of the 200 body, and of its `results` items. */
  fields: string[];
  itemFields: string[];
  /** Whether an item may carry fields beyond `itemFields` (Redoc then shows "property name*"). */
  itemOpen: boolean;
  /** Fields of the body and of its items whose description marks an inference. */
  inferredFields: string[];
}

export const operations: ExpectedOperation[] = Object.entries(spec.paths).map(([path, item]) => {
  const operation = item.get as Json & {
    operationId: string;
    summary: string;
    tags: string[];
    parameters: unknown[];
    responses: Record<string, Json>;
    "x-required-roles": { resource: string; roles: string[] };
  };
  const tag = operation.tags[0] ?? "";
  const body = deref(operation.responses["200"]).content as Record<string, Json>;
  const fields = propertiesOf(body["application/json"]?.schema);
  const items = propertiesOf(fields.results?.items);
  const roles = operation["x-required-roles"];
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    path,
    tag,
    slug: `${tag}/${operation.operationId}`.toLowerCase(),
    roles: `Role: ${roles.resource} ${roles.roles.join(" / ")}`,
    parameters: operation.parameters.map((parameter) => {
      const resolved = deref(parameter) as Json & { name: string; in: string; schema: Json };
      const schema = deref(resolved.schema);
      const values = [
        ...enumValues(schema),
        ...(schema.default === undefined ? [] : [schema.default]),
      ];
      const meanings = Object.values(
        (schema["x-enumDescriptions"] ?? {}) as Record<string, string>,
      );
      return {
        name: resolved.name,
        in: resolved.in,
        values: values.map(String),
        ...(schema.default !== undefined && { default: String(schema.default) }),
        meanings,
        inferred: isInferred(resolved.description),
      };
    }),
    okDescription: String(deref(operation.responses["200"]).description),
    fields: Object.keys(fields),
    itemFields: Object.keys(items),
    itemOpen: allowsMore(fields.results?.items),
    inferredFields: [
      ...Object.entries(fields)
        .filter(([, schema]) => isInferred(descriptionOf(schema)))
        .map(([name]) => name),
      ...Object.entries(items)
        .filter(([, schema]) => isInferred(descriptionOf(schema)))
        .map(([name]) => `results[]/${name}`),
    ],
  };
});
