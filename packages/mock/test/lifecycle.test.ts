// startMock's life cycle: stop() is idempotent and reported by `finished`; a Prism that dies on
// its own is reported too, and the front says so with a 502 instead of hanging.
import { expect, test } from "vitest";
import { startMock } from "../src/index.js";

test("stop() twice, then finished says stopped and Prism is gone", async () => {
  const mock = await startMock({ port: 0 });
  await Promise.all([mock.stop(), mock.stop()]);
  await expect(mock.finished).resolves.toEqual({ reason: "stopped" });
  expect(() => process.kill(mock.prismPid, 0)).toThrow();
  await expect(fetch(`${mock.url}/health`)).rejects.toThrow();
});

test("a Prism killed from outside: finished reports it, the front answers 502", async () => {
  const log: string[] = [];
  const mock = await startMock({ port: 0, log: (line) => log.push(line) });
  try {
    process.kill(mock.prismPid, "SIGKILL");
    await expect(mock.finished).resolves.toMatchObject({ reason: "prism-exited" });
    const response = await fetch(`${mock.url}/api/v2/course/1/users/`, {
      headers: { authorization: "Bearer course-1-manager" },
    });
    expect(response.status).toBe(502);
    expect(log.join("\n")).toContain("Prism exited on its own");
  } finally {
    await mock.stop();
  }
});

test("a port in use rejects startMock, and stops what it had started", async () => {
  const first = await startMock({ port: 0 });
  try {
    await expect(startMock({ port: first.port })).rejects.toThrow(/EADDRINUSE/);
  } finally {
    await first.stop();
  }
});

test("bad options are rejected before anything starts", async () => {
  await expect(startMock({ mode: "fast" as never })).rejects.toThrow(/mode/);
  await expect(startMock({ seed: 1.5 })).rejects.toThrow(/seed/);
});
