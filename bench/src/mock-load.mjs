// Child process of the mock benchmark: a bounded closed-loop load. `connections` keep-alive
// connections each send one request, wait for the whole answer, and send the next, for
// `durationMs` after `warmupMs` of unmeasured load. Prints one JSON line.
//   node mock-load.mjs <url> <token> <connections> <warmupMs> <durationMs>
// It runs in its own process so it never competes with the mock for an event loop.
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";

const [url, token, connectionsArg, warmupArg, durationArg] = process.argv.slice(2);
if (!url || !token || !connectionsArg || !warmupArg || !durationArg) {
  throw new Error("usage: <url> <token> <connections> <warmupMs> <durationMs>");
}
const target = url;
const connections = Number(connectionsArg);
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const headers = { Authorization: `Bearer ${token}`, Accept: "application/json" };

/** @returns {Promise<number>} the HTTP status, once the body is fully read */
function get() {
  return new Promise((resolve, reject) => {
    const req = request(target, { agent, headers }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/**
 * Runs the load for `ms`; returns latencies (ms) and status counts when `record` is set.
 * @param {number} ms
 */
async function load(ms) {
  /** @type {number[]} */
  const latencies = [];
  /** @type {Record<string, number>} */
  const statuses = {};
  let failures = 0;
  const end = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < end) {
      const start = performance.now();
      try {
        const status = await get();
        latencies.push(performance.now() - start);
        statuses[status] = (statuses[status] ?? 0) + 1;
      } catch {
        failures++;
      }
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  return { latencies, statuses, failures, elapsedMs: performance.now() - start };
}

await load(Number(warmupArg));
const result = await load(Number(durationArg));
agent.destroy();
process.stdout.write(
  `${JSON.stringify({
    ...result,
    latencies: result.latencies.map((ms) => Math.round(ms * 1000) / 1000),
  })}\n`,
);
