// Type-checks the snippets of the current release line (compat/v<line>/) against the current
// types. A failure means a public name, field, parameter or enum value was removed or renamed:
// that is a breaking change. It fails unless a major changeset for the types is pending.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const compatDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = join(compatDir, "..");
const { version } = JSON.parse(
  readFileSync(join(repoRoot, "packages", "types", "package.json"), "utf8"),
);

/** 0.x.y -> "v0.x" (minor is breaking before 1.0); otherwise "v<major>". */
export function releaseLine(v) {
  const [major, minor] = v.split(".");
  return major === "0" ? `v0.${minor}` : `v${major}`;
}

function pendingMajor() {
  const dir = join(repoRoot, ".changeset");
  if (!existsSync(dir)) return false;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .some((f) =>
      /["']?@community-api\/(types|client)["']?\s*:\s*major/.test(
        readFileSync(join(dir, f), "utf8"),
      ),
    );
}

const line = releaseLine(version);
const project = join(compatDir, line, "tsconfig.json");
if (!existsSync(project)) {
  console.error(`compat: no snippets for the release line ${line} (compat/${line}/tsconfig.json).`);
  process.exit(1);
}
const tsc = require.resolve("typescript/bin/tsc");
const result = spawnSync(process.execPath, [tsc, "--noEmit", "-p", project], { encoding: "utf8" });
if (result.status === 0) {
  console.log(`compat: the public API of line ${line} still type-checks`);
} else if (pendingMajor()) {
  console.log(result.stdout);
  console.log(
    `compat: breaking change accepted: a major changeset for @community-api/types is pending.`,
  );
} else {
  console.error(result.stdout + result.stderr);
  console.error(
    `compat: BREAKING CHANGE against release line ${line}. A public name, field, parameter or enum value was removed or renamed.\n` +
      "Restore it, or record a major version bump with `pnpm changeset` (see compat/README.md).",
  );
  process.exit(1);
}
