// A tiny static file server for the built site (docs/dist/), with no dependency. The page routes
// with `#/...` hashes, so plain files are all it needs to serve.
//
// Usage: node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--root <dir>]
import { createReadStream, existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const defaultRoot = fileURLToPath(new URL("../dist", import.meta.url));

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".yaml": "application/yaml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * @typedef {object} ServeOptions
 * @property {number} [port] TCP port; `0` picks a free one. Default: `8080`.
 * @property {string} [host] interface to listen on. Default: `"127.0.0.1"` (loopback only).
 * @property {string} [root] folder to serve. Default: the built site, `docs/dist/`.
 */

/**
 * Serves the built docs over HTTP.
 * @param {ServeOptions} [options]
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>} the site's base URL (ends in `/`) and a stop function
 */
export async function serveDocs({ port = 8080, host = "127.0.0.1", root = defaultRoot } = {}) {
  const base = resolve(root);
  const server = createServer((request, response) => {
    void respond(base, request, response);
  });
  await new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolvePromise(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const urlHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  return {
    url: `http://${urlHost}:${actualPort}/`,
    stop: () =>
      new Promise((resolvePromise, reject) => {
        server.close((error) => (error ? reject(error) : resolvePromise()));
        server.closeAllConnections();
      }),
  };
}

/**
 * @param {string} base absolute folder served
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 */
async function respond(base, request, response) {
  const send = (/** @type {number} */ status, /** @type {string} */ text) => {
    response.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
    response.end(`${text}\n`);
  };
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("allow", "GET, HEAD");
    return send(405, "method not allowed");
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
  } catch {
    return send(400, "bad request");
  }
  // Resolve inside `base` only: `..` or an absolute path must never reach other files.
  const file = normalize(join(base, pathname.endsWith("/") ? `${pathname}index.html` : pathname));
  if (file !== base && !file.startsWith(base + sep)) return send(404, "not found");
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return send(404, "not found");
  response.writeHead(200, {
    "content-type":
      CONTENT_TYPES[/** @type {keyof typeof CONTENT_TYPES} */ (extname(file))] ??
      "application/octet-stream",
    "content-length": info.size,
    "cache-control": "no-cache",
  });
  if (request.method === "HEAD") return response.end();
  createReadStream(file).pipe(response);
}

// Run as a CLI: node scripts/serve.mjs --port 8080
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8080" },
      host: { type: "string", default: "127.0.0.1" },
      root: { type: "string" },
    },
  });
  const root = resolve(values.root ?? defaultRoot);
  if (!existsSync(join(root, "index.html"))) {
    console.error(`docs: no built site in ${root}; build it first with \`pnpm docs:build\``);
    process.exit(1);
  }
  const site = await serveDocs({ port: Number(values.port), host: values.host, root });
  console.log(`docs: serving ${site.url}`);
  const shutdown = () => {
    void site.stop().then(() => process.exit(0));
  };
  // `on`, not `once`: under `pnpm docs:serve` the terminal's SIGINT reaches us twice (the process
  // group's, then pnpm's), and a second one without a handler would kill us with code 130.
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
