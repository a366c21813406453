// The constants the handler validates with must be the spec's own. If the spec changes an enum,
// a default or the statuses pattern, this fails and names what to update.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test } from "vitest";
import { DASHBOARD_ORDERINGS, JOIN_STATUSES } from "../src/model.js";
import { DEFAULT_ORDERING, DEFAULT_STATUSES, STATUSES_ARRAY_PATTERN } from "../src/params.js";

const spec = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@community-api/spec/openapi.json"), "utf8"),
);
const { schemas, parameters } = spec.components;

test("JoinStatus and DashboardOrdering enums", () => {
  expect([...JOIN_STATUSES]).toEqual(schemas.JoinStatus.enum);
  expect([...DASHBOARD_ORDERINGS]).toEqual(schemas.DashboardOrdering.enum);
});

test("defaults of statuses and ordering", () => {
  expect(JSON.stringify(DEFAULT_STATUSES)).toBe(schemas.StatusesFilter.default);
  expect(DEFAULT_ORDERING).toBe(schemas.DashboardOrdering.default);
});

test("the JSON-array pattern of statuses", () => {
  const arrayForm = schemas.StatusesFilter.anyOf.find((s: { pattern?: string }) => s.pattern);
  expect(STATUSES_ARRAY_PATTERN).toBe(arrayForm.pattern);
});

test("paths, id pattern and paging bounds the handler routes by", () => {
  expect(Object.keys(spec.paths).sort()).toEqual([
    "/api/v2/course/{id}/invite/",
    "/api/v2/course/{id}/users/",
    "/api/v2/event/{id}/invite/",
  ]);
  expect(parameters.CourseId.schema.pattern).toBe("^[0-9]{1,18}$");
  expect(parameters.EventId.schema.pattern).toBe("^[0-9]{1,18}$");
  expect(parameters.Limit.schema.minimum).toBe(1);
  expect(parameters.Offset.schema.minimum).toBe(0);
});
