// Makes the docs-only copy of the bundled spec that Redoc renders. The bundled spec stays the
// single source of truth; this copy only changes presentation: the code samples of each
// operation, the guide pages as sidebar sections, a role badge per operation, the spec's
// fingerprint, and workarounds for how Redoc shows `anyOf` parameters and properties (their own
// description, their default).

import { markProvenance } from "@community-api/spec/provenance";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * @typedef {import("./samples.mjs").CodeSample} CodeSample
 * @typedef {import("./guides.mjs").Guide} Guide
 * @typedef {{ version: string, sha256: string }} Fingerprint
 * @typedef {{ resource: string, roles: string[] }} RequiredRoles
 * @typedef {{ operationId: string, summary?: string, tags?: string[], "x-required-roles"?: RequiredRoles, [key: string]: unknown }} Operation
 * @typedef {{ $ref?: string, description?: string, anyOf?: Schema[], oneOf?: Schema[], [key: string]: unknown }} Schema
 * @typedef {{ name: string, in: string, $ref?: string, description?: string, schema?: Schema, [key: string]: unknown }} Parameter
 * @typedef {{ info: { version: string, description?: string, [key: string]: unknown }, tags?: { name: string, [key: string]: unknown }[], paths: Record<string, Record<string, unknown>>, components?: { parameters?: Record<string, Parameter>, schemas?: Record<string, Schema> }, [key: string]: unknown }} OpenApiDocument
 */

/**
 * Follows a local `$ref` (`#/components/schemas/X`) to the schema it names.
 * @param {OpenApiDocument} doc
 * @param {Schema} schema
 * @returns {Schema}
 */
function deref(doc, schema) {
  let current = schema;
  while (typeof current.$ref === "string") {
    const name = current.$ref.replace("#/components/schemas/", "");
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`cannot resolve ${current.$ref}`);
    current = target;
  }
  return current;
}

/**
 * `schema` with its `anyOf`/`oneOf` options inlined without their descriptions (titles, enums,
 * enum meanings and patterns stay), or undefined when it has no options.
 * @param {OpenApiDocument} doc
 * @param {Schema} schema
 * @returns {Schema | undefined}
 */
function withUndescribedOptions(doc, schema) {
  const key = schema.anyOf ? "anyOf" : schema.oneOf ? "oneOf" : undefined;
  if (!key) return undefined;
  return {
    ...structuredClone(schema),
    [key]: (schema[key] ?? []).map((option) => {
      const { description: _dropped, ...kept } = structuredClone(deref(doc, option));
      return kept;
    }),
  };
}

/**
 * Redoc shows the description of an `anyOf`/`oneOf` parameter's selected option instead of
 * the parameter's own (for `statuses`, JoinStatus's list of meanings replaced the wire-format
 * table). It falls back to the parameter's description when the option has none, so the options
 * are inlined here without their descriptions.
 * @param {OpenApiDocument} doc
 * @param {Parameter} parameter
 */
function showOwnDescription(doc, parameter) {
  if (!parameter.description || !parameter.schema) return;
  const schema = deref(doc, parameter.schema);
  const inlined = withUndescribedOptions(doc, schema);
  if (!inlined) return;
  const { description: _unused, ...rest } = inlined;
  parameter.schema = rest;
  // Redoc shows no "Default" for an `anyOf`/`oneOf` schema, so the spec's structured default
  // (the `statuses` default) is written out under the description, as Redoc does for others.
  if (schema.default !== undefined) {
    parameter.description = `${parameter.description.trimEnd()}\n\nDefault: \`${String(schema.default)}\``;
  }
}

/**
 * The same for the properties of the component schemas: a property's own description (e.g.
 * `join_status`'s "(inferred: required) …") instead of its selected option's (JoinStatus's).
 * @param {OpenApiDocument} doc
 */
function showOwnPropertyDescriptions(doc) {
  /** @param {Schema | undefined} node */
  const visit = (node) => {
    if (!node || typeof node !== "object") return;
    const properties = /** @type {Record<string, Schema> | undefined} */ (node.properties);
    for (const [name, property] of Object.entries(properties ?? {})) {
      const inlined = property.description ? withUndescribedOptions(doc, property) : undefined;
      if (inlined && properties) properties[name] = inlined;
      visit(property);
    }
    for (const part of /** @type {Schema[]} */ (node.allOf ?? [])) visit(part);
    visit(/** @type {Schema | undefined} */ (node.items));
  };
  for (const schema of Object.values(doc.components?.schemas ?? {})) visit(schema);
}

/**
 * `markdown` with each paragraph's soft line breaks turned into spaces. They render as spaces
 * anyway, but Redoc's search index drops them, gluing the words around them ("through`next`"
 * became "throughnext" in a snippet). Code blocks, tables, lists, headings and blank lines are
 * left as they are; a list item's continuation lines join the item.
 * @param {string} markdown
 * @returns {string}
 */
export function unwrapParagraphs(markdown) {
  /** @type {string[]} */
  const out = [];
  let fenced = false;
  let joinable = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const block =
      fenced ||
      /^\s*(```|~~~)/.test(line) ||
      line.trim() === "" ||
      /^\s*(\||#|>|<|---|- |\* |\d+\. )/.test(line) ||
      /^ {4}/.test(line);
    if (!block && joinable && out.length > 0) {
      out[out.length - 1] = `${out[out.length - 1]} ${line.trim()}`;
    } else {
      out.push(line);
    }
    // A list item or a paragraph line may take the next line; a code, table or heading line not.
    joinable = !fenced && line.trim() !== "" && !/^\s*(```|~~~|\||#|<|---)/.test(line);
  }
  return out.join("\n");
}

/**
 * Unwraps (see {@link unwrapParagraphs}) every description of the document, examples aside.
 * @param {unknown} node
 */
function unwrapDescriptions(node) {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const item of node) unwrapDescriptions(item);
    return;
  }
  const item = /** @type {Record<string, unknown>} */ (node);
  for (const [key, value] of Object.entries(item)) {
    if (key === "description" && typeof value === "string") item[key] = unwrapParagraphs(value);
    else if (key !== "examples" && key !== "example") unwrapDescriptions(value);
  }
}

/**
 * Every operation of the document with its path and method.
 * @param {OpenApiDocument} doc
 * @returns {{ path: string, method: string, operation: Operation }[]}
 */
export function listOperations(doc) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method] !== undefined).map((method) => ({
      path,
      method,
      operation: /** @type {Operation} */ (item[method]),
    })),
  );
}

/**
 * @param {OpenApiDocument} spec the bundled spec (left untouched)
 * @param {{ samples: Map<string, CodeSample[]>, guides: Guide[], fingerprint: Fingerprint }} parts
 * @returns {OpenApiDocument} a decorated deep copy
 */
export function decorateSpec(spec, { samples, guides, fingerprint }) {
  const doc = structuredClone(spec);
  markProvenance(doc);

  for (const { operation } of listOperations(doc)) {
    const operationSamples = samples.get(operation.operationId);
    if (!operationSamples) throw new Error(`no code samples for ${operation.operationId}`);
    operation["x-codeSamples"] = operationSamples;
    const required = operation["x-required-roles"];
    if (required) {
      // Redoc does not render unknown extensions; a badge puts the role next to the title.
      operation["x-badges"] = [
        { name: `Role: ${required.resource} ${required.roles.join(" / ")}`, position: "after" },
      ];
    }
  }

  const inlineParameters = listOperations(doc).flatMap(({ operation }) =>
    /** @type {Parameter[]} */ (operation.parameters ?? []).filter((parameter) => !parameter.$ref),
  );
  for (const parameter of [
    ...Object.values(doc.components?.parameters ?? {}),
    ...inlineParameters,
  ]) {
    showOwnDescription(doc, parameter);
  }

  showOwnPropertyDescriptions(doc);

  // Guides become tags without operations, grouped before the API's own tags.
  const apiTags = (doc.tags ?? []).map((tag) => tag.name);
  const clash = guides.find((guide) => apiTags.includes(guide.title));
  if (clash) throw new Error(`guide "${clash.title}" (${clash.file}) has the name of an API tag`);
  doc.tags = [
    ...guides.map((guide) => ({ name: guide.title, description: guide.body })),
    ...(doc.tags ?? []),
  ];
  doc["x-tagGroups"] = [
    { name: "Guides", tags: guides.map((guide) => guide.title) },
    { name: "Reference", tags: apiTags },
  ];

  doc.info.description = [
    (doc.info.description ?? "").trimEnd(),
    "---",
    `Built from spec version **${fingerprint.version}**, SHA-256 \`${fingerprint.sha256}\`.`,
  ].join("\n\n");
  unwrapDescriptions(doc);
  return doc;
}
