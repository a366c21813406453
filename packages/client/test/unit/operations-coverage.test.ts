// Every GET operation of the bundled spec has a named method and, for a list, both iterators,
// and the client has nothing else: the generated surface follows the operation facts.
import { describe, expect, it } from "vitest";
import { createCommunityClient } from "../../src/index.js";
import { CONTRACT_OPERATIONS, FACTS } from "../contract/operations.js";

const gets = FACTS.operations.filter((op) => op.method === "GET");
const operationIds = gets.map((op) => op.operationId);
const iterators = gets.flatMap((op) => (op.iterator ? [op.iterator] : []));

const client = createCommunityClient({ baseUrl: "https://community.test" }) as unknown as Record<
  string,
  unknown
> & { paginate: Record<string, unknown>; pages: Record<string, unknown> };

describe("operations of the bundled spec", () => {
  it.each(gets.map((op) => [op.operationId, op] as const))(
    "%s has a named method and, for a list, both iterators named by the rule",
    (operationId, op) => {
      expect(typeof client[operationId]).toBe("function");
      if (!op.list) return;
      // The rule: the operationId without `get`, lower camel case.
      expect(op.iterator).toBe(operationId.replace(/^get(.)/, (_, c: string) => c.toLowerCase()));
      expect(typeof client.paginate[op.iterator ?? ""]).toBe("function");
      expect(typeof client.pages[op.iterator ?? ""]).toBe("function");
    },
  );

  it("each list has a contract test entry", () => {
    expect(CONTRACT_OPERATIONS.map((op) => op.operationId).sort()).toEqual(
      gets
        .filter((op) => op.list)
        .map((op) => op.operationId)
        .sort(),
    );
  });

  it("are all the client has: no method or iterator without an operation", () => {
    const named = Object.keys(client).filter((key) => /^get[A-Z]/.test(key));
    expect(named.sort()).toEqual([...operationIds].sort());
    expect(Object.keys(client.paginate).sort()).toEqual([...iterators].sort());
    expect(Object.keys(client.pages).sort()).toEqual([...iterators].sort());
  });
});
