// The docs site keeps the last good build when the spec breaks. In a temporary copy of spec/
// and docs/ (the docs' node_modules pointing at the copied spec, so the build reads the copy's
// bundle exactly as it reads the real one), a good spec is built, then broken: in its source
// (the pipeline lint -> bundle -> docs stops, and even a forced docs build changes nothing) and
// in the bundle itself (what the docs build reads). Each time docs/dist stays byte-identical.
// packages/types/test/pipeline.test.ts proves the same for the bundle and the generated types.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../workspace.js";

let work: string;
const at = () => ({
  spec: join(work, "spec"),
  bundle: join(work, "spec", "dist"),
  docs: join(work, "docs"),
  site: join(work, "docs", "dist"),
});

interface Step {
  ok: boolean;
  output: string;
}

function run(script: string, args: string[] = []): Step {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: "utf8", cwd: work });
  return { ok: r.status === 0, output: r.stdout + r.stderr };
}
const lint = () => run(join(at().spec, "scripts", "lint.mjs"));
const bundle = () => run(join(at().spec, "scripts", "bundle.mjs"));
const buildDocs = () => run(join(at().docs, "scripts", "build.mjs"), ["--out", at().site]);

/** lint -> bundle -> docs build, stopping at the first failure, as turbo runs them. */
function pipeline(): Step {
  let output = "";
  for (const step of [lint, bundle, buildDocs]) {
    const result = step();
    output += result.output;
    if (!result.ok) return { ok: false, output };
  }
  return { ok: true, output };
}

/** sha256 of every file of the site, by name. */
function siteHashes(): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const name of readdirSync(at().site).sort()) {
    hashes[name] = createHash("sha256")
      .update(readFileSync(join(at().site, name)))
      .digest("hex");
  }
  return hashes;
}

/** Nothing but the site itself next to it: no half-built or swapped-out copies left behind. */
const docsEntries = () => readdirSync(at().docs).sort();

let goodSite: Record<string, string>;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "docs-broken-spec-"));
  cpSync(join(repoRoot, "redocly.yaml"), join(work, "redocly.yaml"));
  const skip = (src: string) => !/node_modules|[\\/]dist$/.test(src);
  cpSync(join(repoRoot, "spec"), at().spec, { recursive: true, filter: skip });
  symlinkSync(join(repoRoot, "spec", "node_modules"), join(at().spec, "node_modules"), "dir");
  for (const part of ["scripts", "samples", "content", "console"]) {
    cpSync(join(repoRoot, "docs", part), join(at().docs, part), { recursive: true });
  }
  // The docs resolve the spec as a package: make that package the copy. Every other dependency
  // of the docs (Redocly, esbuild, the mock kit the Try-it console bundles) is the real one.
  const modules = join(at().docs, "node_modules");
  const realModules = join(repoRoot, "docs", "node_modules");
  mkdirSync(join(modules, "@community-api"), { recursive: true });
  for (const name of readdirSync(realModules)) {
    if (name !== "@community-api") symlinkSync(join(realModules, name), join(modules, name), "dir");
  }
  for (const name of readdirSync(join(realModules, "@community-api"))) {
    const target = name === "spec" ? at().spec : join(realModules, "@community-api", name);
    symlinkSync(target, join(modules, "@community-api", name), "dir");
  }

  const first = pipeline();
  expect(first.output).toMatch(/docs: 3 operations/);
  expect(first.ok).toBe(true);
  goodSite = siteHashes();
  expect(Object.keys(goodSite)).toEqual([
    "fingerprint.json",
    "index.html",
    "openapi.json",
    "openapi.yaml",
  ]);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Applies `change` to a file of the copy, runs `test`, and restores the file. */
function withChanged(file: string, change: (text: string) => string, test: () => void): void {
  const original = readFileSync(file, "utf8");
  writeFileSync(file, change(original));
  try {
    test();
  } finally {
    writeFileSync(file, original);
  }
}

const SOURCE_BREAKAGES = [
  {
    name: "a YAML syntax error",
    file: "components/schemas/Tag.yaml",
    change: (t: string) => `${t}  broken: [\n`,
  },
  {
    name: "a bad $ref",
    file: "paths/api_v2_course_{id}_users.yaml",
    change: (t: string) => t.replace("CourseUserDashboardPage.yaml", "CourseUserDashbordPage.yaml"),
  },
];

describe("a broken spec source", () => {
  it.each(SOURCE_BREAKAGES)(
    "$name stops the pipeline before the docs and leaves the site byte-identical",
    ({ file, change }) => {
      withChanged(join(at().spec, file), change, () => {
        const result = pipeline();
        expect(result.ok).toBe(false);
        expect(result.output).not.toMatch(/docs: \d+ operations/);
        expect(siteHashes()).toEqual(goodSite);

        // Even a docs build run on its own reads the last good bundle: the same site, to the byte.
        expect(buildDocs().ok).toBe(true);
        expect(siteHashes()).toEqual(goodSite);
      });
    },
  );
});

describe("a broken bundle, read by the docs build", () => {
  const json = () => join(at().bundle, "openapi.json");
  const fingerprint = () => join(at().bundle, "fingerprint.json");
  /** Writes the fingerprint of `text` beside it, so only the content is wrong. */
  const fingerprinted = (text: string) => {
    const sha256 = createHash("sha256").update(text).digest("hex");
    const print = JSON.parse(readFileSync(fingerprint(), "utf8")) as { version: string };
    writeFileSync(fingerprint(), JSON.stringify({ version: print.version, sha256 }));
    return text;
  };
  const consistent = (change: (doc: Record<string, unknown>) => unknown) => (text: string) =>
    fingerprinted(JSON.stringify(change(JSON.parse(text) as Record<string, unknown>)));

  const CASES: { name: string; change: (text: string) => string; says: RegExp }[] = [
    {
      name: "truncated (fingerprint stale)",
      change: (t) => t.slice(0, t.length / 2),
      says: /does not match openapi\.json/,
    },
    {
      name: "not JSON (fingerprint matching)",
      change: () => fingerprinted("{ not json"),
      says: /JSON/,
    },
    {
      name: "without paths",
      change: consistent(({ paths: _, ...rest }) => rest),
      says: /./,
    },
    {
      name: "with an operation the docs have no code samples for",
      change: consistent((doc) =>
        JSON.parse(JSON.stringify(doc).replace('"getEventInvitedUsers"', '"getEventGuests"')),
      ),
      says: /getEventGuests/,
    },
  ];

  it.each(CASES)(
    "$name: the build fails, says why, and leaves the site byte-identical",
    ({ change, says }) => {
      const savedPrint = readFileSync(fingerprint(), "utf8");
      try {
        withChanged(json(), change, () => {
          const result = buildDocs();
          expect(result.ok).toBe(false);
          expect(result.output).toMatch(says);
          expect(result.output).toMatch(/last good site .* was left untouched/);
          expect(siteHashes()).toEqual(goodSite);
          expect(docsEntries()).toEqual([
            "console",
            "content",
            "dist",
            "node_modules",
            "samples",
            "scripts",
          ]);
        });
      } finally {
        writeFileSync(fingerprint(), savedPrint);
      }
    },
  );

  it("missing: the build fails, says how to make it, and leaves the site byte-identical", () => {
    const aside = `${at().bundle}-aside`;
    cpSync(at().bundle, aside, { recursive: true });
    rmSync(at().bundle, { recursive: true });
    try {
      const result = buildDocs();
      expect(result.ok).toBe(false);
      expect(result.output).toMatch(/bundle/);
      expect(siteHashes()).toEqual(goodSite);
    } finally {
      cpSync(aside, at().bundle, { recursive: true });
      rmSync(aside, { recursive: true });
    }
  });

  it("repaired: the build goes through again and gives the same site", () => {
    expect(existsSync(json())).toBe(true);
    expect(buildDocs().ok).toBe(true);
    expect(siteHashes()).toEqual(goodSite);
  });
});
