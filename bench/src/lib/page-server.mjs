// A bare node:http server on 127.0.0.1 that answers the course-dashboard path with
// precomputed JSON pages: the server side costs the same tiny amount for every contender,
// so differences between runs are the clients'.
import { createServer } from "node:http";
import { dashboardPage } from "./dashboard-fixture.mjs";

export const DASHBOARD_PATH = "/api/v2/course/1/users/";

/**
 * @typedef {object} PageServer
 * @property {string} url Base URL, e.g. http://127.0.0.1:41234
 * @property {() => number} requests How many requests it answered.
 * @property {() => Promise<void>} close
 */

/**
 * Serves a course of `count` members: `?limit=&offset=` are honoured (limit defaults to 20),
 * each page's body is built once and then served from memory.
 * @param {{ count: number, delayMs?: number }} options `delayMs` (default 0) holds every answer
 *   back, standing in for network and server time.
 * @returns {Promise<PageServer>}
 */
export async function startPageServer({ count, delayMs = 0 }) {
  let served = 0;
  /** @type {Map<string, Buffer>} */
  const bodies = new Map();
  /** @type {string} */
  let base = "";
  const server = createServer((req, res) => {
    served++;
    const url = new URL(req.url ?? "/", base);
    if (url.pathname !== DASHBOARD_PATH) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"detail":"Not found."}');
      return;
    }
    if (!req.headers.authorization?.startsWith("Bearer ")) {
      res.writeHead(401, { "content-type": "application/json" });
      res.end('{"detail":"Authentication credentials were not provided."}');
      return;
    }
    const limit = Number(url.searchParams.get("limit") ?? 20);
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const key = `${limit}:${offset}`;
    let body = bodies.get(key);
    if (!body) {
      const pageUrl = (/** @type {number} */ at) =>
        `${base}${DASHBOARD_PATH}?limit=${limit}&offset=${at}`;
      body = Buffer.from(JSON.stringify(dashboardPage({ count, offset, limit, pageUrl })));
      bodies.set(key, body);
    }
    const send = (/** @type {Buffer} */ bytes) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": bytes.length });
      res.end(bytes);
    };
    if (delayMs > 0) setTimeout(send, delayMs, body);
    else send(body);
  });
  // Keep idle keep-alive sockets open across a benchmark's rounds.
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  base = `http://127.0.0.1:${address.port}`;
  return {
    url: base,
    requests: () => served,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
