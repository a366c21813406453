import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { breakingChanges } from "../scripts/operations.mjs";

// Proves the guard bites: the snippets of the current line type-check against types generated
// from the real bundle, and fail against types generated from a bundle with a renamed field,
// a removed parameter or a renamed enum value.
const require = createRequire(import.meta.url);
const compatDir = fileURLToPath(new URL("..", import.meta.url));
const repoRoot = join(compatDir, "..");
const bundle = require.resolve("@community-api/spec/openapi.json");
const generate = join(repoRoot, "packages", "types", "scripts", "generate.mjs");
const tsc = require.resolve("typescript/bin/tsc");
const work = mkdtempSync(join(tmpdir(), "compat-guard-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// biome-ignore lint/suspicious/noExplicitAny: the bundle is edited structurally.
type Doc = any;

function typecheckSnippetsAgainst(name: string, mutate: (doc: Doc) => void) {
  const dir = join(work, name);
  mkdirSync(join(dir, "types", "generated"), { recursive: true });
  const doc = JSON.parse(readFileSync(bundle, "utf8"));
  mutate(doc);
  writeFileSync(join(dir, "openapi.json"), JSON.stringify(doc));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  const gen = spawnSync(
    process.execPath,
    [
      generate,
      "--write",
      "--spec",
      join(dir, "openapi.json"),
      "--out",
      join(dir, "types", "generated", "openapi.ts"),
    ],
    { encoding: "utf8" },
  );
  expect(gen.status, gen.stderr).toBe(0);
  cpSync(join(repoRoot, "packages", "types", "src", "index.ts"), join(dir, "types", "index.ts"));
  cpSync(join(compatDir, "v0.1", "types.ts"), join(dir, "snippets.ts"));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: join(repoRoot, "tsconfig.base.json"),
      compilerOptions: { types: [], paths: { "@community-api/types": ["./types/index.ts"] } },
      include: ["snippets.ts"],
    }),
  );
  const r = spawnSync(process.execPath, [tsc, "--noEmit", "-p", join(dir, "tsconfig.json")], {
    encoding: "utf8",
  });
  return { ok: r.status === 0, output: r.stdout + r.stderr };
}

describe("the breaking-change guard", () => {
  it("passes against types generated from the real spec", () => {
    const r = typecheckSnippetsAgainst("control", () => {});
    expect(r.output).toBe("");
    expect(r.ok).toBe(true);
  });

  it("fails when a response field is renamed", () => {
    const r = typecheckSnippetsAgainst("renamed-field", (doc) => {
      const props = doc.components.schemas.CourseUserDashboard.properties;
      props.joined_on = props.joined_at;
      delete props.joined_at;
      doc.components.schemas.CourseUserDashboard.required = Object.keys(props);
    });
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/joined_at/);
  });

  it("fails when a query parameter is removed", () => {
    const r = typecheckSnippetsAgainst("removed-param", (doc) => {
      const op = doc.paths["/api/v2/course/{id}/users/"].get;
      op.parameters = op.parameters.filter((p: Doc) => p.$ref !== "#/components/parameters/Search");
      delete doc.components.parameters.Search;
    });
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/search/);
  });

  it("fails when an enum value is renamed", () => {
    const r = typecheckSnippetsAgainst("renamed-enum", (doc) => {
      doc.components.schemas.JoinStatus.enum = doc.components.schemas.JoinStatus.enum.map(
        (v: string) => (v === "requested" ? "join_requested" : v),
      );
    });
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/"requested"/);
  });
});

describe("the guard script", () => {
  it("names the current release line and passes on the current tree", () => {
    const r = spawnSync(process.execPath, [join(compatDir, "scripts", "check.mjs")], {
      encoding: "utf8",
    });
    expect(r.stdout).toMatch(/line v0\.1 still type-checks/);
    expect(r.status).toBe(0);
  });
});

describe("the operation-level guard", () => {
  const current = JSON.parse(
    readFileSync(require.resolve("@community-api/spec/operations.json"), "utf8"),
  );
  const line = JSON.parse(readFileSync(join(compatDir, "v0.1", "operations.json"), "utf8"));
  const edited = (change: (facts: Doc) => void) => {
    const copy = structuredClone(current);
    change(copy);
    return breakingChanges(line, copy);
  };

  it("finds nothing between the line and the current spec", () => {
    expect(breakingChanges(line, current)).toEqual([]);
  });

  it("names a removed operation, parameter, enum value and a newly required parameter", () => {
    const [first] = line.operations;
    expect(edited((f) => f.operations.shift())).toEqual([
      `operation ${first.operationId} (${first.method} ${first.path}) was removed`,
    ]);
    const withEnum = line.operations.find((op: Doc) => op.queryParameters.some((p: Doc) => p.enum));
    const param = withEnum.queryParameters.find((p: Doc) => p.enum);
    const problems = edited((f) => {
      const op = f.operations.find((o: Doc) => o.operationId === withEnum.operationId);
      const p = op.queryParameters.find((q: Doc) => q.name === param.name);
      p.enum = p.enum.slice(1);
      if (p.jsonArray) p.jsonArray.enum = p.jsonArray.enum.slice(1);
      p.required = true;
      op.queryParameters = op.queryParameters.filter((q: Doc) => q.name !== "limit");
    });
    expect(problems).toContain(`${withEnum.operationId}: query parameter limit was removed`);
    expect(problems).toContain(
      `${withEnum.operationId}: query parameter ${param.name} became required`,
    );
    expect(problems).toContain(
      `${withEnum.operationId}: ${param.name} no longer accepts ${JSON.stringify(param.enum[0])}`,
    );
  });
});
