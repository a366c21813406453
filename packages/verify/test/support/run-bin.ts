// Runs the built bin in a child process, as users run it. The servers of a test live in the test's
// process, so never spawnSync. `maxRssMb`: the child's peak resident memory, read by a preload
// (report-rss.mjs) from process.resourceUsage() as it exits.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { outputOf } from "../../../../tests/test/support/child-output.js";
import { runCli } from "../../src/index.js";

const bin = fileURLToPath(new URL("../../bin/community-api-verify.js", import.meta.url));
const rss = new URL("./report-rss.mjs", import.meta.url).href;
const RSS_LINE = /\nmax-rss-kb (\d+)\n$/;

/** The command's arguments that check course 1 of the API at `baseUrl`, then `more`. */
export const courseArgs = (baseUrl: string, ...more: string[]): string[] => [
  "--base-url",
  baseUrl,
  "--course",
  "1",
  ...more,
];

/** What a run of the command printed, and its exit status. */
export interface Output {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Ran extends Output {
  /** Peak resident memory of the child, in MB (only with `measure`). */
  readonly maxRssMb: number | null;
  /** Wall time, in ms. */
  readonly ms: number;
}

export async function runBin(
  args: string[],
  env: Record<string, string> = {},
  measure = false,
): Promise<Ran> {
  const started = performance.now();
  const child = spawn(process.execPath, [...(measure ? ["--import", rss] : []), bin, ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { code, stdout, stderr } = await outputOf(child);
  const match = RSS_LINE.exec(stderr);
  return {
    code,
    stdout,
    stderr: match ? stderr.slice(0, match.index) : stderr,
    maxRssMb: match ? Number(match[1]) / 1024 : null,
    ms: performance.now() - started,
  };
}

/** Runs the command in this process (faster; the same code as the bin). */
export async function runHere(args: string[], env: Record<string, string> = {}): Promise<Output> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, env, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}
