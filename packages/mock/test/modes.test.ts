// static and dynamic modes: Prism's own mock behind the same front (smoke tests).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { startMock } from "../src/index.js";

const spec = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@community-api/spec/openapi.json"), "utf8"),
);
const auth = { headers: { authorization: "Bearer anything" } };

describe.each(["static", "dynamic"] as const)("%s mode", (mode) => {
  test("health, a page, Prism's 401 and 400, then a clean stop", async () => {
    const mock = await startMock({ port: 0, mode, seed: 7 });
    try {
      const health = (await (await fetch(`${mock.url}/health`)).json()) as Record<string, unknown>;
      expect(health).toMatchObject({ status: "ok", mode, specVersion: spec.info.version });

      const response = await fetch(`${mock.url}/api/v2/course/1/users/?limit=2`, auth);
      expect(response.status).toBe(200);
      expect(response.headers.get("sl-violations")).toBeNull();
      const page = (await response.json()) as { count: number; results: unknown[] };
      if (mode === "static") {
        expect(page).toEqual(spec.components.examples.CourseDashboardUsersFirstPage.value);
      } else {
        // Same seed, same data: the generator is deterministic.
        const again = await (
          await fetch(`${mock.url}/api/v2/course/1/users/?limit=2`, auth)
        ).json();
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
    } finally {
      await mock.stop();
    }
    expect(() => process.kill(mock.prismPid, 0)).toThrow();
  });
});
