// Proves the breaking-change guard bites for the client too: compat/v0.1/client.ts type-checks
// against the built client's declarations, and fails against copies of them where an export, an
// option, a method or an iterator is renamed, a parameter narrowed or a status literal widened.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../workspace.js";
import { TSC } from "./tools.js";

const run = promisify(execFile);
const clientDir = join(repoRoot, "packages", "client");
const declarations = readFileSync(join(clientDir, "dist", "index.d.ts"), "utf8");
const snippets = join(repoRoot, "compat", "v0.1", "client.ts");
// What the client's declarations import, resolved as the client itself resolves them.
const openapiFetch = join(
  dirname(createRequire(join(clientDir, "package.json")).resolve("openapi-fetch/package.json")),
  "dist",
  "index.d.mts",
);
const types = join(repoRoot, "packages", "types", "dist", "index.d.ts");

/** A change to the client's declarations, and what tsc must then name. */
interface Change {
  readonly name: string;
  readonly from: RegExp;
  readonly to: string;
  readonly reported: RegExp;
}

const CHANGES: Change[] = [
  {
    name: "an exported class renamed",
    from: /\bNotFoundError\b/g,
    to: "NotFoundException",
    reported: /NotFoundError/,
  },
  {
    name: "a client option renamed",
    from: /\bmaxRetries\?:/g,
    to: "retries?:",
    reported: /'maxRetries' does not exist/,
  },
  {
    name: "a named method renamed",
    from: /\bgetCourseDashboardUsers\(/g,
    to: "getCourseMembers(",
    reported: /getCourseDashboardUsers/,
  },
  {
    name: "an iterator renamed",
    from: /\bcourseDashboardUsers\(/g,
    to: "courseMembers(",
    reported: /courseDashboardUsers/,
  },
  {
    // The rule every JSON-array parameter (statuses) follows: one item or an array of them.
    name: "a parameter narrowed (statuses as a single status)",
    from: /JsonArrayParameters\[Op\]\[K\] \| readonly JsonArrayParameters\[Op\]\[K\]\[\]/g,
    to: "readonly JsonArrayParameters[Op][K][]",
    reported: /"(creator|joined)"/,
  },
  {
    name: "an error's literal status widened",
    from: /extends ApiError<404>/g,
    to: "extends ApiError<number>",
    reported: /does not satisfy the expected type '404'/,
  },
];

const work = mkdtempSync(join(tmpdir(), "compat-client-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A project that type-checks the snippets against a (changed) copy of the client's declarations; returns its folder's name. */
function project(name: string, dts: string): string {
  const folder = name.replace(/\W+/g, "-");
  const dir = join(work, folder);
  mkdirSync(join(dir, "client"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(join(dir, "client", "index.d.ts"), dts);
  writeFileSync(join(dir, "snippets.ts"), readFileSync(snippets));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: join(repoRoot, "tsconfig.base.json"),
      compilerOptions: {
        types: [],
        noUnusedLocals: false,
        noEmit: true,
        paths: {
          "@community-api/client": ["./client/index.d.ts"],
          "@community-api/types": [types],
          "openapi-fetch": [openapiFetch],
        },
      },
      include: ["snippets.ts"],
    }),
  );
  return folder;
}

const results = new Map<string, { ok: boolean; output: string }>();
beforeAll(async () => {
  const runs: [string, string][] = [["control", declarations]];
  for (const change of CHANGES) {
    const changed = declarations.replace(change.from, change.to);
    if (changed === declarations) throw new Error(`"${change.name}" no longer matches index.d.ts`);
    runs.push([change.name, changed]);
  }
  const folders = runs.map(([name, dts]) => [name, project(name, dts)] as const);
  // One tsc in build mode checks every project in turn (each its own program, as `-p` would),
  // parsing the lib and the shared declarations once instead of once per project.
  let output = "";
  try {
    await run(
      process.execPath,
      [TSC, "--build", "--pretty", "false", ...folders.map(([, folder]) => folder)],
      { cwd: work, encoding: "utf8" },
    );
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    output = stdout + stderr;
  }
  // Each diagnostic starts with its file's path (the project's folder first); the lines of its
  // message that follow are indented. Anything tsc said about no project fails the control.
  const said = new Map<string, string[]>(folders.map(([, folder]) => [folder, []]));
  const stray: string[] = [];
  let owner: string[] | undefined;
  for (const line of output.split("\n").filter((text) => text.trim() !== "")) {
    if (/^\s/.test(line) && owner) {
      owner.push(line);
      continue;
    }
    owner = said.get(line.slice(0, line.indexOf("/")));
    (owner ?? stray).push(line);
  }
  for (const [name, folder] of folders) {
    const own = said.get(folder) ?? [];
    results.set(name, { ok: own.length === 0, output: own.join("\n") });
  }
  if (stray.length > 0) results.set("control", { ok: false, output: stray.join("\n") });
}, 120_000);

describe("compat/v0.1/client.ts", () => {
  it("type-checks against the built client's declarations", () => {
    expect(results.get("control")).toEqual({ ok: true, output: "" });
  });

  it.each(CHANGES.map((change) => [change.name, change] as const))(
    "fails when %s",
    (name, change) => {
      const result = results.get(name);
      expect(result?.ok).toBe(false);
      expect(result?.output).toMatch(change.reported);
    },
  );
});
