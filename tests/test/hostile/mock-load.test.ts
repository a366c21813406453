// Bounded load on the mock as users run it: the `community-api-mock` CLI in its own process
// (so its memory is its own), Prism as its child. A few thousand valid requests at concurrency
// 50 over loopback: every answer a 200, resident memory of both processes growing less than the
// stated bound, and after SIGTERM: exit code 0, Prism gone, port free.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childrenOf, eventually, isAlive, portIsFree, rssBytes } from "../support/processes.js";

const REQUESTS = 3_000;
const CONCURRENCY = 50;
const WARM_UP = 1_000;
/**
 * V8 grows a heap lazily: left alone, Prism's resident memory climbs ~100 MiB over the first
 * few thousand requests before its first full collection, then drops back, which says nothing
 * about leaks. With the old generation capped, garbage must be collected as it is made, so
 * what still grows is memory that is kept; a heap leak large enough would crash the process.
 */
const HEAP_CAP = "--max-old-space-size=128";
/** Growth of the two processes' resident memory over the run that counts as a leak. */
const MAX_RSS_GROWTH = 50 * 1024 * 1024;

const require = createRequire(import.meta.url);
const mockDir = dirname(require.resolve("@community-api/mock/package.json"));
const cliPath = join(
  mockDir,
  (require("@community-api/mock/package.json") as { bin: Record<string, string> }).bin[
    "community-api-mock"
  ] ?? "",
);

interface Facts {
  operations: {
    path: string;
    list: boolean;
    roles: { resource: string; roles: string[] };
    queryParameters: {
      name: string;
      type: string | null;
      enum: string[] | null;
      jsonArray: { enum: string[] } | null;
      examples: unknown[];
    }[];
  }[];
}
const { operations } = JSON.parse(
  readFileSync(require.resolve("@community-api/spec/operations.json"), "utf8"),
) as Facts;
const lists = operations.filter((op) => op.list);

/** A varied but always valid request of one of the spec's lists: [path, token]. */
function request(i: number): [string, string] {
  const op = lists[i % lists.length] ?? lists[0];
  if (!op) throw new Error("the spec has no list operation");
  const id = (i % 4) + 1; // every dataset resource has ids 1-4 at least
  const query = op.queryParameters.flatMap((p) => {
    const array = p.jsonArray?.enum;
    const value = array
      ? JSON.stringify(array.slice(i % array.length, (i % array.length) + 2))
      : p.enum
        ? p.enum[i % p.enum.length]
        : p.type === "integer"
          ? String((i % 50) + (p.name === "limit" ? 1 : 0))
          : i % 7 === 0
            ? String(p.examples[0] ?? "")
            : undefined;
    return value === undefined ? [] : [`${p.name}=${encodeURIComponent(value)}`];
  });
  return [
    `${op.path.replace(/\{[^}]+\}/, String(id))}?${query.join("&")}`,
    `${op.roles.resource}-${id}-${op.roles.roles[0]}`,
  ];
}

let cli: ChildProcess;
let url: string;
let port: number;
let prismPid: number;

beforeAll(async () => {
  cli = spawn(process.execPath, [cliPath, "--port", "0", "--quiet"], {
    stdio: ["ignore", "pipe", "pipe"],
    // Inherited by Prism, which the CLI spawns with its own environment.
    env: { ...process.env, NODE_OPTIONS: HEAP_CAP },
  });
  let output = "";
  cli.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    cli.once("exit", (code) => reject(new Error(`the mock exited (${code}):\n${output}`)));
    cli.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(output);
      const prism = /Prism pid (\d+)/.exec(output);
      if (listening?.[1] && listening[2] && prism?.[1]) {
        url = listening[1];
        port = Number(listening[2]);
        prismPid = Number(prism[1]);
        resolve();
      }
    });
  });
});

afterAll(async () => {
  // Only if a test failed before the shutdown test: never leave the mock running.
  if (cli.exitCode === null && cli.signalCode === null) {
    cli.kill("SIGKILL");
    await eventually(() => !isAlive(prismPid));
  }
});

/** Sends `count` requests with `CONCURRENCY` workers; returns the statuses that were not 200. */
async function load(from: number, count: number): Promise<string[]> {
  const failures: string[] = [];
  let next = from;
  const worker = async () => {
    while (next < from + count) {
      const [path, token] = request(next++);
      const response = await fetch(`${url}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const text = await response.text();
      if (response.status !== 200)
        failures.push(`${response.status} ${path} ${text.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures;
}

const rssOfMock = () => rssBytes(cli.pid ?? 0) + rssBytes(prismPid);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

describe("the mock under bounded load", () => {
  it("runs as two processes, the CLI and its Prism child, both with the heap cap", () => {
    expect(isAlive(prismPid)).toBe(true);
    expect(childrenOf(cli.pid ?? 0)).toContain(prismPid);
    expect(readFileSync(`/proc/${prismPid}/environ`, "utf8").split("\0")).toContain(
      `NODE_OPTIONS=${HEAP_CAP}`,
    );
  });

  it(`answers ${REQUESTS} requests at concurrency ${CONCURRENCY} with 200s and no memory growth beyond ${mib(MAX_RSS_GROWTH)}`, async () => {
    expect(await load(0, WARM_UP)).toEqual([]);
    const before = rssOfMock();
    const started = performance.now();

    const failures = await load(WARM_UP, REQUESTS);

    const seconds = (performance.now() - started) / 1000;
    const after = rssOfMock();
    console.info(
      `mock load: ${REQUESTS} requests in ${seconds.toFixed(1)} s (${Math.round(REQUESTS / seconds)}/s), ` +
        `RSS of CLI + Prism ${mib(before)} -> ${mib(after)}`,
    );
    expect(failures).toEqual([]);
    expect(after - before).toBeLessThan(MAX_RSS_GROWTH);
  });

  it("shuts down cleanly on SIGTERM: exit code 0, Prism gone, port free", async () => {
    const exited = new Promise<number | null>((resolve) => cli.once("exit", resolve));
    cli.kill("SIGTERM");

    expect(await exited).toBe(0);
    expect(await eventually(() => !isAlive(prismPid))).toBe(true);
    expect(await portIsFree(port)).toBe(true);
  });
});
