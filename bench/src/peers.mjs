// The clients a user could pick instead of ours, generated from our bundled spec by the pinned
// generators (bench/package.json) at benchmark time, into bench/.tmp/peers/ (git-ignored),
// then bundled by esbuild into one ESM file each so that any Node runs them:
//   hey-api: `@hey-api/openapi-ts` with its `@hey-api/client-fetch` client;
//   orval: its `fetch` client with the custom fetch its docs show for a base URL and a token.
// Both generators need Node >= 22.18: on an older Node the peers are skipped (`null`).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { exec } from "./lib/exec.mjs";
import { repoRoot } from "./lib/repo.mjs";

const require = createRequire(import.meta.url);
export const PEERS_DIR = fileURLToPath(new URL("../.tmp/peers/", import.meta.url));
const SPEC = join(repoRoot, "spec", "dist", "openapi.json");

/** Whether this Node runs the generators (both declare `node >= 22.18`). */
export function canGeneratePeers() {
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 18);
}

// orval's fetch client calls this with the operation's path and init; as in orval's
// custom-fetch example, it adds the base URL and the bearer token, and returns
// { data, status, headers }.
const ORVAL_FETCH = `let baseUrl = "";
let token = "";
export const configure = (url: string, bearer: string) => { baseUrl = url; token = bearer; };
export const customFetch = async <T>(url: string, options: RequestInit): Promise<T> => {
  const res = await fetch(\`\${baseUrl}\${url}\`, {
    ...options,
    headers: { ...(options.headers as Record<string, string>), Authorization: \`Bearer \${token}\` },
  });
  const body = [204, 205, 304].includes(res.status) ? null : await res.text();
  const data = body ? JSON.parse(body) : {};
  return { data, status: res.status, headers: res.headers } as T;
};
`;

/**
 * Node running a package's CLI (its `bin`).
 * @param {string} pkg @param {string} bin @param {string[]} args @param {string} cwd
 */
const cli = (pkg, bin, args, cwd) =>
  exec(process.execPath, [join(require.resolve(`${pkg}/package.json`), "..", bin), ...args], {
    cwd,
  });

/**
 * Generates and bundles both peers; returns the paths of their bundles, or null when this
 * Node cannot run the generators.
 * @returns {Promise<{ heyApi: string, orval: string } | null>}
 */
export async function generatePeers() {
  if (!canGeneratePeers()) return null;
  rmSync(PEERS_DIR, { recursive: true, force: true });
  mkdirSync(PEERS_DIR, { recursive: true });
  const heyPkg = require("@hey-api/openapi-ts/package.json");
  const orvalPkg = require("orval/package.json");
  await cli(
    "@hey-api/openapi-ts",
    typeof heyPkg.bin === "string" ? heyPkg.bin : heyPkg.bin["openapi-ts"],
    ["-i", SPEC, "-o", join(PEERS_DIR, "hey-api"), "-c", "@hey-api/client-fetch"],
    PEERS_DIR,
  );
  writeFileSync(join(PEERS_DIR, "orval-fetch.ts"), ORVAL_FETCH);
  writeFileSync(
    join(PEERS_DIR, "orval.config.mjs"),
    `export default { community: { input: { target: ${JSON.stringify(SPEC)} }, output: { target: "./orval/api.ts", client: "fetch", mode: "single", override: { mutator: { path: "./orval-fetch.ts", name: "customFetch" } } } } };\n`,
  );
  await cli(
    "orval",
    typeof orvalPkg.bin === "string" ? orvalPkg.bin : orvalPkg.bin.orval,
    ["--config", "orval.config.mjs"],
    PEERS_DIR,
  );
  writeFileSync(
    join(PEERS_DIR, "hey-api-entry.ts"),
    `export { client } from "./hey-api/client.gen";\nexport { getCourseDashboardUsers } from "./hey-api/sdk.gen";\n`,
  );
  writeFileSync(
    join(PEERS_DIR, "orval-entry.ts"),
    `export { configure } from "./orval-fetch";\nexport { getCourseDashboardUsers } from "./orval/api";\n`,
  );
  const paths = { heyApi: join(PEERS_DIR, "hey-api.mjs"), orval: join(PEERS_DIR, "orval.mjs") };
  for (const [entry, outfile] of /** @type {const} */ ([
    ["hey-api-entry.ts", paths.heyApi],
    ["orval-entry.ts", paths.orval],
  ])) {
    await build({
      entryPoints: [join(PEERS_DIR, entry)],
      bundle: true,
      format: "esm",
      platform: "node",
      outfile,
      logLevel: "warning",
    });
  }
  return paths;
}
