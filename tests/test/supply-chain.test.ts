import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { satisfies } from "./support/node-range.js";
import { type Manifest, readJson, repoRoot, workspaceConfig, workspaceDirs } from "./workspace.js";

const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const INSTALL_HOOKS = ["preinstall", "install", "postinstall"] as const;

/** Every installed package (name@version) that would run an install script. */
function packagesWithInstallScripts(): Set<string> {
  const store = join(repoRoot, "node_modules", ".pnpm");
  const found = new Set<string>();
  for (const id of readdirSync(store)) {
    const modules = join(store, id, "node_modules");
    if (!existsSync(modules)) continue;
    // The package itself is the one whose folder name the store id starts with.
    const scoped = id.startsWith("@");
    const name = scoped
      ? id.split("+").slice(0, 2).join("/").split("@").slice(0, 2).join("@")
      : id.split("@")[0];
    if (!name) continue;
    const manifestPath = join(modules, name, "package.json");
    if (!existsSync(manifestPath)) continue;
    const manifest = readJson<Manifest>(manifestPath);
    const hasHook = INSTALL_HOOKS.some((hook) => manifest.scripts?.[hook]);
    const hasGyp = existsSync(join(modules, name, "binding.gyp"));
    if (hasHook || hasGyp) found.add(manifest.name);
  }
  return found;
}

describe("supply chain", () => {
  it("runs no dependency install script that is not explicitly allowed or denied", () => {
    const config = workspaceConfig();
    const decided = new Set([
      ...(config.onlyBuiltDependencies ?? []),
      ...(config.ignoredBuiltDependencies ?? []),
    ]);
    const withScripts = packagesWithInstallScripts();
    expect(withScripts.size).toBeGreaterThan(0); // esbuild has one: the scan works
    const undecided = [...withScripts].filter((name) => !decided.has(name));
    expect(undecided, "add each to onlyBuiltDependencies or ignoredBuiltDependencies").toEqual([]);
  });

  it("keeps the analytics install script of @scarf/scarf denied", () => {
    expect(workspaceConfig().onlyBuiltDependencies ?? []).not.toContain("@scarf/scarf");
  });

  it("pins every dependency of every workspace package to an exact version", () => {
    const loose: string[] = [];
    for (const dir of workspaceDirs()) {
      const manifest = readJson<Manifest>(join(dir, "package.json"));
      for (const field of ["dependencies", "devDependencies", "optionalDependencies"] as const) {
        for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
          if (range === "workspace:*" || EXACT.test(range)) continue;
          loose.push(`${manifest.name} ${field}.${dep}: ${range}`);
        }
      }
    }
    expect(loose).toEqual([]);
  });

  it("ships only runtime dependencies that the published code imports, or pins within an imported one's range", () => {
    const unused: string[] = [];
    for (const dir of workspaceDirs()) {
      const manifest = readJson<Manifest>(join(dir, "package.json"));
      if (manifest.private || !existsSync(join(dir, "src"))) continue;
      const sources = readdirSync(join(dir, "src"), { recursive: true, encoding: "utf8" })
        .filter((file) => /\.(ts|mts|cts|js|mjs)$/.test(file))
        .map((file) => readFileSync(join(dir, "src", file), "utf8"))
        .join("\n");
      const deps = Object.entries(manifest.dependencies ?? {});
      const imported = new Set(
        deps
          .map(([dep]) => dep)
          .filter((dep) =>
            new RegExp(`(from|import|require|resolve)\\s*\\(?\\s*["']${dep}(/[^"']*)?["']`).test(
              sources,
            ),
          ),
      );
      for (const [dep, version] of deps) {
        if (imported.has(dep)) continue;
        // A pin of what an imported dependency depends on (the mock's Prism sub-packages: a
        // consumer's resolver reuses the pinned version where the dependency's range admits it).
        const pins = [...imported].some((owner) => {
          const range = readJson<Manifest>(join(dir, "node_modules", owner, "package.json"))
            .dependencies?.[dep];
          return range !== undefined && satisfies(version, range);
        });
        if (!pins) unused.push(`${manifest.name} -> ${dep}`);
      }
    }
    expect(unused).toEqual([]);
  });

  it("installs with a frozen lockfile in CI", () => {
    const ci = readFileSync(join(repoRoot, ".ci", "run"), "utf8");
    expect(ci).toMatch(/install --frozen-lockfile/);
    expect(existsSync(join(repoRoot, "pnpm-lock.yaml"))).toBe(true);
  });
});
