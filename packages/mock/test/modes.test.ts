// static and dynamic modes: Prism's own mock behind the same front. One mock per mode, shared by
// its tests. Their answers must look like the API's: static pages can be walked along `next`
// without leaving the mock; dynamic pages carry only the properties the spec declares, values
// that follow its patterns, and an envelope that agrees with the request.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createMockFetch, type RunningMock, startMock } from "../src/index.js";
import { allPages, type PageBody } from "./support/http.js";

interface Schema {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  pattern?: string;
}
const spec = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@community-api/spec/openapi.json"), "utf8"),
) as {
  paths: Record<
    string,
    { get: { responses: { "200": { content: Record<string, { schema: Schema }> } } } }
  >;
  components: { schemas: Record<string, Schema>; examples: Record<string, { value: unknown }> };
};
/** The API's routes (with id 1) and the schema of each one's 200 page. */
const ROUTES = Object.entries(spec.paths).map(([template, item]) => ({
  path: template.replace(/\{[^}]+\}/g, "1"),
  schema: item.get.responses["200"].content["application/json"]?.schema ?? {},
}));
const USERNAME = new RegExp(
  spec.components.schemas.User?.properties?.username?.pattern ?? "^$",
  "u",
);
const auth = { headers: { authorization: "Bearer anything" } };

function resolve(schema: Schema): Schema {
  const name = schema.$ref?.replace("#/components/schemas/", "");
  return name === undefined ? schema : resolve(spec.components.schemas[name] ?? {});
}

/** The properties a schema declares, through `$ref`, `allOf`, `anyOf` and `oneOf`. */
function declared(schema: Schema): Map<string, Schema[]> {
  const own = resolve(schema);
  const found = new Map<string, Schema[]>();
  for (const [name, property] of Object.entries(own.properties ?? {})) found.set(name, [property]);
  for (const part of [...(own.allOf ?? []), ...(own.anyOf ?? []), ...(own.oneOf ?? [])]) {
    for (const [name, schemas] of declared(part)) {
      found.set(name, [...(found.get(name) ?? []), ...schemas]);
    }
  }
  return found;
}

/** What in `value` the schema does not declare, and strings that miss the schema's pattern. */
function departures(value: unknown, schemas: Schema[], at: string): string[] {
  const all = schemas.map(resolve);
  const alternatives = all.flatMap((s) => [s, ...(s.anyOf ?? []), ...(s.oneOf ?? [])].map(resolve));
  if (Array.isArray(value)) {
    const items = alternatives.flatMap((s) => (s.items ? [s.items] : []));
    return value.flatMap((item, i) => departures(item, items, `${at}[${i}]`));
  }
  if (typeof value === "string") {
    return alternatives
      .filter((s) => s.pattern !== undefined && !new RegExp(s.pattern, "u").test(value))
      .map((s) => `${at}: ${JSON.stringify(value)} does not match ${s.pattern}`);
  }
  if (typeof value !== "object" || value === null) return [];
  const properties = new Map<string, Schema[]>();
  for (const schema of alternatives) {
    for (const [name, found] of declared(schema)) {
      properties.set(name, [...(properties.get(name) ?? []), ...found]);
    }
  }
  return Object.entries(value).flatMap(([key, inner]) => {
    const property = properties.get(key);
    return property
      ? departures(inner, property, `${at}.${key}`)
      : [`${at}.${key}: not in the spec`];
  });
}

describe.each(["static", "dynamic"] as const)("%s mode", (mode) => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, mode, seed: 7 });
  });
  afterAll(async () => {
    await mock.stop();
    expect(() => process.kill(mock.prismPid, 0)).toThrow();
  });

  test("health, a page, Prism's 401 and a 400 that names the parameters", async () => {
    const health = (await (await fetch(`${mock.url}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: "ok", mode, specVersion: expect.any(String) });

    const response = await fetch(`${mock.url}/api/v2/course/1/users/?limit=2`, auth);
    expect(response.status).toBe(200);
    expect(response.headers.get("sl-violations")).toBeNull();
    const page = (await response.json()) as PageBody;
    if (mode === "static") {
      const example = spec.components.examples.CourseDashboardUsersFirstPage?.value as PageBody;
      // The spec's first example, its links moved onto the mock.
      expect(page).toEqual({
        ...example,
        next: example.next?.replace(new URL(example.next).origin, mock.url),
      });
    } else {
      // Same seed, same data: the generator is deterministic.
      const again = await (await fetch(`${mock.url}/api/v2/course/1/users/?limit=2`, auth)).json();
      expect(again).toEqual(page);
      expect(Array.isArray(page.results)).toBe(true);
    }
    expect((await fetch(`${mock.url}/api/v2/event/1/invite/`)).status).toBe(401);
    // Prism's own 400 is the spec's first example, which blames `limit`: the front names the
    // parameters Prism actually rejected.
    for (const [query, fields] of [
      ["limit=0", ["limit"]],
      ["statuses=bogus", ["statuses"]],
      ["ordering=zzz&offset=-1", ["offset", "ordering"]],
    ] as const) {
      const bad = await fetch(`${mock.url}/api/v2/course/1/users/?${query}`, auth);
      expect(bad.status, query).toBe(400);
      const body = (await bad.json()) as { errors: { field: string; messages: unknown[] }[] };
      expect(body.errors.map((e) => e.field).sort(), query).toEqual(fields);
      for (const error of body.errors) {
        expect(error.messages).toContainEqual({
          code: "invalid",
          message: expect.stringContaining(`parameter ${error.field} `),
        });
      }
    }
  });

  test("staged answers: the realistic bodies and headers, from Prefer and from a scenario", async () => {
    const url = `${mock.url}/api/v2/event/1/invite/`;
    const kit = createMockFetch({
      baseUrl: mock.url,
      scenarios: [{ operationId: "getEventInvitedUsers", status: 503, retryAfter: 3 }],
    });
    const want = await (await kit(url)).text();
    const preferred = await fetch(url, { headers: { prefer: "code=503, retry-after=3" } });
    expect([preferred.status, preferred.headers.get("retry-after")]).toEqual([503, "3"]);
    expect(await preferred.text()).toBe(want);
    const scenarios = `${mock.url}/__mock/scenarios`;
    const scenario = { operationId: "getEventInvitedUsers", status: 503, retryAfter: 3, times: 1 };
    await fetch(scenarios, { method: "POST", body: JSON.stringify(scenario) });
    const staged = await fetch(url, auth);
    expect([staged.status, await staged.text()]).toEqual([503, want]);
    expect((await fetch(url, auth)).status).toBe(200);
    expect((await fetch(url, { headers: { prefer: "code=201" } })).status).toBe(400);
  });

  if (mode === "static") {
    test("every list can be walked along `next` to its last page, without leaving the mock", async () => {
      for (const { path } of ROUTES) {
        const visited: string[] = [];
        const pages = await allPages(fetch, `${mock.url}${path}?limit=2`, "anything");
        for (const page of pages) {
          for (const link of [page.next, page.previous]) if (link !== null) visited.push(link);
        }
        // The first example, then the last page's (a followed link has an offset).
        expect(pages.length, path).toBe(2);
        expect(pages.at(-1)?.next).toBeNull();
        expect(visited.length, path).toBeGreaterThan(0);
        for (const link of visited) expect(link.startsWith(`${mock.url}/api/v2/`), link).toBe(true);
      }
    });
  }

  if (mode === "dynamic") {
    test("pages declare only the spec's properties, follow its patterns, and agree with the request", async () => {
      for (const { path, schema } of ROUTES) {
        for (const [query, limit, offset] of [
          ["", 20, 0],
          ["?limit=2&offset=4", 2, 4],
        ] as const) {
          const response = await fetch(`${mock.url}${path}${query}`, auth);
          expect(response.status).toBe(200);
          const page = (await response.json()) as PageBody<{ username?: string }>;
          expect(departures(page, [schema], path + query)).toEqual([]);
          for (const item of page.results) expect(item.username).toMatch(USERNAME);
          // The generated results are this page and the last one: the envelope says so.
          expect(page.results.length).toBeLessThanOrEqual(limit);
          expect(page.count).toBe(offset + page.results.length);
          expect(page.next).toBeNull();
          expect(page.previous).toBe(
            offset === 0 ? null : `${mock.url}${path}?limit=${limit}&offset=${offset - limit}`,
          );
        }
      }
    });
  }
});
