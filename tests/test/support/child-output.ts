// What a child process printed, stdout and stderr apart, once it has closed: for the packages'
// tests that run a built bin or a script in a child (verify's run-bin, the client's bomb child).
import type { ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";

/** A child's exit status and everything it printed. */
export interface ChildOutput {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Collects `child`'s piped stdout and stderr until it closes; rejects only if it cannot start. */
export function outputOf(
  child: ChildProcessByStdio<null, Readable, Readable>,
): Promise<ChildOutput> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}
