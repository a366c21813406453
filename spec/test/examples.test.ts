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
  for (const keyword of ["example", "discriminator", "xml", "externalDocs", ...extensions(doc)])
    ajv.addKeyword(keyword);
  for (const [name, schema] of Object.entries<Json>(doc.components.schemas)) {
    ajv.addSchema({ ...pointerToSchema(schema), $id: `${SPEC_ID}/schemas/${name}` });
  }
  return ajv;
}

/** Every `x-` extension keyword used in the document's schemas (annotations, like `example`). */
function extensions(node: Json, found = new Set<string>()): Set<string> {
  if (node && typeof node === "object") {
    for (const [key, child] of Object.entries<Json>(node)) {
      if (key.startsWith("x-")) found.add(key);
      extensions(child, found);
    }
  }
  return found;
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

/** The page examples of each operation's 200 response, with the operation's path template. */
function pageExamples(): { name: string; template: string; page: Json }[] {
  return Object.entries<Json>(doc.paths).flatMap(([template, item]) =>
    Object.entries<Json>(item.get.responses["200"].content["application/json"].examples).map(
      ([name, example]) => ({
        name: `${item.get.operationId} ${name}`,
        template,
        page: deref(doc, example).value,
      }),
    ),
  );
}

/**
 * The problems of a page example: its links must point at its own list (the operation's path
 * with one id), and `count`, `results`, `limit`/`offset` of the links must tell one story (the
 * Django REST framework paginator's: `previous` drops `offset` when it would be 0).
 */
function pageProblems(template: string, page: Json): string[] {
  const problems: string[] = [];
  const path = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[0-9]+")}$`);
  const links = { next: page.next, previous: page.previous };
  const parsed: Record<string, URL> = {};
  for (const [name, link] of Object.entries(links)) {
    if (link === null) continue;
    parsed[name] = new URL(link);
    if (!path.test(parsed[name].pathname)) problems.push(`${name} is not a link to ${template}`);
  }
  if (parsed.next && parsed.previous && parsed.next.pathname !== parsed.previous.pathname) {
    problems.push("next and previous name different lists");
  }
  const number = (url: URL | undefined, key: string) =>
    url?.searchParams.has(key) ? Number(url.searchParams.get(key)) : undefined;
  const limit = number(parsed.next, "limit") ?? number(parsed.previous, "limit");
  const size = page.results.length;
  // Where this page starts: read from `next` if any, else it runs to the end of the list.
  const offset =
    parsed.next && limit !== undefined
      ? (number(parsed.next, "offset") ?? 0) - limit
      : page.count - size;
  if (limit !== undefined && size > limit) problems.push(`${size} results, limit ${limit}`);
  if (parsed.next) {
    if (size !== limit)
      problems.push(`a page with a next link holds limit (${limit}) results, not ${size}`);
    if (offset + size >= page.count)
      problems.push(`next after the last result (count ${page.count})`);
  } else if (offset + size !== page.count) {
    problems.push(`the last page ends at ${offset + size}, not at count ${page.count}`);
  }
  if (parsed.previous) {
    const previous = number(parsed.previous, "offset") ?? 0;
    if (limit !== undefined && previous !== Math.max(offset - limit, 0)) {
      problems.push(`previous starts at ${previous}, not at ${Math.max(offset - limit, 0)}`);
    }
    if (offset <= 0) problems.push("a previous link on the first page");
  } else if (offset !== 0) {
    problems.push(`no previous link on a page starting at ${offset}`);
  }
  return problems;
}

describe("page examples", () => {
  it.each(pageExamples())("$name tells one consistent story", ({ template, page }) => {
    expect(pageProblems(template, page)).toEqual([]);
  });

  it("catches a page whose links and counts disagree (the check can fail)", () => {
    const page = {
      count: 41,
      next: "https://community.example.com/api/v2/course/7/users/?limit=20&offset=20",
      previous: null,
      results: [{}, {}],
    };
    expect(pageProblems("/api/v2/event/{id}/invite/", page)).toEqual([
      "next is not a link to /api/v2/event/{id}/invite/",
      "a page with a next link holds limit (20) results, not 2",
    ]);
  });
});
