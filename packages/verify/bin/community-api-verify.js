#!/usr/bin/env node
// The `community-api-verify` command. A committed file that loads the built CLI, rather than
// dist/cli.js itself: installing the workspace links every bin before anything is built, and a
// bin whose file does not exist yet cannot be linked.
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    "community-api-verify: dist/cli.js is missing; build the package first (`pnpm build` at the repository root)\n",
  );
  process.exit(2);
}
await import(cli.href);
