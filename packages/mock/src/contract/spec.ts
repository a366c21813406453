// The OpenAPI document as a judge of single exchanges: which operation a request names, whether
// its parameters and credentials are ones the spec accepts, and whether an answer's status,
// headers and body are ones the spec declares for that operation. Schemas are validated with
// Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1) with formats checked; the whole document
// is added to Ajv once, so `$ref`s between components resolve as they do in the spec.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import formatsModule, { type FormatsPlugin } from "ajv-formats";

// ajv-formats is CommonJS: under Node's ESM its default import is `module.exports` (the plugin,
// which also carries itself as `.default`); bundlers give the plugin itself.
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ??
  formatsModule) as unknown as FormatsPlugin;

/** One finding, in the shape Prism reports them (`sl-violations`) in the realistic HTTP mock. */
export interface ContractViolation {
  /** Where: `["request", "query", "limit"]`, `["response", "body", "results", "0", "avatar"]`, … */
  readonly location: readonly string[];
  readonly severity: "Error";
  readonly message: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = { readonly [key: string]: Json };

/** The `$id` under which Ajv knows the document (never fetched). */
const SPEC_ID = "urn:community-api:openapi.json";
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

const isNode = (value: Json | undefined): value is Node =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const escapeKey = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");
const child = (pointer: string, key: string) => `${pointer}/${escapeKey(key)}`;

/** A matched operation: its pointer in the document and the values of its path parameters. */
export interface MatchedOperation {
  readonly pointer: string;
  readonly method: string;
  readonly path: string;
  readonly pathValues: ReadonlyMap<string, string>;
}

interface Route {
  readonly path: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

export class SpecJudge {
  readonly #doc: Node;
  readonly #ajv: Ajv2020;
  readonly #validators = new Map<string, ValidateFunction>();
  readonly #routes: readonly Route[];

  constructor(doc: object) {
    this.#doc = doc as Node;
    // strict: false, the document carries OpenAPI keywords (`x-…`, `example`) that are not JSON
    // Schema; allErrors: a breach report names every violation, not the first.
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.#ajv);
    this.#ajv.addSchema({ ...this.#doc, $id: SPEC_ID });
    const paths = isNode(this.#doc.paths) ? Object.keys(this.#doc.paths) : [];
    this.#routes = paths
      .map((path) => {
        const names: string[] = [];
        const source = path
          .split(/(\{[^}]+\})/)
          .map((part) => {
            if (!/^\{[^}]+\}$/.test(part)) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
            names.push(part.slice(1, -1));
            // A path parameter is one segment; its schema judges the value afterwards.
            return "([^/]+)";
          })
          .join("");
        return { path, pattern: new RegExp(`^${source}$`), names };
      })
      // A concrete path wins over a template that also matches it (OpenAPI's rule).
      .sort((a, b) => a.names.length - b.names.length);
  }

  /** The node at a JSON pointer, or undefined. */
  #node(pointer: string): Json | undefined {
    let current: Json | undefined = this.#doc;
    for (const raw of pointer.split("/").slice(1)) {
      const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      if (Array.isArray(current)) current = current[Number(key)];
      else if (isNode(current)) current = current[key];
      else return undefined;
    }
    return current;
  }

  /** Follows `$ref`s from a pointer to the object it stands for. */
  #resolve(pointer: string): { pointer: string; node: Node } | undefined {
    let at = pointer;
    for (let hops = 0; hops < 32; hops++) {
      const node = this.#node(at);
      if (!isNode(node)) return undefined;
      if (typeof node.$ref !== "string" || !node.$ref.startsWith("#")) return { pointer: at, node };
      at = node.$ref.slice(1);
    }
    return undefined;
  }

  #validate(schemaPointer: string, value: unknown, location: readonly string[]) {
    let validate = this.#validators.get(schemaPointer);
    if (!validate) {
      const fragment = schemaPointer.split("/").map(encodeURIComponent).join("/");
      validate = this.#ajv.getSchema(`${SPEC_ID}#${fragment}`);
      if (!validate) throw new Error(`the spec has no schema at ${schemaPointer}`);
      this.#validators.set(schemaPointer, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => violation(location, error));
  }

  /** The operation a request names, or undefined when the spec defines none. */
  operation(method: string, pathname: string): MatchedOperation | undefined {
    for (const route of this.#routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      const item = this.#resolve(child("/paths", route.path));
      if (!item) continue;
      // HEAD is GET without the body (the HTTP mock also asks Prism for GET).
      let verb = method.toLowerCase();
      if (verb === "head" && !isNode(item.node.head)) verb = "get";
      if (!METHODS.includes(verb) || !isNode(item.node[verb])) continue;
      const pathValues = new Map(route.names.map((name, i) => [name, decode(m[i + 1] ?? "")]));
      return { pointer: child(item.pointer, verb), method: verb, path: route.path, pathValues };
    }
    return undefined;
  }

  /** The operation's parameters (path-level ones overridden by operation-level ones). */
  #parameters(operation: MatchedOperation): { pointer: string; node: Node }[] {
    const found = new Map<string, { pointer: string; node: Node }>();
    const itemPointer = child("/paths", operation.path);
    for (const owner of [itemPointer, operation.pointer]) {
      const list = this.#node(`${owner}/parameters`);
      if (!Array.isArray(list)) continue;
      list.forEach((_, i) => {
        const parameter = this.#resolve(`${owner}/parameters/${i}`);
        if (parameter) found.set(`${parameter.node.in}:${parameter.node.name}`, parameter);
      });
    }
    return [...found.values()];
  }

  /**
   * What the spec rejects in a request: a path or query parameter its schema does not accept, a
   * required one missing, or no credentials for a secured operation. An empty query value counts
   * as absent, as Prism reads it.
   */
  checkRequest(operation: MatchedOperation, url: URL, headers: Headers): ContractViolation[] {
    const out: ContractViolation[] = [];
    for (const { pointer, node } of this.#parameters(operation)) {
      const name = String(node.name);
      const where = String(node.in);
      let raw: string[];
      if (where === "path") raw = [operation.pathValues.get(name) ?? ""];
      else if (where === "query") raw = url.searchParams.getAll(name).filter((v) => v !== "");
      else continue;
      const location = ["request", where, name];
      if (raw.length === 0) {
        if (node.required === true) out.push(error(location, "is required"));
        continue;
      }
      const schema = this.#resolve(`${pointer}/schema`);
      if (!schema) continue;
      const types = [schema.node.type].flat();
      if (raw.length > 1 && !types.includes("array")) {
        out.push(error(location, "must be sent once"));
        continue;
      }
      const value = types.includes("array") ? raw : coerce(raw[0] ?? "", types);
      out.push(...this.#validate(`${pointer}/schema`, value, location));
    }
    if (!this.#credentialsMet(operation, headers, url)) {
      out.push(error(["request", "headers", "authorization"], "no credentials the spec accepts"));
    }
    return out;
  }

  /** Whether one of the operation's security requirements (or the document's) is met. */
  #credentialsMet(operation: MatchedOperation, headers: Headers, url: URL): boolean {
    const own = this.#node(`${operation.pointer}/security`);
    const requirements = Array.isArray(own) ? own : this.#node("/security");
    if (!Array.isArray(requirements) || requirements.length === 0) return true;
    const authorization = headers.get("authorization") ?? "";
    return requirements.some(
      (requirement) =>
        isNode(requirement) &&
        Object.keys(requirement).every((name) => {
          const scheme = this.#resolve(child("/components/securitySchemes", name))?.node;
          if (!scheme) return false;
          if (scheme.type === "apiKey") {
            const key = String(scheme.name);
            if (scheme.in === "header") return headers.has(key);
            if (scheme.in === "query") return url.searchParams.has(key);
            return true;
          }
          const kind = scheme.type === "http" ? String(scheme.scheme).toLowerCase() : "bearer"; // oauth2, openIdConnect
          return new RegExp(`^${kind}\\s+\\S`, "i").test(authorization);
        }),
    );
  }

  /**
   * What the spec rejects in an answer to the operation: a status it does not declare, a media
   * type it does not list, a body its schema rejects, a declared header missing or malformed.
   */
  checkResponse(
    operation: MatchedOperation,
    status: number,
    headers: Headers,
    body: string,
  ): ContractViolation[] {
    const responses = `${operation.pointer}/responses`;
    const key = [String(status), `${String(status)[0]}XX`, "default"].find((k) =>
      isNode(this.#node(child(responses, k))),
    );
    if (key === undefined) {
      return [error(["response", "status"], `the spec declares no ${status} for this operation`)];
    }
    const response = this.#resolve(child(responses, key));
    if (!response) return [];
    const out: ContractViolation[] = [];
    if (isNode(response.node.headers)) {
      for (const name of Object.keys(response.node.headers)) {
        if (name.toLowerCase() === "content-type") continue;
        const header = this.#resolve(child(`${response.pointer}/headers`, name));
        if (!header) continue;
        const location = ["response", "headers", name.toLowerCase()];
        const value = headers.get(name);
        if (value === null) {
          if (header.node.required === true) out.push(error(location, "is required"));
          continue;
        }
        const schema = this.#resolve(`${header.pointer}/schema`);
        if (schema) {
          const types = [schema.node.type].flat();
          out.push(...this.#validate(`${header.pointer}/schema`, coerce(value, types), location));
        }
      }
    }
    const content = response.node.content;
    if (!isNode(content) || Object.keys(content).length === 0) return out;
    const mediaType = (headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    const declared = Object.keys(content).find((range) => mediaMatches(range, mediaType));
    if (declared === undefined) {
      out.push(
        error(
          ["response", "headers", "content-type"],
          `must be one of ${Object.keys(content).join(", ")}`,
        ),
      );
      return out;
    }
    const schema = `${child(`${response.pointer}/content`, declared)}/schema`;
    if (this.#node(schema) === undefined || !/[/+]json$/.test(mediaType)) return out;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      out.push(error(["response", "body"], "must be JSON"));
      return out;
    }
    out.push(...this.#validate(schema, parsed, ["response", "body"]));
    return out;
  }
}

function error(location: readonly string[], message: string): ContractViolation {
  return { location, severity: "Error", message };
}

function violation(location: readonly string[], e: ErrorObject): ContractViolation {
  const path = e.instancePath
    .split("/")
    .slice(1)
    .map((key) => key.replace(/~1/g, "/").replace(/~0/g, "~"));
  const detail = e.keyword === "enum" ? ` (${JSON.stringify(e.params.allowedValues)})` : "";
  return error([...location, ...path], `${e.message ?? e.keyword}${detail}`);
}

/** A parameter's text as the JSON value its schema's type names (`"20"` -> `20`). */
function coerce(text: string, types: readonly (Json | undefined)[]): unknown {
  if ((types.includes("integer") || types.includes("number")) && isJsonNumber(text)) {
    return Number(text);
  }
  if (types.includes("boolean") && (text === "true" || text === "false")) return text === "true";
  return text;
}

const isJsonNumber = (text: string) =>
  /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(text);

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Whether a media type matches a declared one or range (`application/json`, `*\/*`). */
function mediaMatches(range: string, mediaType: string): boolean {
  const [type, subtype] = range.toLowerCase().split(";")[0]?.trim().split("/") ?? [];
  const [actualType, actualSubtype] = mediaType.split("/");
  return (type === "*" || type === actualType) && (subtype === "*" || subtype === actualSubtype);
}
