// 3. Bundle size: the same list call written with each library (./bundle-entries/), bundled by
// esbuild for the browser (minified), then gzip -9. Sizes are deterministic: one build each.
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { fixed, kB } from "./lib/report.mjs";

const entriesDir = fileURLToPath(new URL("./bundle-entries/", import.meta.url));
const require = createRequire(import.meta.url);

/** Entry file -> label, in table order. */
const ENTRIES = {
  "raw-fetch.mjs": "raw fetch",
  "openapi-fetch.mjs": "bare openapi-fetch",
  "client-plain.mjs": "our core client, plain calls only",
  "client-paginate.mjs": "our core client, plain calls + paginate()",
  "client-errors.mjs": "our core client, plain calls + error classes",
  "client-plain-full-factory.mjs": "our createCommunityClient, plain calls only",
  "client-full.mjs": "our createCommunityClient, pagination + errors + retries/timeout",
  "official-sdk.mjs": "official SDK (@selfcommunity/api-services)",
  "query-by-hand.mjs": "our createCommunityClient + TanStack query-core, a query written by hand",
  "query-options.mjs":
    "our createCommunityClient + query-core, the query from @community-api/query",
};

/**
 * @typedef {object} BundleSize
 * @property {string} entry
 * @property {string} label
 * @property {number} minified Bytes of the minified bundle.
 * @property {number} gzip Bytes after gzip -9.
 */

/**
 * Bundles one entry file the way an app's bundler would for the browser.
 * @param {string} entry File name in bundle-entries/.
 * @returns {Promise<{ minified: number, gzip: number }>}
 */
export async function bundleSize(entry) {
  const result = await build({
    ...browserBuild(entry),
    write: false,
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error(`${entry}: no output`);
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

/**
 * The published bundle of our client is one file, so it cannot say which part of it survived.
 * Built from the client's TypeScript sources instead, esbuild's metafile tells how many bytes
 * each source module left in the output: 0 means it was tree-shaken away.
 * @param {string} entry File name in bundle-entries/.
 * @returns {Promise<Record<string, number> | undefined>} client module file name (or
 *   dependency package name) -> bytes, or undefined when the client's sources are not there.
 */
export async function clientModuleBytes(entry) {
  const source = join(
    dirname(require.resolve("@community-api/client/package.json")),
    "src",
    "index.ts",
  );
  if (!existsSync(source)) return undefined;
  const result = await build({
    ...browserBuild(entry),
    write: false,
    metafile: true,
    alias: { "@community-api/client": source },
  });
  const output = Object.values(result.metafile.outputs)[0];
  if (!output) throw new Error(`${entry}: no output`);
  /** @type {Record<string, number>} */
  const bytes = {};
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    const inModules = file.lastIndexOf("node_modules/");
    const dependency =
      inModules === -1 ? undefined : /^(?:@[^/]+\/)?[^/]+/.exec(file.slice(inModules + 13))?.[0];
    if (dependency) bytes[dependency] = (bytes[dependency] ?? 0) + bytesInOutput;
    else if (file.includes("packages/client/src/")) bytes[basename(file)] = bytesInOutput;
  }
  return bytes;
}

/**
 * esbuild options shared by every build: what an app's bundler does for the browser.
 * @param {string} entry
 * @returns {import("esbuild").BuildOptions}
 */
function browserBuild(entry) {
  return {
    entryPoints: [`${entriesDir}${entry}`],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    logLevel: "silent",
  };
}

/** @returns {Promise<import("./lib/report.mjs").BenchResult>} */
export async function run() {
  const missing = Object.keys(ENTRIES).filter((e) => !readdirSync(entriesDir).includes(e));
  if (missing.length > 0) throw new Error(`missing bundle entries: ${missing.join(", ")}`);
  /** @type {BundleSize[]} */
  const sizes = [];
  for (const [entry, label] of Object.entries(ENTRIES)) {
    sizes.push({ entry, label, ...(await bundleSize(entry)) });
  }
  const gzipOf = (/** @type {string} */ entry) =>
    sizes.find((s) => s.entry === entry)?.gzip ?? Number.NaN;
  const raw = gzipOf("raw-fetch.mjs");
  const plain = gzipOf("client-plain.mjs");
  const full = gzipOf("client-full.mjs");

  const plainModules = await clientModuleBytes("client-plain.mjs");
  const fullModules = await clientModuleBytes("client-full.mjs");
  /** @type {import("./lib/report.mjs").Row[]} */
  const moduleRows = [];
  /** @type {import("./lib/report.mjs").Bar[]} */
  const shakeBars = [];
  const notes = [
    `our full client is ${fixed(full / gzipOf("openapi-fetch.mjs"))}x bare openapi-fetch and ${fixed(full / gzipOf("official-sdk.mjs"))}x the official SDK`,
    // Its budget (1.5 kB over the client and query-core) is packages/query's size test.
    `@community-api/query adds ${kB(gzipOf("query-options.mjs") - gzipOf("query-by-hand.mjs"))} gzip to an app that writes the same query by hand`,
  ];
  if (plainModules && fullModules) {
    for (const [file, bytes] of Object.entries(fullModules)) {
      moduleRows.push({
        label: `${file.endsWith(".ts") ? "client module" : "dependency"} ${file}: minified bytes in the plain / full build`,
        value: `${plainModules[file] ?? 0} / ${bytes}`,
      });
    }
    // Pagination is the one optional feature: by the client's contract every plain call maps
    // errors to typed classes and retries (maxRetries defaults to 2), so those must stay. The
    // plain build is the core client's (createCommunityCoreClient); createCommunityClient's
    // `paginate`/`pages` properties keep pagination in any build that uses that factory.
    const pagination = Object.keys(fullModules).filter((f) => /paginat/i.test(f));
    const left = pagination.reduce((sum, f) => sum + (plainModules[f] ?? 0), 0);
    shakeBars.push({
      name: "pagination tree-shakes away from a plain-calls build",
      pass: pagination.length > 0 && left === 0,
      measured:
        pagination.length === 0
          ? "no pagination module found in the client's sources"
          : `${left} bytes of ${pagination.join(", ")} left in the plain build`,
    });
    notes.push(
      "error classes and retries are part of every plain call by contract (typed errors, maxRetries 2), so only pagination can be left out",
    );
  } else {
    notes.push("client sources not found: no per-module attribution, tree-shaking not judged");
  }
  return {
    name: "bundle",
    title: "Bundle size (esbuild, minified, browser, gzip -9, one list call)",
    rows: [
      ...sizes.map((s) => ({
        label: s.label,
        value: `${kB(s.gzip)} gzip (${kB(s.minified)} min)`,
        ratio: `+${kB(s.gzip - raw)} over raw fetch`,
      })),
      ...moduleRows,
    ],
    bars: [
      // The size budget itself is the scale benchmark's bar (and the packaging test's).
      ...shakeBars,
    ],
    notes,
    data: { sizes, plainModules, fullModules, plainGzip: plain },
  };
}
