// Where the repository is and how to reach its pinned tools.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { exec } from "./exec.mjs";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The pnpm the repository pins (`packageManager`, without its integrity hash), e.g. pnpm@10.34.9. */
export function pinnedPnpm() {
  const manifest = JSON.parse(readFileSync(`${repoRoot}package.json`, "utf8"));
  const pinned = String(manifest.packageManager ?? "").split("+")[0];
  if (!pinned?.startsWith("pnpm@")) throw new Error("root package.json pins no pnpm");
  return pinned;
}

/**
 * A directory holding a `pnpm` executable of the pinned version, to put first on PATH: turbo
 * runs every task through the package manager binary it finds there. npx puts the package's
 * bin directory on the PATH of what it runs, so ask a child what that directory is.
 * @returns {Promise<string>}
 */
export async function pnpmBinDir() {
  const script =
    'const { existsSync } = require("node:fs"); const { delimiter, join } = require("node:path");' +
    'console.log(process.env.PATH.split(delimiter).find((d) => existsSync(join(d, "pnpm"))) ?? "")';
  const { stdout } = await exec("npx", ["-y", pinnedPnpm(), "exec", "node", "-e", script], {
    cwd: repoRoot,
  });
  const dir = stdout.trim();
  if (!dir) throw new Error("could not locate the pnpm binary that npx runs");
  return dir;
}
