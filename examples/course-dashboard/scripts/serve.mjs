// Serves the built app (dist/; the demo build is under /demo/) on localhost, with the docs' tiny
// static server. The main job (`pnpm start`, scripts/serve.mjs at the root) calls serveExample.
//   node scripts/serve.mjs [--port 5173] [--host 127.0.0.1]
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { serveDocs } from "../../../docs/scripts/serve.mjs";

const distDir = fileURLToPath(new URL("../dist", import.meta.url));

/** The port the app is served on by default: Vite's. */
export const EXAMPLE_PORT = 5173;

/** The API the app calls by default: the local mock at its default port (`pnpm start`, `pnpm mock`). */
export const DEFAULT_API_URL = "http://127.0.0.1:4010";

/**
 * Serves the built app.
 * @param {{ port?: number, host?: string }} [options] port (default {@link EXAMPLE_PORT}; `0`
 *   picks a free one) and interface (default `"127.0.0.1"`, loopback only)
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>} the app's URL (ends in `/`) and a stop function
 */
export async function serveExample({ port = EXAMPLE_PORT, host = "127.0.0.1" } = {}) {
  if (!existsSync(resolve(distDir, "index.html"))) {
    throw new Error(
      "examples/course-dashboard is not built: run `pnpm build` (or `pnpm --filter @community-api/example-course-dashboard build`)",
    );
  }
  return serveDocs({ port, host, root: distDir });
}

/**
 * The address to open for an API at `apiUrl`: the app defaults to the mock's default address,
 * so any other one goes in `?api=`.
 * @param {string} appUrl
 * @param {string} apiUrl
 */
export function exampleUrl(appUrl, apiUrl) {
  return apiUrl === DEFAULT_API_URL ? appUrl : `${appUrl}?api=${encodeURIComponent(apiUrl)}`;
}

// Run as a CLI.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: String(EXAMPLE_PORT) },
      host: { type: "string", default: "127.0.0.1" },
    },
  });
  const app = await serveExample({ port: Number(values.port), host: values.host });
  console.log(`course dashboard: serving ${app.url} (the demo on MSW: ${app.url}demo/)`);
  const shutdown = () => void app.stop().then(() => process.exit(0));
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
