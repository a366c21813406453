import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A broken spec must fail the pipeline (lint -> bundle -> generate, in that order, as turbo
// runs it) with the file and line, and leave the last good bundle and types byte-identical.
const require = createRequire(import.meta.url);
const specDir = dirname(require.resolve("@community-api/spec/package.json"));
const generateScript = fileURLToPath(new URL("../scripts/generate.mjs", import.meta.url));

/** A component schema, as far as the provenance test reads it. */
type Schema = {
  properties?: Record<string, { "x-source"?: { from: string; page: string } }>;
  allOf?: Schema[];
};

let work: string;
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const paths = () => ({
  spec: join(work, "spec"),
  bundle: join(work, "spec", "dist", "openapi.json"),
  types: join(work, "openapi.ts"),
  names: join(work, "names.ts"),
});

function runPipeline(): { ok: boolean; output: string } {
  const p = paths();
  const steps: string[][] = [
    [join(p.spec, "scripts", "lint.mjs")],
    [join(p.spec, "scripts", "bundle.mjs")],
    [generateScript, "--write", "--spec", p.bundle, "--out", p.types],
  ];
  let output = "";
  for (const args of steps) {
    const r = spawnSync(process.execPath, args, { encoding: "utf8", cwd: p.spec });
    output += r.stdout + r.stderr;
    if (r.status !== 0) return { ok: false, output };
  }
  return { ok: true, output };
}

function edit(relative: string, change: (text: string) => string) {
  const file = join(paths().spec, relative);
  writeFileSync(file, change(readFileSync(file, "utf8")));
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "spec-pipeline-"));
  cpSync(join(specDir, "..", "redocly.yaml"), join(work, "redocly.yaml"));
  cpSync(specDir, paths().spec, {
    recursive: true,
    filter: (src) => !/node_modules|[\\/]dist$/.test(src),
  });
  symlinkSync(join(specDir, "node_modules"), join(paths().spec, "node_modules"), "dir");
  const first = runPipeline();
  expect(first.output).toContain("valid");
  expect(first.ok).toBe(true);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

type Operation = { operationId: string; parameters?: { $ref?: string; in?: string }[] };

const BREAKAGES: { name: string; file: string; change: (t: string) => string; where: RegExp }[] = [
  {
    name: "a bad $ref",
    file: "paths/api_v2_course_{id}_users.yaml",
    change: (t) => t.replace("CourseUserDashboardPage.yaml", "CourseUserDashbordPage.yaml"),
    where: /paths\/api_v2_course_\{id\}_users\.yaml:\s*\n\s*\d+:\d+\s+error\s+no-unresolved-refs/,
  },
  {
    name: "an invalid example",
    file: "components/examples/CourseDashboardUsersFirstPage.yaml",
    change: (t) => t.replace("user_completion_rate: 100", 'user_completion_rate: "all"'),
    where:
      /components\/examples\/CourseDashboardUsersFirstPage\.yaml:\s*\n\s*12:\d+\s+error\s+no-invalid-media-type-examples/,
  },
  {
    name: "a YAML syntax error",
    file: "components/schemas/Tag.yaml",
    change: (t) => `${t}  broken: [\n`,
    where: /components\/schemas\/Tag\.yaml:\s*\n\s*\d+:\d+\s+error.*Failed to parse/,
  },
  {
    name: "a duplicate operationId",
    file: "paths/api_v2_event_{id}_invite.yaml",
    change: (t) =>
      t.replace("operationId: getEventInvitedUsers", "operationId: getCourseInvitedUsers"),
    where:
      /paths\/api_v2_event_\{id\}_invite\.yaml:\s*\n\s*2:3\s+error\s+operation-operationId-unique/,
  },
  {
    name: "an undeclared path parameter",
    file: "openapi.yaml",
    change: (t) => t.replace("/api/v2/event/{id}/invite/:", "/api/v2/event/{event_id}/invite/:"),
    where:
      /paths\/api_v2_event_\{id\}_invite\.yaml:\s*\n\s*\d+:\d+\s+error\s+path-parameters-defined.*\{event_id\}/,
  },
  {
    name: "an operation without x-required-roles",
    file: "paths/api_v2_course_{id}_invite.yaml",
    change: (t) => t.replace(/ {2}x-required-roles:\n(.*\n){2}/, ""),
    where:
      /paths\/api_v2_course_\{id\}_invite\.yaml:\s*\n\s*\d+:\d+\s+error\s+rule\/operation-x-required-roles/,
  },
];

describe("a broken spec", () => {
  it.each(BREAKAGES)("$name fails lint with file and line and changes nothing", (b) => {
    const p = paths();
    const before = { bundle: sha(p.bundle), types: sha(p.types), names: sha(p.names) };
    const original = readFileSync(join(p.spec, b.file), "utf8");
    edit(b.file, b.change);
    expect(readFileSync(join(p.spec, b.file), "utf8")).not.toBe(original);
    try {
      const result = runPipeline();
      expect(result.ok).toBe(false);
      expect(result.output).toMatch(b.where);
      expect({ bundle: sha(p.bundle), types: sha(p.types), names: sha(p.names) }).toEqual(before);
    } finally {
      writeFileSync(join(p.spec, b.file), original);
    }
  });

  it("bundling alone (lint skipped) also leaves the last good bundle intact", () => {
    const p = paths();
    const before = sha(p.bundle);
    edit("components/schemas/Tag.yaml", (t) => `${t}  broken: [\n`);
    try {
      const r = spawnSync(process.execPath, [join(p.spec, "scripts", "bundle.mjs")], {
        encoding: "utf8",
      });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/left untouched/);
      expect(sha(p.bundle)).toBe(before);
    } finally {
      edit("components/schemas/Tag.yaml", (t) => t.replace("  broken: [\n", ""));
    }
  });

  it("generation from an unreadable bundle leaves the last good types intact", () => {
    const p = paths();
    const before = { types: sha(p.types), names: sha(p.names) };
    const bad = join(work, "not-a-spec.json");
    writeFileSync(bad, "{ this is not json");
    const r = spawnSync(
      process.execPath,
      [generateScript, "--write", "--spec", bad, "--out", p.types],
      {
        encoding: "utf8",
      },
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/type generation failed/);
    expect({ types: sha(p.types), names: sha(p.names) }).toEqual(before);
  });

  it("the repaired spec goes through again", () => {
    expect(runPipeline().ok).toBe(true);
    execFileSync(process.execPath, [
      generateScript,
      "--write",
      "--spec",
      paths().bundle,
      "--out",
      paths().types,
    ]);
  });
});

describe("the named types", () => {
  it("name every schema of the bundled spec and every operation's query", () => {
    const p = paths();
    const bundle = JSON.parse(readFileSync(p.bundle, "utf8"));
    const parameter = (x: { $ref?: string; in?: string }) =>
      x.$ref ? bundle.components.parameters[x.$ref.split("/").pop() as string] : x;
    const queries = Object.values(bundle.paths as Record<string, Record<string, Operation>>)
      .flatMap((item) => Object.values(item))
      .filter((op) => op.parameters?.some((x) => parameter(x).in === "query"))
      .map((op) => `${op.operationId.replace(/^get/, "")}Query`);
    const exported = [...readFileSync(p.names, "utf8").matchAll(/^export type (\w+) = /gm)].map(
      (m) => m[1],
    );
    const schemas = Object.keys(bundle.components.schemas);
    // Schemas in the spec's order, then the queries (in the operation facts' order).
    expect(exported.slice(0, schemas.length)).toEqual(schemas);
    expect(exported.slice(schemas.length).sort()).toEqual(queries.sort());
    expect(queries).toContain("CourseDashboardUsersQuery");
  });
});

describe("provenance (x-source) in the JSDoc", () => {
  it("names the provider's page or SDK of every such item, and marks the inferred ones", () => {
    const p = paths();
    const bundle = JSON.parse(readFileSync(p.bundle, "utf8"));
    const types = readFileSync(p.types, "utf8").replace(/\n\s*\* /g, " ");
    const cited: string[] = [];
    for (const schema of Object.values<Schema>(bundle.components.schemas)) {
      const parts = [schema, ...(schema.allOf ?? [])];
      for (const property of parts.flatMap((part) => Object.values(part.properties ?? {}))) {
        const source = property["x-source"];
        if (source?.from === "provider-page" || source?.from === "sdk") cited.push(source.page);
      }
    }
    expect(cited.length).toBeGreaterThan(40);
    const count = (text: string) => types.split(text).length - 1;
    for (const page of new Set(cited)) {
      const expected = cited.filter((cite) => cite === page).length;
      expect(count(`(source: ${page})`), page).toBeGreaterThanOrEqual(expected);
    }
    // An inferred field whose spec text carries no mark of its own gets one from its reason.
    expect(types).toMatch(
      /@description \(inferred: seen in real payloads only\) Preferred language/,
    );
  });
});

describe("the drift check", () => {
  it("fails on a stale generated file and prints the command that fixes it", () => {
    const p = paths();
    const stale = join(work, "stale.ts");
    writeFileSync(stale, `${readFileSync(p.types, "utf8")}\n// edited by hand\n`);
    const r = spawnSync(
      process.execPath,
      [generateScript, "--check", "--spec", p.bundle, "--out", stale],
      { encoding: "utf8" },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is stale/);
    expect(r.stderr).toContain("pnpm --filter @community-api/types generate");
  });

  it("checks instead of writing when CI is set", () => {
    const p = paths();
    const stale = join(work, "stale-ci.ts");
    writeFileSync(stale, "// old\n");
    const r = spawnSync(process.execPath, [generateScript, "--spec", p.bundle, "--out", stale], {
      encoding: "utf8",
      env: { ...process.env, CI: "true" },
    });
    expect(r.status).toBe(1);
    expect(readFileSync(stale, "utf8")).toBe("// old\n");
  });
});
