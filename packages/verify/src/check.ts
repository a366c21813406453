// Checks one exchange against the operation's declared responses: the status is declared, each
// declared header holds to its schema, the body has a declared media type and holds to its
// schema (Ajv decides; the walk below finds where and says what), list links point back at the
// list, and every property the schema does not describe is reported as undocumented.
import type { OperationFact } from "./facts.js";
import {
  clip,
  type Exposure,
  type NameRule,
  nameRule,
  type Shown,
  show,
  showMediaType,
  showText,
  showUrl,
} from "./mask.js";
import type { Source } from "./provenance.js";
import type { Exchange } from "./record.js";
import { child, jsonType, type SpecSchemas, typeFits } from "./schemas.js";

/**
 * `contradiction`: the answer breaks the spec. `undocumented`: it carries what the spec does not
 * describe. `unchecked`: it could not be checked (`too-large`).
 */
export type Severity = "contradiction" | "undocumented" | "unchecked";

/** Undocumented (or, in a closed schema, additional) property names listed per object; the rest are counted. */
export const MAX_NAMES = 20;

/** Where in the answer an issue sits. */
export type Location = "status" | "header" | "body";

/** One thing one answer got wrong. */
export interface Issue {
  readonly severity: Severity;
  /** `status`, `header`, `content-type`, `not-json`, `empty`, `type`, `enum`, `required`, `no-match`, `format`, ..., `link`, `undocumented`. */
  readonly kind: string;
  readonly location: Location;
  /** JSON pointer into the body (a header's name for `header`). */
  readonly pointer: string;
  /** The same with every array index as `*`: `/results/*\/ext_id`. */
  readonly general: string;
  /** Index of the list item it sits in, or null. */
  readonly item: number | null;
  /** What the spec says should be there. */
  readonly spec: string;
  /** What arrived, masked. */
  readonly actual: Shown;
  /**
   * Where the spec takes what the issue concerns from: the `x-source` of the nearest spec node
   * that has one (the property, its schema, the parameter, the response), or null.
   */
  readonly source: Source | null;
  /** For `undocumented` and `additional`: the property name as sent (to count, never to print). */
  readonly name?: string;
  /** For the names past {@link MAX_NAMES} in one object: those names, as sent (to count, never to print). */
  readonly more?: readonly string[];
}

/** Where the walk puts issues: an array, or a sink that folds each one as it comes. */
interface Out {
  push(issue: Issue): void;
  readonly length: number;
}

/** An {@link Out} that passes each issue on and counts them. */
class Sink implements Out {
  length = 0;
  readonly #emit: (issue: Issue) => void;
  constructor(emit: (issue: Issue) => void) {
    this.#emit = emit;
  }
  push(issue: Issue): void {
    this.length++;
    this.#emit(issue);
  }
}

/** A place in the body: its pointer, and the same with indices as `*`. */
interface Path {
  readonly concrete: string;
  readonly general: string;
}

const ROOT: Path = { concrete: "", general: "" };
/** A server-sent property name enters a pointer under the name rule (see mask.ts). */
const key = (path: Path, name: string, names: NameRule): Path => {
  const shown = names(name);
  return { concrete: child(path.concrete, shown), general: child(path.general, shown) };
};
const index = (path: Path, i: number): Path => ({
  concrete: child(path.concrete, i),
  general: `${path.general}/*`,
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Keywords the walk handles itself; any other failure Ajv reports is passed on by name. */
const WALKED = new Set([
  "type",
  "enum",
  "const",
  "required",
  "properties",
  "items",
  "allOf",
  "anyOf",
  "oneOf",
  "$ref",
  "additionalProperties",
]);

/** Types a schema node declares itself (`type`, or the types of its `enum`), or null. */
function ownTypes(node: Record<string, unknown>): Set<string> | null {
  const types = new Set<string>();
  if (typeof node.type === "string") types.add(node.type);
  if (Array.isArray(node.type)) for (const t of node.type) types.add(String(t));
  if (types.size === 0 && Array.isArray(node.enum))
    for (const v of node.enum) types.add(jsonType(v));
  if (types.has("number")) types.add("integer");
  return types.size > 0 ? types : null;
}

/** What the checker reads of an exchange. */
export type Checked = Pick<Exchange, "status" | "headers" | "url" | "redirect" | "body">;

export class ExchangeChecker {
  readonly #schemas: SpecSchemas;
  readonly #names: NameRule;

  /** `names`: how a server-sent name may be printed (default: the name rule without a token). */
  constructor(schemas: SpecSchemas, names: NameRule = nameRule()) {
    this.#schemas = schemas;
    this.#names = names;
  }

  /** The pointer of an operation in the document: `/paths/<path>/<method>`. */
  operationPointer(operation: OperationFact): string {
    return child(child("/paths", operation.path), operation.method.toLowerCase());
  }

  /** The declared response for a status (exact, then `4XX`-style, then `default`), or null. */
  response(operation: OperationFact, status: number): string | null {
    const responses = child(this.operationPointer(operation), "responses");
    for (const key of [String(status), `${Math.floor(status / 100)}XX`, "default"]) {
      if (this.#schemas.node(child(responses, key))) {
        return this.#schemas.resolve(child(responses, key)).pointer;
      }
    }
    return null;
  }

  /** The JSON schema of a declared response's body, or null. */
  bodySchema(response: string): string | null {
    const content = this.#schemas.node(child(response, "content"));
    if (!content) return null;
    const media = Object.keys(content).find(isJson);
    return media ? child(child(child(response, "content"), media), "schema") : null;
  }

  /** The list property of a page schema (its array property, e.g. `results`), or null. */
  listProperty(pageSchema: string): string | null {
    for (const [name, at] of this.#schemas.properties(pageSchema)) {
      if (this.#schemas.types(at).has("array") && this.#schemas.types(at).size === 1) return name;
    }
    return null;
  }

  /** The provenance of a query parameter of an operation (its `x-source`), or null. */
  parameterSource(operation: OperationFact, name: string): Source | null {
    const at = this.operationPointer(operation);
    // The operation's own parameters, then its path's (OpenAPI lets either hold them).
    for (const list of [
      child(at, "parameters"),
      child(at.slice(0, at.lastIndexOf("/")), "parameters"),
    ]) {
      for (let i = 0; this.#schemas.node(child(list, i)); i++) {
        const { pointer, node } = this.#schemas.resolve(child(list, i));
        if (node.name === name && node.in === "query") return this.#schemas.source(pointer);
      }
    }
    return null;
  }

  /** The provenance of the response the spec declares for a status, or null. */
  responseSource(operation: OperationFact, status: number): Source | null {
    const response = this.response(operation, status);
    return response ? this.#schemas.source(response) : null;
  }

  /**
   * The provenance of a property of the body the spec declares for a status (`next` of a page),
   * else of that response, or null.
   */
  propertySource(operation: OperationFact, status: number, name: string): Source | null {
    const response = this.response(operation, status);
    const schema = response ? this.bodySchema(response) : null;
    const property = schema ? this.#schemas.properties(schema).get(name) : undefined;
    return property ? this.#schemas.source(property) : this.responseSource(operation, status);
  }

  /** Everything wrong with one exchange. */
  check(operation: OperationFact, exchange: Checked): Issue[] {
    const out: Issue[] = [];
    this.walk(operation, exchange, (issue) => out.push(issue));
    return out;
  }

  /**
   * Hands each issue of one exchange to `emit` as it is found (so that a page of 100,000 items
   * is folded, not held), and returns how many list items the answer carried.
   */
  walk(operation: OperationFact, exchange: Checked, emit: (issue: Issue) => void): number {
    const s = this.#schemas;
    const names = this.#names;
    const { body } = exchange;
    const response = this.response(operation, exchange.status);
    // An issue without a nearer mark gets the declared response's (a header, a media type).
    const fallback = response ? s.source(response) : null;
    const out = new Sink((issue) => emit(issue.source ? issue : { ...issue, source: fallback }));
    if (exchange.redirect) {
      out.push(this.#redirect(exchange.status, exchange.url, exchange.redirect));
      return 0;
    }
    if ("tooLarge" in body) {
      out.push({
        ...this.#whole(
          "too-large",
          `a body of at most ${body.tooLarge} bytes (--max-response-size)`,
          {
            type: "too-large",
            value: `more than ${body.tooLarge} bytes (read stopped there, connection closed)`,
          },
        ),
        severity: "unchecked",
      });
      return 0;
    }
    // Cut by the verifier's own time limit: nothing to say about the body.
    if ("error" in body && body.aborted) return 0;
    if (!response) {
      out.push({
        severity: "contradiction",
        kind: "status",
        location: "status",
        pointer: "",
        general: "",
        item: null,
        spec: `one of ${operation.responses.join(", ")}`,
        actual: { type: "status", value: `HTTP ${exchange.status}` },
        source: null,
      });
      return 0;
    }
    this.#checkHeaders(response, exchange.headers, out);

    const content = s.node(child(response, "content"));
    if (!content) return 0;
    const schema = this.bodySchema(response);
    if ("error" in body) {
      out.push(
        this.#whole(
          "body",
          "a complete body",
          { type: "error", value: clip(body.error, 200) },
          schema ? s.source(schema) : null,
        ),
      );
      return 0;
    }
    const ok = exchange.status >= 200 && exchange.status < 300;
    if (body.text === "") {
      // An error may come without a body (the spec's error bodies say clients must cope).
      if (ok)
        out.push(
          this.#whole(
            "empty",
            describeBody(s, schema),
            { type: "empty", value: "an empty body" },
            schema ? s.source(schema) : null,
          ),
        );
      return 0;
    }
    const mediaType = (exchange.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
    const declared = Object.keys(content);
    let parsed: unknown;
    let json = false;
    try {
      parsed = JSON.parse(body.text);
      json = true;
    } catch {}
    if (schema && !json) {
      out.push(
        this.#whole(
          "not-json",
          describeBody(s, schema),
          showText(body.text, mediaType, names),
          schema ? s.source(schema) : null,
        ),
      );
      return 0;
    }
    if (!declared.includes(mediaType.toLowerCase())) {
      out.push({
        severity: "contradiction",
        kind: "content-type",
        location: "header",
        pointer: "content-type",
        general: "content-type",
        item: null,
        spec: declared.join(" or "),
        actual: {
          type: "header",
          value: mediaType ? JSON.stringify(showMediaType(mediaType, names)) : "none",
        },
        source: null,
      });
    }
    if (!schema) return 0;
    const list = operation.list && ok ? this.listProperty(schema) : null;
    // Each issue gets the list item it sits in on its way out.
    const issues = list
      ? new Sink((issue) => out.push({ ...issue, item: itemOf(issue, list) }))
      : out;
    checkValue(s, names, schema, parsed, ROOT, issues);
    findUndocumented(s, names, schema, parsed, ROOT, issues);
    if (list && isObject(parsed)) this.#checkLinks(schema, parsed, exchange.url, issues);
    const items = list && isObject(parsed) ? parsed[list] : undefined;
    return Array.isArray(items) ? items.length : 0;
  }

  /** Each declared header present holds to its schema; a required one is present. */
  #checkHeaders(response: string, headers: Headers, out: Out): void {
    const s = this.#schemas;
    const declared = s.node(child(response, "headers")) ?? {};
    for (const name of Object.keys(declared)) {
      const at = s.resolve(child(child(response, "headers"), name));
      const schema = child(at.pointer, "schema");
      const value = headers.get(name);
      const issue = (spec: string, actual: Shown): Issue => ({
        severity: "contradiction",
        kind: "header",
        location: "header",
        pointer: name,
        general: name,
        item: null,
        spec,
        actual,
        source: s.source(at.pointer),
      });
      if (value === null) {
        if (at.node.required === true) {
          out.push(issue(`required: ${s.describe(schema)}`, { type: "absent", value: "absent" }));
        }
        continue;
      }
      if (!s.node(schema)) continue;
      const numeric = s.types(schema).has("integer") && /^-?[0-9]+(\.[0-9]+)?$/.test(value.trim());
      const typed = numeric ? Number(value) : value;
      if (!s.valid(schema, typed)) {
        out.push(issue(s.describe(schema), show(value, "code", this.#names)));
      }
    }
  }

  /**
   * The page's links (its `format: uri` properties, `next` and `previous`) lead to the next and
   * previous page of the list that was asked for: the same origin and path as the request.
   */
  #checkLinks(schema: string, page: Record<string, unknown>, url: URL, out: Out): void {
    const s = this.#schemas;
    for (const [name, at] of s.properties(schema)) {
      if (s.resolve(at).node.format !== "uri") continue;
      const value = page[name];
      if (typeof value !== "string") continue;
      let link: URL;
      try {
        link = new URL(value);
      } catch {
        continue; // not a URL at all: the format check has said so
      }
      if (link.origin === url.origin && link.pathname === url.pathname) continue;
      out.push({
        severity: "contradiction",
        kind: "link",
        location: "body",
        pointer: `/${name}`,
        general: `/${name}`,
        item: null,
        spec: `a link to this list: ${url.origin}${url.pathname}?…`,
        actual: {
          type: "string",
          value: `${JSON.stringify(`${showUrl(link, this.#names)}?…`)} (string)`,
        },
        source: s.source(at),
      });
    }
  }

  /** A redirect: the spec declares none. Its target is named by origin (and path on the same origin). */
  #redirect(status: number, from: URL, redirect: NonNullable<Exchange["redirect"]>): Issue {
    const { to, followed } = redirect;
    const names = this.#names;
    // The type tells the three apart, so that each is a finding of its own.
    const [type, where] = !to
      ? ["redirect without a location", "no usable Location"]
      : to.origin !== from.origin
        ? [
            "redirect to another origin",
            `${showUrl(to, names, false)} (another origin: not followed, the token not sent)`,
          ]
        : followed
          ? ["redirect on the same origin", `${showUrl(to, names)} (same origin: followed)`]
          : ["redirect loop", `${showUrl(to, names)} (same origin: not followed, too many hops)`];
    return {
      severity: "contradiction",
      kind: "redirect",
      location: "status",
      pointer: "",
      general: "",
      item: null,
      spec: "an answer at this URL: the spec declares no redirect",
      actual: { type, value: `HTTP ${status} to ${where}` },
      source: null,
    };
  }

  #whole(kind: string, spec: string, actual: Shown, source: Source | null = null): Issue {
    return {
      severity: "contradiction",
      kind,
      location: "body",
      pointer: "",
      general: "",
      item: null,
      spec,
      actual,
      source,
    };
  }
}

const isJson = (media: string): boolean => /^application\/(.+\+)?json$/i.test(media);

function describeBody(s: SpecSchemas, schema: string | null): string {
  return schema ? `JSON: ${s.describe(schema)}` : "a body of the declared media type";
}

/** The list item an issue sits in: the index after `/<list>/`, or null. */
function itemOf(issue: Issue, list: string): number | null {
  const match = new RegExp(`^/${list}/([0-9]+)(/|$)`).exec(issue.pointer);
  return match ? Number(match[1]) : null;
}

/** How much of a value at this schema the report may show. */
function exposure(s: SpecSchemas, pointer: string): Exposure {
  if (s.coded(pointer)) return "code";
  return s.shaped(pointer) ? "shape" : "mask";
}

/** An issue in the body at `path`, about the spec's node at `at` (whose provenance it takes). */
function issueAt(
  s: SpecSchemas,
  at: string,
  path: Path,
  kind: string,
  spec: string,
  actual: Shown,
): Issue {
  return {
    severity: "contradiction",
    kind,
    location: "body",
    pointer: path.concrete,
    general: path.general,
    item: null,
    spec,
    actual,
    source: s.source(at),
  };
}

/**
 * Walks a value that Ajv finds invalid against a schema, down to the places that fail, and says
 * what each should be. Only invalid subtrees are entered, so a valid body costs one validation.
 */
function checkValue(
  s: SpecSchemas,
  names: NameRule,
  pointer: string,
  value: unknown,
  path: Path,
  out: Out,
): void {
  if (s.valid(pointer, value)) return;
  const before = out.length;
  const { pointer: at, node } = s.resolve(pointer);
  /** An issue with the value as a whole: what the schema at `at` says, and the value. */
  const report = (kind: string): void => {
    out.push(issueAt(s, pointer, path, kind, s.describe(at), show(value, exposure(s, at), names)));
  };
  const branches = s.branches(at);
  if (branches.length > 0) {
    // An object or array that fits one branch (its type, and for an object all of the
    // branch's required properties): report what is wrong inside it. Otherwise the value
    // matches none, and the report says what the union allows.
    const fitting = branches.filter(
      (branch) =>
        typeFits(s.types(branch), value) &&
        (!isObject(value) || [...s.required(branch)].every((k) => k in value)),
    );
    const structured = typeof value === "object" && value !== null;
    if (structured && fitting.length === 1 && fitting[0] !== undefined) {
      checkValue(s, names, fitting[0], value, path, out);
    } else {
      const kind = !typeFits(s.types(at), value) ? "type" : s.coded(at) ? "enum" : "no-match";
      report(kind);
    }
  } else {
    for (const part of s.allOf(at)) checkValue(s, names, part, value, path, out);
    const types = ownTypes(node);
    if (types && !typeFits(types, value)) {
      report("type");
    } else if (
      Array.isArray(node.enum) &&
      !node.enum.some((v) => JSON.stringify(v) === JSON.stringify(value))
    ) {
      report("enum");
    } else {
      if (isObject(value)) checkObject(s, names, at, node, value, path, out);
      if (Array.isArray(value) && node.items !== undefined) {
        const items = child(at, "items");
        for (const [i, item] of value.entries()) {
          checkValue(s, names, items, item, index(path, i), out);
        }
      }
      // Ajv's other verdicts on this value itself (format, pattern, minimum, maxLength, ...).
      if (s.allOf(at).length === 0) {
        for (const failure of s.topFailures(at, value)) {
          if (WALKED.has(failure.keyword)) continue;
          report(failure.keyword);
        }
      }
    }
  }
  // Ajv said no, and the walk found nothing to name: report the verdict as it is.
  if (out.length === before) {
    report("schema");
  }
}

function checkObject(
  s: SpecSchemas,
  names: NameRule,
  at: string,
  node: Record<string, unknown>,
  value: Record<string, unknown>,
  path: Path,
  out: Out,
): void {
  const known = s.properties(at);
  if (Array.isArray(node.required)) {
    for (const name of node.required) {
      if (typeof name !== "string" || name in value) continue;
      const property = known.get(name);
      out.push(
        issueAt(
          s,
          property ?? at,
          key(path, name, names),
          "required",
          `required: ${property ? s.describe(property) : "present"}`,
          { type: "absent", value: "absent" },
        ),
      );
    }
  }
  const own = node.properties;
  if (isObject(own)) {
    for (const name of Object.keys(own)) {
      if (name in value) {
        checkValue(
          s,
          names,
          child(child(at, "properties"), name),
          value[name],
          key(path, name, names),
          out,
        );
      }
    }
  }
  if (node.additionalProperties === false) {
    const unknown = Object.keys(value).filter((name) => !known.has(name));
    listNames(unknown, path, out, (name) =>
      issueAt(
        s,
        at,
        key(path, name, names),
        "additional",
        "not allowed: the schema is closed",
        show(value[name], "mask", names),
      ),
    );
  }
}

/**
 * One issue per name for the first {@link MAX_NAMES} names of one object, then one issue that
 * carries the rest (to be counted): 20,000 undocumented keys make 21 issues, not 20,000.
 */
function listNames(
  unknown: readonly string[],
  path: Path,
  out: Out,
  issue: (name: string) => Issue,
): void {
  for (const name of unknown.slice(0, MAX_NAMES)) out.push({ ...issue(name), name });
  if (unknown.length > MAX_NAMES) {
    const first = issue(unknown[MAX_NAMES] as string);
    out.push({
      ...first,
      pointer: `${path.concrete}/…`,
      general: `${path.general}/…`,
      actual: { type: "names", value: "" },
      more: unknown.slice(MAX_NAMES),
    });
  }
}

/**
 * Properties the schema does not describe, at any depth. A schema that allows other properties
 * (User, for communities' custom fields) still gets them reported, as undocumented; a closed one
 * has had them reported as contradictions by the walk above.
 */
function findUndocumented(
  s: SpecSchemas,
  names: NameRule,
  pointer: string,
  value: unknown,
  path: Path,
  out: Out,
): void {
  if (Array.isArray(value)) {
    const items = s.items(pointer);
    if (items) {
      for (const [i, item] of value.entries())
        findUndocumented(s, names, items, item, index(path, i), out);
    }
    return;
  }
  if (!isObject(value)) return;
  let schemas = [s.resolve(pointer).pointer];
  const branches = s.branches(pointer);
  if (branches.length > 0) {
    const objects = branches.filter((branch) => s.types(branch).has("object"));
    const valid = objects.filter((branch) => s.valid(branch, value));
    const complete = objects.filter((branch) => [...s.required(branch)].every((k) => k in value));
    schemas = valid.length > 0 ? valid : complete.length > 0 ? complete : objects;
  }
  const known = new Map<string, string>();
  for (const schema of schemas) for (const [k, v] of s.properties(schema)) known.set(k, v);
  if (known.size === 0 || schemas.some((schema) => s.closed(schema))) return;
  const owners = schemas.map((schema) => s.name(schema)).filter(Boolean);
  const owner = owners.length > 0 ? owners.join(" or ") : "the schema";
  const unknown: string[] = [];
  for (const name of Object.keys(value)) {
    const at = known.get(name);
    if (at) findUndocumented(s, names, at, value[name], key(path, name, names), out);
    else unknown.push(name);
  }
  // The schema that does not describe them: the one the spec puts here, or the branch the value took.
  const described = branches.length > 0 ? (schemas[0] ?? pointer) : pointer;
  listNames(unknown, path, out, (name) => ({
    ...issueAt(
      s,
      described,
      key(path, name, names),
      "undocumented",
      `not described by ${owner}`,
      show(value[name], "mask", names),
    ),
    severity: "undocumented",
  }));
}
