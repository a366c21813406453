// The built package as users get it: ESM and CJS entries, the exports map, the size budget,
// tree-shaking and browser-safety. Needs `pnpm build` first (turbo runs it before `test`).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtPackage } from "../support/bundle.js";

/** Budget of the whole client, openapi-fetch included (esbuild --minify, gzip -9). */
// A regression guard at today's size (6,203 B): the 5.3 kB budget of the three-operation client
// is missed by about 0.8 kB, what the limits on bodies, messages and next links (issue 15) added;
// bare openapi-fetch is 2.7 kB of it. The Request-free fast path of issue 19 paid for itself
// (a shared pattern per parameter, a type-only hasInstance, a streaming decode). Issue 26 added
// about 70 B (the read-only `baseUrl` and the retry policy's exports, which @community-api/query
// needs), the verifier's exported defaults about 50 B (issue 25): raised from 6,100 B for them.
// The check of `baseUrl` when a client is made (issue 25: no URL, credentials, another scheme)
// added about 90 B, most of it its message: raised from 6,250 B for it (6,295 B).
const SIZE_BUDGET = 6_300;
const { packageDir, dist, require, bundle } = builtPackage(import.meta.url);

describe("built package", () => {
  it("declares an exports map with types first, dist only, no side effects", () => {
    const manifest = JSON.parse(readFileSync(`${packageDir}package.json`, "utf8"));
    expect(manifest.exports["."]).toEqual({
      import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
      require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
    });
    expect(Object.keys(manifest.exports["."].import)[0]).toBe("types");
    expect(Object.keys(manifest.exports["."].require)[0]).toBe("types");
    expect(manifest.files).toEqual(["dist", "README.md", "LICENSE", "CHANGELOG.md"]);
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.dependencies["@community-api/types"]).toBeDefined();
  });

  it("types ESM and CommonJS consumers through the exports map (.d.ts and .d.cts)", () => {
    const tsc = require.resolve("typescript/lib/tsc.js");
    const result = spawnSync(
      process.execPath,
      [tsc, "-p", `${packageDir}test/package/consumer/tsconfig.json`, "--listFiles"],
      { encoding: "utf8" },
    );
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("client/dist/index.d.ts");
    expect(result.stdout).toContain("client/dist/index.d.cts");
  }, 120_000);

  it("exports the same API from the ESM and the CJS build", async () => {
    const esm = await import(dist("index.js"));
    const cjs = require(dist("index.cjs"));
    expect(Object.keys(esm).sort()).toEqual(Object.keys(cjs).sort());
    expect(Object.keys(esm).sort()).toEqual([
      "ApiError",
      "BadRequestError",
      "DEFAULT_MAX_RETRIES",
      "DEFAULT_TIMEOUT",
      "InvalidResponseError",
      "MAX_RESPONSE_SIZE",
      "NetworkError",
      "NotFoundError",
      "PermissionDeniedError",
      "RateLimitError",
      "ResponseTooLargeError",
      "SPEC_SHA256",
      "SPEC_VERSION",
      "ServerError",
      "TimeoutError",
      "UnauthorizedError",
      "ValidationError",
      "createApiError",
      "createCommunityClient",
      "createCommunityCoreClient",
      "isRetryableStatus",
      "paginate",
      "paginatePages",
      "retryDelay",
    ]);
    for (const entry of [esm, cjs]) {
      const urls: string[] = [];
      const client = entry.createCommunityClient({
        baseUrl: "https://community.test",
        fetch: async (request: Request) => {
          urls.push(request.url);
          return new Response('{"count":0,"next":null,"previous":null,"results":[]}');
        },
      });
      await client.getCourseDashboardUsers(1, { statuses: ["joined", "manager"] });
      expect(urls).toEqual([
        "https://community.test/api/v2/course/1/users/?statuses=%5B%22joined%22%2C%22manager%22%5D",
      ]);
    }
  });

  it(`stays within ${SIZE_BUDGET} bytes min+gzip with openapi-fetch, for browsers (no Node built-ins)`, async () => {
    const full = await bundle(`export * from "./dist/index.js";`);
    const bare = await bundle(`import c from "openapi-fetch"; export default c({ baseUrl: "x" });`);
    console.info(`client ${full.gzip} B min+gzip (bare openapi-fetch ${bare.gzip} B)`);
    expect(full.gzip).toBeLessThanOrEqual(SIZE_BUDGET);
    expect(full.text).not.toMatch(/\brequire\(|from"node:/);
  });

  it("tree-shakes: the error classes alone do not pull in openapi-fetch or the transport", async () => {
    const errorsOnly = await bundle(`export { NotFoundError } from "./dist/index.js";`);
    expect(errorsOnly.text).not.toContain("querySerializer");
    expect(errorsOnly.text).not.toContain("Authorization");
    expect(errorsOnly.gzip).toBeLessThan(600);
    const constants = await bundle(`export { SPEC_VERSION } from "./dist/index.js";`);
    expect(constants.gzip).toBeLessThan(100);
  });

  it("tree-shakes: a plain-calls app on the core client leaves the pagination code out", async () => {
    const call = `c.getCourseDashboardUsers(1)`;
    const core = `import { createCommunityCoreClient as f } from "./dist/index.js"; const c = f({ baseUrl: "x" });`;
    const plain = await bundle(`${core} export default () => ${call};`);
    const paginating = await bundle(
      `${core} import { paginate } from "./dist/index.js"; export default () => paginate(c.getCourseDashboardUsers, 1);`,
    );
    const full = await bundle(
      `import { createCommunityClient as f } from "./dist/index.js"; export default () => f({ baseUrl: "x" }).${call};`,
    );
    // The message of pagination's loop guard marks its code.
    expect(plain.text).not.toContain("Pagination stopped");
    expect(paginating.text).toContain("Pagination stopped");
    expect(full.text).toContain("Pagination stopped");
    expect(plain.gzip).toBeLessThan(paginating.gzip);
    expect(plain.gzip).toBeLessThan(full.gzip);
  });
});
