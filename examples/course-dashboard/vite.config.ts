// Two builds of one app: `vite build` (dist/) calls the API at the base URL in its settings (the
// local mock by default); `vite build --mode demo` (dist/demo/) answers every call in the browser
// with MSW's service worker and the mock's dataset, for a static demo with no server.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { DEFAULT_API_URL } from "./scripts/serve.mjs";

const require = createRequire(import.meta.url);

/** What the app shows from the spec (enums, roles), taken from its operation facts at build time. */
function specFacts() {
  const facts = JSON.parse(
    readFileSync(require.resolve("@community-api/spec/operations.json"), "utf8"),
  ) as {
    operations: {
      operationId: string;
      roles: { resource: string; roles: string[] } | null;
      queryParameters: { name: string; enum: string[] | null }[];
    }[];
  };
  const dashboard = facts.operations.find((op) => op.operationId === "getCourseDashboardUsers");
  const values = (name: string) =>
    dashboard?.queryParameters.find((p) => p.name === name)?.enum ?? [];
  return {
    joinStatuses: values("statuses"),
    orderings: values("ordering"),
    roles: Object.fromEntries(facts.operations.map((op) => [op.operationId, op.roles])),
  };
}

/** Emits the worker script msw ships next to the demo's page, so its scope covers the page. */
function mswWorker(): Plugin {
  return {
    name: "msw-worker",
    generateBundle() {
      this.emitFile({
        type: "asset",
        fileName: "mockServiceWorker.js",
        source: readFileSync(require.resolve("msw/mockServiceWorker.js"), "utf8"),
      });
    },
  };
}

export default defineConfig(({ mode }) => ({
  // Relative asset URLs: the demo runs from any folder of any static host.
  base: "./",
  plugins: [react(), ...(mode === "demo" ? [mswWorker()] : [])],
  define: {
    __SPEC_FACTS__: JSON.stringify(specFacts()),
    __DEFAULT_API_URL__: JSON.stringify(DEFAULT_API_URL),
  },
  // The demo build runs second (package.json) and lands inside dist/, which the first emptied.
  build: { outDir: mode === "demo" ? "dist/demo" : "dist" },
}));
