import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { loadBundle } from "./bundle.js";

// An independent validator (the official OpenAPI 3.1 JSON Schema, run by Ajv), not Redocly.
describe("the bundled spec", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(loadBundle());
    expect(validator.version).toBe("3.1");
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("is rejected by the same validator when it is broken", async () => {
    const broken = loadBundle();
    broken.paths["/api/v2/course/{id}/users/"].get.responses = "not an object";
    const validator = new Validator();
    const result = await validator.validate(broken);
    expect(result.valid).toBe(false);
  });
});
