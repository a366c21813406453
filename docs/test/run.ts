// Runs a child process to completion and returns what it printed; never throws on exit codes,
// so each test states which exit code it expects.
import { spawn } from "node:child_process";

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Working directory. Default: the current one. */
  cwd?: string;
  /** Extra environment variables, on top of this process's. Default: none. */
  env?: Record<string, string>;
  /** Written to the child's stdin, which is then closed. Default: nothing. */
  input?: string;
  /** Kill the child after this many ms. Default: `30_000`. */
  timeout?: number;
}

export function run(
  command: string,
  args: readonly string[],
  { cwd, env, input, timeout = 30_000 }: RunOptions = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeout);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input ?? "");
  });
}
