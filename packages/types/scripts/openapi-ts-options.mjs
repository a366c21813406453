// The options the types generator passes openapi-typescript, in one place: generate.mjs uses
// them, and the scale benchmark's floor (bench/src/scale-openapi-ts.mjs) runs openapi-typescript
// alone with the same ones.

/** @type {import("openapi-typescript").OpenAPITSOptions} */
export const OPENAPI_TS_OPTIONS = {
  alphabetize: false,
  exportType: false,
  rootTypes: false,
  // A `default` documents what the server assumes; it does not make a response field present.
  defaultNonNullable: false,
};
