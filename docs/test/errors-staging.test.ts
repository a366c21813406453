// The errors guide's "Stage them in your tests" snippets are the files of samples/errors/,
// verbatim, and they run as a reader would run them: the MSW one in an ES module project
// (type-checked against the packages, then run with node), the HTTP one with the real curl
// against the realistic mock. Each prints what the guide says it prints.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningMock, startMock } from "@community-api/mock";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentDir, docsDir } from "./paths.js";
import { run } from "./run.js";

const guide = readFileSync(join(contentDir, "05-errors.md"), "utf8");
const sample = (name: string) => readFileSync(join(docsDir, "samples", "errors", name), "utf8");

/** What the guide says `source` prints: the `text` block after the block that shows it. */
function printed(fence: string, source: string): string {
  const block = `\`\`\`${fence}\n${source}\`\`\`\n`;
  const at = guide.indexOf(block);
  expect(at, `the errors guide shows the sample verbatim in a ${fence} block`).toBeGreaterThan(-1);
  const output = /```text\n([\s\S]*?)```/.exec(guide.slice(at + block.length))?.[1];
  if (output === undefined) throw new Error("the guide shows no output after the sample");
  return output;
}

const NODE_LOCALSTORAGE_WARNING =
  /^\(node:\d+\) ExperimentalWarning: localStorage is not available because --localstorage-file was not provided\.\n\(Use `node --trace-warnings \.\.\.` to show where the warning was created\)\n/;

describe("the errors guide's staging samples", () => {
  it("stage-with-msw.ts type-checks and prints what the guide shows", async () => {
    const source = sample("stage-with-msw.ts");
    const expected = printed("ts", source);
    // A reader's ES module project, whose node_modules (a link to the docs') has the packages.
    const scratch = mkdtempSync(join(tmpdir(), "docs-staging-"));
    try {
      symlinkSync(join(docsDir, "node_modules"), join(scratch, "node_modules"), "dir");
      writeFileSync(join(scratch, "package.json"), '{ "private": true, "type": "module" }');
      writeFileSync(join(scratch, "stage.ts"), source);
      writeFileSync(
        join(scratch, "tsconfig.json"),
        JSON.stringify({ extends: join(docsDir, "tsconfig.json"), include: ["*.ts"] }),
      );
      const tsc = join(createRequire(import.meta.url).resolve("typescript/package.json"), "..");
      const checked = await run(process.execPath, [join(tsc, "bin", "tsc"), "-p", scratch], {
        cwd: scratch,
        timeout: 60_000,
      });
      expect(checked.stdout + checked.stderr).toBe("");
      const { outputText } = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      const result = await run(process.execPath, ["--input-type=module"], {
        cwd: scratch,
        input: outputText,
      });
      // Node 25+ warns once when anything reads globalThis.localStorage without
      // --localstorage-file; msw's cookie store does. That line is Node's, not the sample's.
      const stderr = result.stderr.replace(NODE_LOCALSTORAGE_WARNING, "");
      expect(stderr).toBe("");
      expect(result.stdout).toBe(expected);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  describe("against the HTTP mock", () => {
    let mock: RunningMock;
    beforeAll(async () => {
      mock = await startMock({ port: 0 });
    });
    afterAll(() => mock?.stop());

    it("stage-with-http-mock.sh prints what the guide shows (real curl)", async (context) => {
      const curl = await run("curl", ["--version"]).catch(() => undefined);
      if (curl?.code !== 0) {
        if (process.env.CI) throw new Error("curl is not installed: apt-get install -y curl");
        console.warn("SKIPPED stage-with-http-mock.sh: no curl binary on PATH");
        return context.skip();
      }
      const source = sample("stage-with-http-mock.sh");
      const expected = printed("sh", source);
      const result = await run(
        "sh",
        [join(docsDir, "samples", "errors", "stage-with-http-mock.sh")],
        {
          env: { COMMUNITY_API_URL: `${mock.url}/`, COMMUNITY_API_TOKEN: "" },
        },
      );
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe(expected);
    });
  });
});
