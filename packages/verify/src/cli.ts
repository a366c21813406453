#!/usr/bin/env node
// community-api-verify: see run-cli.ts. The exit status is set, not forced, so that the
// output is flushed before the process ends.
import { runCli } from "./run-cli.js";

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
