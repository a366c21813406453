// Child processes for the benchmarks that time whole tools: run to completion, capture output,
// time the run, and fail loudly with the tail of the output when a tool fails.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ). */
const TICK_MS = 10;

/**
 * CPU time (user + system) of every child this process has waited for, grandchildren that
 * those waited for included: fields cutime and cstime of /proc/self/stat. Undefined off Linux.
 * On a shared machine a tool's CPU time barely moves when others load the cores, unlike its
 * wall time, so it is the steadier figure for comparing tool runs.
 * @returns {number | undefined} milliseconds
 */
export function childrenCpuMs() {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // cutime and cstime are fields 16 and 17 of the whole line, 14 and 15 after the name.
    return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/**
 * @typedef {object} ExecResult
 * @property {number} code Exit code (-1 when killed by a signal).
 * @property {string} output stdout and stderr, interleaved.
 * @property {string} stdout stdout alone.
 * @property {number} ms Wall-clock time of the run.
 * @property {number | undefined} cpuMs CPU time of the child and the children it waited for
 *   (Linux only; exact only when no other child of this process ends meanwhile).
 */

/**
 * Runs a command; never through a shell, so arguments need no quoting.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number, check?: boolean }} [options]
 *   `check` (default true) throws when the exit code is not 0; `timeoutMs` default 10 minutes.
 * @returns {Promise<ExecResult>}
 */
export function exec(command, args, { cwd, env, timeoutMs = 600_000, check = true } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const cpuStart = childrenCpuMs();
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const cpuEnd = childrenCpuMs();
      const result = {
        code: code ?? -1,
        output,
        stdout,
        ms: performance.now() - start,
        cpuMs: cpuStart === undefined || cpuEnd === undefined ? undefined : cpuEnd - cpuStart,
      };
      if (check && result.code !== 0) {
        const tail = output.trim().split("\n").slice(-30).join("\n");
        reject(new Error(`${command} ${args.join(" ")} exited ${result.code}:\n${tail}`));
      } else {
        resolve(result);
      }
    });
  });
}
