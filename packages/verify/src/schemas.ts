// The bundled spec as a set of JSON Schemas: every schema is addressed by its JSON pointer in the
// document, validated by Ajv (JSON Schema 2020-12, formats on) and described in words for the
// report. The whole document is added to Ajv once, so `$ref`s between components resolve as
// they do in the spec.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import formatsModule, { type FormatsPlugin } from "ajv-formats";
import { readSource, type Source } from "./provenance.js";

// ajv-formats is CommonJS: under Node's ESM its default import is `module.exports` (the plugin,
// which also carries itself as `.default`), typed by TypeScript as the module namespace.
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ??
  formatsModule) as unknown as FormatsPlugin;

/** The `$id` under which the document is known to Ajv (never fetched). */
const SPEC_ID = "urn:community-api:openapi.json";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = { [key: string]: Json };

/** A JSON pointer's segments, unescaped. */
const segments = (pointer: string): string[] =>
  pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((key) => key.replace(/~1/g, "/").replace(/~0/g, "~"));

/** Appends one key to a JSON pointer. */
export const child = (pointer: string, key: string | number): string =>
  `${pointer}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;

/** The JSON type of a value, as JSON Schema names it (`integer` for whole numbers). */
export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Whether a value's JSON type is one of `types` (`number` admits integers). */
export const typeFits = (types: ReadonlySet<string>, value: unknown): boolean =>
  types.has(jsonType(value)) || (jsonType(value) === "integer" && types.has("number"));

/** The bundled spec's schemas: resolution, validation and description. */
export class SpecSchemas {
  readonly #doc: Node;
  readonly #ajv: Ajv2020;
  readonly #validators = new Map<string, ValidateFunction>();
  /** Nearest `x-source` per pointer: pointers are the spec's own, so this is bounded by its size. */
  readonly #sources = new Map<string, Source | null>();

  constructor(doc: Record<string, unknown>) {
    this.#doc = doc as Node;
    // strict: false, the document carries OpenAPI keywords (`x-…`, `example`) that are not JSON
    // Schema; allErrors: each keyword's verdict is needed to name what failed.
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.#ajv);
    this.#ajv.addSchema({ ...this.#doc, $id: SPEC_ID });
  }

  /** The node at a pointer, or undefined. */
  node(pointer: string): Node | undefined {
    let current: Json | undefined = this.#doc;
    for (const key of segments(pointer)) {
      if (current === null || typeof current !== "object") return undefined;
      current = Array.isArray(current) ? current[Number(key)] : current[key];
    }
    return isObject(current) ? (current as Node) : undefined;
  }

  /** Follows `$ref`s from a pointer to the node it stands for; returns that node's pointer. */
  resolve(pointer: string): { pointer: string; node: Node } {
    let at = pointer;
    for (let hops = 0; hops < 32; hops++) {
      const node = this.node(at);
      if (!node) throw new Error(`the spec has nothing at ${at}`);
      if (typeof node.$ref !== "string") return { pointer: at, node };
      if (!node.$ref.startsWith("#")) throw new Error(`only local references: ${node.$ref}`);
      at = node.$ref.slice(1);
    }
    throw new Error(`circular reference at ${pointer}`);
  }

  /** The Ajv validator of the schema at a pointer (compiled once). */
  validator(pointer: string): ValidateFunction {
    const target = this.resolve(pointer).pointer;
    let validate = this.#validators.get(target);
    if (!validate) {
      const fragment = segments(target)
        .map((key) => encodeURIComponent(key.replace(/~/g, "~0").replace(/\//g, "~1")))
        .join("/");
      validate = this.#ajv.getSchema(`${SPEC_ID}#/${fragment}`);
      if (!validate) throw new Error(`Ajv cannot compile the schema at ${target}`);
      this.#validators.set(target, validate);
    }
    return validate;
  }

  /** Whether a value is valid against the schema at a pointer. */
  valid(pointer: string, value: unknown): boolean {
    return this.validator(pointer)(value) === true;
  }

  /** Ajv's keyword failures at the top of the value (not inside it) for the schema at a pointer. */
  topFailures(pointer: string, value: unknown): { keyword: string; message: string }[] {
    const validate = this.validator(pointer);
    if (validate(value)) return [];
    return (validate.errors ?? [])
      .filter((error) => error.instancePath === "")
      .map((error) => ({ keyword: error.keyword, message: error.message ?? error.keyword }));
  }

  /** The pointers of the `allOf` parts of a schema (resolved). */
  allOf(pointer: string): string[] {
    const { pointer: at, node } = this.resolve(pointer);
    return Array.isArray(node.allOf) ? node.allOf.map((_, i) => child(child(at, "allOf"), i)) : [];
  }

  /** The pointers of the `anyOf`/`oneOf` branches of a schema (resolved). */
  branches(pointer: string): string[] {
    const { pointer: at, node } = this.resolve(pointer);
    const out: string[] = [];
    for (const key of ["anyOf", "oneOf"] as const) {
      const list = node[key];
      if (Array.isArray(list)) out.push(...list.map((_, i) => child(child(at, key), i)));
    }
    return out;
  }

  /** The properties an object schema describes, `allOf` parts merged (own ones win): name -> pointer. */
  properties(pointer: string): Map<string, string> {
    const { pointer: at, node } = this.resolve(pointer);
    const out = new Map<string, string>();
    for (const part of this.allOf(at)) for (const [k, v] of this.properties(part)) out.set(k, v);
    if (isObject(node.properties)) {
      for (const key of Object.keys(node.properties))
        out.set(key, child(child(at, "properties"), key));
    }
    return out;
  }

  /** The properties an object schema requires, `allOf` parts merged. */
  required(pointer: string): Set<string> {
    const { node } = this.resolve(pointer);
    const out = new Set<string>(
      Array.isArray(node.required) ? node.required.filter((k) => typeof k === "string") : [],
    );
    for (const part of this.allOf(pointer)) for (const key of this.required(part)) out.add(key);
    return out;
  }

  /** Whether an object schema (or one of its `allOf` parts) forbids undescribed properties. */
  closed(pointer: string): boolean {
    const { node } = this.resolve(pointer);
    return node.additionalProperties === false || this.allOf(pointer).some((p) => this.closed(p));
  }

  /** The `items` schema of an array schema, or null. */
  items(pointer: string): string | null {
    const { pointer: at, node } = this.resolve(pointer);
    return isObject(node.items) ? child(at, "items") : null;
  }

  /** The JSON types a schema admits (through `type`, `enum`, `const`, branches and `allOf`). */
  types(pointer: string): Set<string> {
    const { node } = this.resolve(pointer);
    const own = new Set<string>();
    if (typeof node.type === "string") own.add(node.type);
    if (Array.isArray(node.type)) for (const t of node.type) own.add(String(t));
    if (own.size === 0 && Array.isArray(node.enum)) for (const v of node.enum) own.add(jsonType(v));
    if (own.size === 0 && "const" in node) own.add(jsonType(node.const));
    const branches = this.branches(pointer);
    if (own.size === 0 && branches.length > 0) {
      for (const branch of branches) for (const t of this.types(branch)) own.add(t);
    }
    if (own.size === 0) {
      for (const part of this.allOf(pointer)) for (const t of this.types(part)) own.add(t);
    }
    if (own.size === 0) {
      for (const t of ["null", "boolean", "object", "array", "number", "string"]) own.add(t);
    }
    if (own.has("number")) own.add("integer");
    return own;
  }

  /** Whether the values at this schema are codes from a list (an enum), safe to show as is. */
  coded(pointer: string): boolean {
    const { node } = this.resolve(pointer);
    return (
      Array.isArray(node.enum) ||
      "const" in node ||
      this.branches(pointer).some((branch) => this.coded(branch))
    );
  }

  /** Whether the schema constrains a string's form (`format`, `pattern`). */
  shaped(pointer: string): boolean {
    const { node } = this.resolve(pointer);
    return (
      typeof node.format === "string" ||
      typeof node.pattern === "string" ||
      this.branches(pointer).some((branch) => this.shaped(branch))
    );
  }

  /**
   * Where the spec takes the node at a pointer from: the `x-source` of the nearest node that has
   * one, looking at the node, the node a `$ref` there stands for, then each enclosing node (a
   * property's schema, the response that holds a body schema), or null.
   */
  source(pointer: string): Source | null {
    const cached = this.#sources.get(pointer);
    if (cached !== undefined) return cached;
    const node = this.node(pointer);
    let found = readSource(node, pointer);
    if (!found && typeof node?.$ref === "string" && node.$ref.startsWith("#")) {
      try {
        const target = this.resolve(pointer);
        found = readSource(target.node, target.pointer);
      } catch {
        // A reference that leads nowhere marks nothing.
      }
    }
    if (!found && pointer !== "") found = this.source(pointer.slice(0, pointer.lastIndexOf("/")));
    this.#sources.set(pointer, found);
    return found;
  }

  /** The component name of a schema reached through `#/components/schemas/<Name>`, or null. */
  name(pointer: string): string | null {
    const node = this.node(pointer);
    const target = typeof node?.$ref === "string" ? node.$ref.slice(1) : pointer;
    const match = /^\/components\/schemas\/([^/]+)$/.exec(target);
    return match?.[1] ?? null;
  }

  /** What the spec says a value at this schema is, in a few words. */
  describe(pointer: string, depth = 0): string {
    const { pointer: at, node } = this.resolve(pointer);
    const name = this.name(pointer);
    const branches = this.branches(at);
    if (branches.length > 0) {
      // A union of enums and null (e.g. a JoinStatus or null) reads as one list of values.
      const nodes = branches.map((branch) => this.resolve(branch).node);
      if (nodes.every((n) => Array.isArray(n.enum) || n.type === "null")) {
        const values = nodes.flatMap((n) => (Array.isArray(n.enum) ? n.enum : [null]));
        const shown = values.filter((v) => v !== null).map((v) => JSON.stringify(v));
        return `one of ${shown.join(", ")}${values.includes(null) ? ", or null" : ""}`;
      }
      const parts = branches.map((branch) => this.describe(branch, depth + 1));
      const text = parts.length > 1 ? `one of: ${parts.join("; or ")}` : (parts[0] ?? "");
      return name && depth > 0 ? `${name} (${text})` : text;
    }
    if (Array.isArray(node.enum)) {
      const values = node.enum.filter((v) => v !== null).map((v) => JSON.stringify(v));
      const nullable = node.enum.includes(null) || this.types(at).has("null");
      return `${name && depth > 0 ? `${name}: ` : ""}one of ${values.join(", ")}${nullable ? ", or null" : ""}`;
    }
    const types = [...this.types(at)].filter(
      (t) => !(t === "integer" && this.types(at).has("number")),
    );
    const isObjectSchema = types.length === 1 && types[0] === "object";
    if (isObjectSchema || (types.length > 1 && this.properties(at).size > 0)) {
      const required = [...this.required(at)];
      const what = required.length > 0 ? `object with ${required.join(", ")}` : "object";
      return name ? `${name} (${what})` : what;
    }
    const words = types.map((type) => {
      if (type === "array") {
        const items = this.items(at);
        return items && depth < 2 ? `array of ${this.describe(items, depth + 1)}` : "array";
      }
      if (type === "null") return "null";
      const facets: string[] = [];
      if (typeof node.format === "string" && type === "string")
        facets.push(`format ${node.format}`);
      if (typeof node.pattern === "string" && type === "string")
        facets.push(`pattern ${node.pattern}`);
      if (typeof node.maxLength === "number" && type === "string")
        facets.push(`at most ${node.maxLength} chars`);
      if (typeof node.minimum === "number" && type !== "string") facets.push(`>= ${node.minimum}`);
      if (typeof node.maximum === "number" && type !== "string") facets.push(`<= ${node.maximum}`);
      return facets.length > 0 ? `${type} (${facets.join(", ")})` : type;
    });
    const text =
      words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words.at(-1)}` : (words[0] ?? "");
    return name && depth > 0 ? `${name}: ${text}` : text;
  }
}
