import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SPEC_SHA256, SPEC_VERSION } from "../../src/index.js";

const require = createRequire(import.meta.url);
const specPath = require.resolve("@community-api/spec/openapi.json");

describe("spec fingerprint", () => {
  it("names the bundled spec the client is built from", () => {
    const spec = JSON.parse(readFileSync(specPath, "utf8")) as { info: { version: string } };
    const fix = "stale: run `pnpm --filter @community-api/client generate`";
    expect(SPEC_VERSION, fix).toBe(spec.info.version);
    expect(SPEC_SHA256, fix).toBe(
      createHash("sha256").update(readFileSync(specPath)).digest("hex"),
    );
    const fingerprint = JSON.parse(
      readFileSync(join(dirname(specPath), "fingerprint.json"), "utf8"),
    );
    expect({ version: SPEC_VERSION, sha256: SPEC_SHA256 }).toEqual(fingerprint);
  });

  it("is checked by `generate --check`", () => {
    const script = fileURLToPath(new URL("../../scripts/generate.mjs", import.meta.url));
    const result = spawnSync(process.execPath, [script, "--check"], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
