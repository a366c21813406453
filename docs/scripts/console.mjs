// The Try-it console (console/): bundled with esbuild into one inline script at build time and
// added at the end of the page's <body>, beside Redoc's tree, never inside it. Its operations
// and parameters are the operation facts', handed over as a JSON data block: a new operation in
// the spec gets its console with no edit. The bundle holds the mock kit's handler and dataset,
// so the page answers every request itself and loads nothing.
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { MOCK_URL, SAMPLE_ID } from "./samples.mjs";

const entry = fileURLToPath(new URL("../console/main.ts", import.meta.url));

/**
 * @typedef {import("./samples.mjs").Facts} Facts
 * @typedef {import("../console/request.js").ConsoleConfig} ConsoleConfig
 */

/** @returns {string} the console's script: one IIFE, minified, with the mock kit inside */
export function bundleConsole() {
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    loader: { ".css": "text" },
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  // Inline, `</script` would end the block early and `<!--` changes how it is parsed.
  if (code === "" || /<\/script|<!--/i.test(code)) {
    throw new Error("the Try-it console bundle is empty or cannot be inlined in a <script>");
  }
  return code;
}

/**
 * What the console reads from the facts.
 * @param {Facts} facts
 * @returns {ConsoleConfig}
 */
export function consoleConfig(facts) {
  return {
    baseUrl: MOCK_URL,
    id: SAMPLE_ID,
    operations: facts.operations.map((operation) => ({
      operationId: operation.operationId,
      method: operation.method,
      path: operation.path,
      summary: operation.summary,
      tag: /** @type {{ tag?: string }} */ (operation).tag ?? "",
      roles: operation.roles,
      pathParameters: operation.pathParameters,
      queryParameters: operation.queryParameters,
    })),
  };
}

/** The marker of the console's config block, which the tests read back. */
export const CONSOLE_CONFIG_ID = "try-it-config";

/**
 * The page with the console's config and script before `</body>`.
 * @param {string} html the rendered page
 * @param {Facts} facts the operation facts of the spec the page shows
 */
export function withConsole(html, facts) {
  const at = html.lastIndexOf("</body>");
  if (at < 0) throw new Error("the page has no </body> to put the Try-it console before");
  // `<` escaped, so no summary or example can close the data block.
  const config = JSON.stringify(consoleConfig(facts)).replace(/</g, "\\u003c");
  const blocks = [
    `<script type="application/json" id="${CONSOLE_CONFIG_ID}">${config}</script>`,
    `<script id="try-it-script">${bundleConsole()}</script>`,
  ].join("\n");
  return `${html.slice(0, at)}${blocks}\n${html.slice(at)}`;
}
