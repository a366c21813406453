// Reads the workspace's own manifests (never the network).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export type Manifest = {
  name: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
};

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

export function workspaceConfig(): {
  packages: string[];
  onlyBuiltDependencies?: string[];
  ignoredBuiltDependencies?: string[];
} {
  return parse(readFileSync(join(repoRoot, "pnpm-workspace.yaml"), "utf8"));
}

/** Directories of every workspace package, the root first. */
export function workspaceDirs(): string[] {
  const dirs = [repoRoot];
  for (const pattern of workspaceConfig().packages) {
    if (pattern.endsWith("/*")) {
      const parent = join(repoRoot, pattern.slice(0, -2));
      for (const entry of readdirSync(parent, { withFileTypes: true })) {
        if (entry.isDirectory()) dirs.push(join(parent, entry.name));
      }
    } else {
      dirs.push(join(repoRoot, pattern));
    }
  }
  return dirs.filter((dir) => {
    try {
      readFileSync(join(dir, "package.json"));
      return true;
    } catch {
      return false;
    }
  });
}
