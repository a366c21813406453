// startPrism: Prism binds a port the kernel picks (`--port 0`) and reports it over the IPC
// channel, so Prisms started at once never share one; an exit before Prism serves rejects with
// the exit and Prism's output, a crash afterwards ends `exited` with the line of Prism's output
// that names the error, and a reload of a changed spec (Prism listens again, on a new port) is
// followed.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import {
  type PrismOptions,
  type PrismProcess,
  probePrism,
  startPrism,
} from "../src/server/prism.js";

const dir = mkdtempSync(join(tmpdir(), "mock-prism-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A one-path spec (Prism's start-up is its module loading, whatever the spec). */
function writeSpec(name: string, paths: readonly string[] = ["/items/{id}"]): string {
  const operation = {
    parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
    responses: {
      "200": { description: "ok", content: { "application/json": { example: { ok: true } } } },
    },
  };
  const spec = {
    openapi: "3.0.3",
    info: { title: "prism test", version: "1" },
    paths: Object.fromEntries(paths.map((path) => [path, { get: operation }])),
  };
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(spec));
  return path;
}

const options = (specPath: string): PrismOptions => ({
  specPath,
  command: { kind: "mock", dynamic: false, seed: 1 },
  log: () => {},
  startupTimeoutMs: 30_000,
});

/** GET `path` from Prism directly: the status, or the connection's error. */
function get(port: number, path: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once("error", (error) => resolve(error.message));
    req.end();
  });
}

/** Whether `promise` has settled by the next macrotask. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

test("Prisms started at once each listen on their own port, and each port is its Prism's", async () => {
  // With ports picked beforehand (listen on 0, close, pass the number on), two of these could
  // be handed the same one: the loser exited, and its probe was answered by the winner.
  const spec = writeSpec("concurrent.json");
  const prisms: PrismProcess[] = await Promise.all(
    [1, 2, 3, 4].map(() => startPrism(options(spec))),
  );
  try {
    expect(new Set(prisms.map((p) => p.port)).size).toBe(prisms.length);
    for (const prism of prisms) expect(await settled(prism.exited)).toBe(false);
    // Stopping one Prism frees its port and leaves the others answering on theirs.
    for (const [i, prism] of prisms.entries()) {
      await prism.stop();
      expect(await probePrism(prism.port, 1000)).toMatch(/ECONNREFUSED/);
      for (const other of prisms.slice(i + 1)) {
        expect(await get(other.port, "/items/1")).toBe(200);
      }
    }
  } finally {
    await Promise.all(prisms.map((p) => p.stop()));
  }
});

test("a Prism that exits before it serves: the error names the exit and Prism's output", async () => {
  const spec = join(dir, "invalid.json");
  writeFileSync(spec, '{"openapi":');
  const started = performance.now();
  const error = await startPrism(options(spec)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).toMatch(/^Prism exited \(code 1, signal null\):\n/);
  expect((error as Error).message).toContain(`Error parsing ${spec}`);
  // Told as soon as Prism exits, not at the start-up time limit.
  expect(performance.now() - started).toBeLessThan(15_000);
});

test("a Prism that crashes after it serves: exited names the error from its output", async () => {
  const prism = await startPrism(options(writeSpec("crash.json")));
  try {
    // A path parameter Prism cannot percent-decode throws outside its request handling.
    await get(prism.port, "/items/%E0%A4%A");
    await expect(prism.exited).resolves.toMatch(
      /^code 1, signal null; its last output: .*URI malformed/,
    );
  } finally {
    await prism.stop();
  }
});

test("a Prism that reloads a changed spec is still reached on its port", async () => {
  // Prism closes its server and listens again, on `--port 0` a new port: `port` follows.
  const spec = writeSpec("reload.json");
  const prism = await startPrism(options(spec));
  try {
    expect(await get(prism.port, "/other/1")).toBe(404);
    writeSpec("reload.json", ["/items/{id}", "/other/{id}"]);
    const deadline = Date.now() + 20_000;
    let answer = await get(prism.port, "/other/1");
    while (answer !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await get(prism.port, "/other/1");
    }
    expect(answer).toBe(200);
    expect(await settled(prism.exited)).toBe(false);
  } finally {
    await prism.stop();
  }
});
