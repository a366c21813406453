// Runs the Redocly CLI of this package with the repository's redocly.yaml and returns its
// output, minus the Node 20 end-of-life banner (it is noise in CI logs, not a problem).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
export const specDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = join(specDir, "..");
const cli = join(dirname(require.resolve("@redocly/cli/package.json")), "bin", "cli.js");

export function redocly(args, { cwd = specDir } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  const clean = (text) =>
    (text ?? "")
      .split("\n")
      .filter((line) => !/[║╔╚]/.test(line))
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  return { status: result.status ?? 1, stdout: clean(result.stdout), stderr: clean(result.stderr) };
}
