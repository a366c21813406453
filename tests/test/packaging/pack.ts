// Packs the published packages exactly as `pnpm publish` would: `pnpm pack` (which turns
// `workspace:*` into real versions) on the built package folders. Needs `pnpm build` first
// (turbo builds the client and the mock, and the types through the client, before this test).
import { execFile } from "node:child_process";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { readJson, repoRoot } from "../workspace.js";
import { publicPackages } from "./rehearsal.js";

const run = promisify(execFile);

/** The published packages (every public workspace package): its folder and npm name. */
export const PUBLISHED = publicPackages().map(({ dir, name }) => ({ dir, name }));

export type PublishedName = string;

/**
 * How to run pnpm: the pnpm running this test (`npm_execpath`, set by `pnpm test` and by turbo
 * through pnpm), else the version the root manifest pins, through npx.
 */
export function pnpmCommand(): { file: string; args: string[] } {
  const execPath = process.env.npm_execpath;
  if (execPath && /^pnpm(\.c?js)?$/.test(basename(execPath))) {
    return { file: process.execPath, args: [execPath] };
  }
  const { packageManager } = readJson<{ packageManager: string }>(join(repoRoot, "package.json"));
  // "pnpm@10.34.9+sha512.<hex>": npx wants the name and version only.
  return { file: "npx", args: ["-y", packageManager.split("+")[0] ?? "pnpm"] };
}

/** A packed tarball and the files `pnpm pack` put in it. */
export interface Tarball {
  readonly name: PublishedName;
  readonly file: string;
  readonly files: readonly string[];
}

/** Packs every published package into `destination` (in parallel); returns the tarballs. */
export async function packAll(destination: string): Promise<Record<PublishedName, Tarball>> {
  const pnpm = pnpmCommand();
  const packed = await Promise.all(
    PUBLISHED.map(async ({ dir, name }) => {
      const { stdout } = await run(
        pnpm.file,
        [...pnpm.args, "pack", "--json", "--pack-destination", destination],
        { cwd: dir, encoding: "utf8" },
      );
      const result = JSON.parse(stdout) as {
        name: string;
        filename: string;
        files: { path: string }[];
      };
      if (result.name !== name) throw new Error(`${dir} packed as ${result.name}`);
      return { name, file: result.filename, files: result.files.map((f) => f.path).sort() };
    }),
  );
  const byName = {} as Record<PublishedName, Tarball>;
  for (const tarball of packed) byName[tarball.name] = tarball;
  return byName;
}
