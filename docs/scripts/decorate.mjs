// Makes the docs-only copy of the bundled spec that Redoc renders. The bundled spec stays the
// single source of truth; this copy only adds presentation: the code samples of each operation,
// the guide pages as sidebar sections, a role badge per operation and the spec's fingerprint.

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * @typedef {import("./samples.mjs").CodeSample} CodeSample
 * @typedef {import("./guides.mjs").Guide} Guide
 * @typedef {{ version: string, sha256: string }} Fingerprint
 * @typedef {{ resource: string, roles: string[] }} RequiredRoles
 * @typedef {{ operationId: string, summary?: string, tags?: string[], "x-required-roles"?: RequiredRoles, [key: string]: unknown }} Operation
 * @typedef {{ info: { version: string, description?: string, [key: string]: unknown }, tags?: { name: string, [key: string]: unknown }[], paths: Record<string, Record<string, unknown>>, [key: string]: unknown }} OpenApiDocument
 */

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
  return doc;
}
