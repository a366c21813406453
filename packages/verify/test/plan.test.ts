// The combinations come from the operation facts, not from a list kept here: each enum value,
// both forms of a JSON-array parameter, an example of any other parameter, paging, and the
// probes; a parameter or resource added to the spec is called without a change to the code.
import facts from "@community-api/spec/operations.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import type { OperationFacts, ParameterFacts } from "../src/facts.js";
import { planCases, SMALL_PAGE } from "../src/index.js";

const spec = facts as OperationFacts;
const resources = [...new Set(spec.operations.map((o) => o.roles?.resource))] as string[];
const everyId = Object.fromEntries(resources.map((r) => [r, "1"]));

describe("planCases", () => {
  const plan = planCases(spec, everyId, 3);
  const labels = (operationId: string) =>
    plan.cases.filter((c) => c.operation.operationId === operationId).map((c) => c.label);

  it.each(spec.operations.map((o) => [o.operationId, o] as const))(
    "%s: defaults, paging, each parameter's values, the minimum probe",
    (operationId, operation) => {
      const expected = ["defaults", `limit=${SMALL_PAGE} (paging)`];
      for (const parameter of operation.queryParameters) {
        if (parameter.name === "limit" || parameter.name === "offset") continue;
        const items = parameter.jsonArray?.enum;
        if (items) {
          expected.push(
            `${parameter.name}=${items[0]}`,
            `${parameter.name}=${JSON.stringify(items.slice(0, 2))}`,
          );
        } else if (parameter.enum) {
          expected.push(...parameter.enum.map((value) => `${parameter.name}=${value}`));
        } else if (parameter.examples[0] !== undefined) {
          expected.push(`${parameter.name}=${JSON.stringify(parameter.examples[0])}`);
        }
      }
      const bounded = operation.queryParameters.find(
        (p) => p.type === "integer" && typeof p.minimum === "number",
      );
      if (bounded)
        expected.push(`${bounded.name}=${(bounded.minimum ?? 0) - 1} (below the minimum)`);
      expect(labels(operationId).filter((l) => l !== "no token")).toEqual(expected);
    },
  );

  it("sends a JSON-array parameter as one item and as an array, for the client to serialize", () => {
    const statuses = plan.cases.filter((c) => "statuses" in c.query).map((c) => c.query.statuses);
    expect(statuses).toEqual(["creator", ["creator", "manager"]]);
  });

  it("makes one request without a token, expecting the 401", () => {
    const probes = plan.cases.filter((c) => !c.withToken);
    expect(probes).toHaveLength(1);
    expect(probes[0]).toMatchObject({ expect: 401, pages: 1 });
  });

  it("skips the operations of a resource without an id, and says which flag is missing", () => {
    const [first, ...others] = resources;
    const partial = planCases(spec, { [first as string]: "7" }, 1);
    const skipped = spec.operations.filter((o) => o.roles?.resource !== first);
    expect(partial.skipped).toEqual(
      skipped.map((o) => ({
        operationId: o.operationId,
        reason: `no --${o.roles?.resource} id given`,
      })),
    );
    expect(others.length).toBeGreaterThan(0);
    for (const c of partial.cases) expect(c.args).toEqual(["7"]);
  });

  it("follows a parameter and a resource that the spec adds", () => {
    const sort: ParameterFacts = {
      name: "sort",
      in: "query",
      required: false,
      schemaName: null,
      type: "string",
      enum: ["name", "-name"],
      jsonArray: null,
      examples: [],
    };
    const [template] = spec.operations;
    if (!template) throw new Error("no operations");
    const extended: OperationFacts = {
      ...spec,
      operations: [
        {
          ...template,
          operationId: "getGroupMembers",
          path: "/api/v2/group/{id}/members/",
          iterator: "groupMembers",
          roles: { resource: "group", roles: ["owner"] },
          queryParameters: [...template.queryParameters.filter((p) => p.name === "limit"), sort],
        },
      ],
    };
    const grouped = planCases(extended, { group: "3" }, 1);
    expect(grouped.cases.map((c) => c.label)).toEqual([
      "defaults",
      `limit=${SMALL_PAGE} (paging)`,
      "sort=name",
      "sort=-name",
      "limit=0 (below the minimum)",
      "no token",
    ]);
    expect(planCases(extended, {}, 1).skipped).toEqual([
      { operationId: "getGroupMembers", reason: "no --group id given" },
    ]);
  });
});
