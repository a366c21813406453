// startMock's life cycle: stop() is idempotent and reported by `finished`; a Prism that dies on
// its own is reported too, and the front says so with a 502 instead of hanging; /health asks
// Prism every time, so a dead or stopped Prism is never reported healthy; a request to a stopped
// Prism ends with a 504 within the upstream time limit.
import { expect, test } from "vitest";
import { startMock } from "../src/index.js";

const auth = { headers: { authorization: "Bearer course-1-manager" } };

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Runs `request` and returns its answer (status and JSON body) and how long it took, in ms. */
async function timed(request: () => Promise<Response>) {
  const started = performance.now();
  const response = await request();
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body, ms: performance.now() - started };
}

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
    expect(await response.json()).toEqual({
      detail: expect.stringMatching(/^community-api-mock: Prism exited \(code .*signal SIGKILL\)/),
    });
    expect(log.join("\n")).toContain("Prism exited on its own");
    // /health says so at once (Prism's exit is known), with the reason and the usual fields.
    const health = await timed(() => fetch(`${mock.url}/health`));
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({
      status: "unavailable",
      reason: expect.stringMatching(/^Prism exited \(code .*signal SIGKILL\)$/),
      mode: "realistic",
    });
    expect(health.ms).toBeLessThan(1000);
  } finally {
    await mock.stop();
  }
});

test("a stopped (SIGSTOP) Prism: /health 503 within the probe bound, a request 504 within the upstream bound, ok again on SIGCONT", async () => {
  const probeTimeoutMs = 500;
  const upstreamTimeoutMs = 1500;
  const mock = await startMock({ port: 0, probeTimeoutMs, upstreamTimeoutMs });
  try {
    expect((await timed(() => fetch(`${mock.url}/health`))).body).toMatchObject({ status: "ok" });
    process.kill(mock.prismPid, "SIGSTOP");
    const [health, page] = await Promise.all([
      timed(() => fetch(`${mock.url}/health`)),
      timed(() => fetch(`${mock.url}/api/v2/course/1/users/`, auth)),
    ]);
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({
      status: "unavailable",
      reason: `Prism (pid ${mock.prismPid}) did not answer a probe within ${probeTimeoutMs} ms`,
    });
    expect(health.ms).toBeGreaterThanOrEqual(probeTimeoutMs - 50);
    expect(health.ms).toBeLessThan(probeTimeoutMs + 1000);
    expect(page.status).toBe(504);
    expect(page.body).toEqual({
      detail: `community-api-mock: Prism (pid ${mock.prismPid}) did not answer within ${upstreamTimeoutMs} ms.`,
    });
    expect(page.ms).toBeGreaterThanOrEqual(upstreamTimeoutMs - 50);
    expect(page.ms).toBeLessThan(upstreamTimeoutMs + 1000);

    process.kill(mock.prismPid, "SIGCONT");
    expect((await timed(() => fetch(`${mock.url}/health`))).status).toBe(200);
    expect((await fetch(`${mock.url}/api/v2/course/1/users/`, auth)).status).toBe(200);

    // stop() wakes a stopped Prism to end it, instead of waiting for its SIGKILL fallback (5 s).
    process.kill(mock.prismPid, "SIGSTOP");
    const stopping = performance.now();
    await mock.stop();
    expect(performance.now() - stopping).toBeLessThan(4000);
    expect(() => process.kill(mock.prismPid, 0)).toThrow();
  } finally {
    if (isRunning(mock.prismPid)) process.kill(mock.prismPid, "SIGCONT");
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
  await expect(startMock({ upstreamTimeoutMs: 0 })).rejects.toThrow(/upstreamTimeoutMs/);
  await expect(startMock({ probeTimeoutMs: Number.NaN })).rejects.toThrow(/probeTimeoutMs/);
});
