// 1. Per-request overhead: sequential GETs of one fixed 20-item dashboard page from a local
// node:http server, through raw fetch, bare openapi-fetch, our client with everything on, and
// the provider's official SDK. Reported as ratios to raw fetch measured in the same rounds.
import { createRequire } from "node:module";
import { interleave, pairedRatio } from "./lib/measure.mjs";
import { DASHBOARD_PATH, startPageServer } from "./lib/page-server.mjs";
import { fixed } from "./lib/report.mjs";

const require = createRequire(import.meta.url);
const TOKEN = "course-1-manager";
const PAGE_SIZE = 20;

/**
 * @typedef {object} OverheadOptions
 * @property {number} [rounds] Measured rounds per contender (default 30).
 * @property {number} [batch] Sequential requests per round (default 100: 3,000 per contender).
 * @property {number} [warmupRounds] Unmeasured rounds first (default 10): V8 keeps optimising
 *   the hot paths for the first thousand or so calls, and a contender measured before that
 *   would pay for it.
 */

/**
 * The official SDK (axios-based). Its ESM build does not load in Node (directory imports), so
 * it is loaded through require, as a Node user of it has to.
 * @param {string} baseUrl
 * @returns {() => Promise<{ results: unknown[] }>}
 */
function officialSdk(baseUrl) {
  /** @type {{ http: { setBasePortal(url: string): void, setAuthorizeToken(token: string): void }, CourseService: { getCourseDashboardUsers(id: number, params: object): Promise<{ results: unknown[] }> } }} */
  const sdk = require("@selfcommunity/api-services");
  // The SDK holds one global axios instance: base URL and bearer token are set on it.
  sdk.http.setBasePortal(baseUrl);
  sdk.http.setAuthorizeToken(TOKEN);
  return () => sdk.CourseService.getCourseDashboardUsers(1, { limit: PAGE_SIZE });
}

/**
 * @param {OverheadOptions} [options]
 * @returns {Promise<import("./lib/report.mjs").BenchResult>}
 */
export async function run({ rounds = 30, batch = 100, warmupRounds = 10 } = {}) {
  const { createCommunityClient } = await import("@community-api/client");
  const { default: createClient } = await import("openapi-fetch");
  const server = await startPageServer({ count: 1000 });
  try {
    const url = `${server.url}${DASHBOARD_PATH}?limit=${PAGE_SIZE}`;
    const headers = { Authorization: `Bearer ${TOKEN}` };

    /** @type {import("openapi-fetch").Client<import("@community-api/types").paths>} */
    const bare = createClient({ baseUrl: server.url, headers });
    // Everything on: auth from a token, retries, a per-request timeout, typed error mapping.
    const ours = createCommunityClient({
      baseUrl: server.url,
      token: TOKEN,
      maxRetries: 2,
      timeout: 30_000,
    });
    const sdkCall = officialSdk(server.url);

    /** @type {Record<string, () => Promise<{ results: unknown[] } | undefined>>} */
    const calls = {
      "raw fetch": async () => {
        const response = await fetch(url, { headers });
        if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`);
        return /** @type {Promise<{ results: unknown[] }>} */ (response.json());
      },
      "bare openapi-fetch": async () => {
        const { data, error } = await bare.GET("/api/v2/course/{id}/users/", {
          params: { path: { id: "1" }, query: { limit: PAGE_SIZE } },
        });
        if (error) throw new Error("openapi-fetch: error response");
        return data;
      },
      "our client (auth, retries, timeout, errors)": () =>
        ours.getCourseDashboardUsers(1, { limit: PAGE_SIZE }),
      "official SDK (@selfcommunity/api-services, axios)": sdkCall,
    };

    // A contender that silently fails fast would look fast: check each one's answer first.
    for (const [name, call] of Object.entries(calls)) {
      const page = await call();
      if (page?.results.length !== PAGE_SIZE) throw new Error(`${name}: unexpected page`);
    }

    const results = await interleave(
      Object.entries(calls).map(([name, call]) => ({
        name,
        run: async () => {
          for (let i = 0; i < batch; i++) await call();
        },
      })),
      { rounds, warmupRounds },
    );
    const [, bareResult, oursResult] = results;
    if (!bareResult || !oursResult) throw new Error("missing contender results");
    const oursVsBare = pairedRatio(oursResult, bareResult);
    return {
      name: "overhead",
      title: "Per-request overhead (sequential GETs, loopback, 20-item page)",
      rows: [
        ...results.map((r) => ({
          label: `${r.name}: us/request`,
          value: fixed((r.medianMs * 1000) / batch, 0),
          ratio: `${fixed(r.ratio)}x raw fetch`,
        })),
        {
          label: "our client vs bare openapi-fetch",
          value: "",
          ratio: `${fixed(oursVsBare, 3)}x`,
        },
      ],
      bars: [
        {
          name: "our client <= 1.03x bare openapi-fetch",
          pass: oursVsBare <= 1.03,
          measured: `${fixed(oursVsBare, 3)}x`,
        },
      ],
      notes: [],
      data: {
        requestsPerContender: rounds * batch,
        rounds,
        batch,
        warmupRounds,
        contenders: results,
        oursVsBareOpenapiFetch: oursVsBare,
      },
    };
  } finally {
    await server.close();
  }
}
