// The contenders of the overhead benchmark: the same list call (first page of 20 course
// dashboard users, with a bearer token) made by each library the way its users write it.
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DASHBOARD_PATH } from "./lib/page-server.mjs";
import { canGeneratePeers, PEERS_DIR } from "./peers.mjs";

const require = createRequire(import.meta.url);
const TOKEN = "course-1-manager";
const PAGE_SIZE = 20;

export const RAW = "raw fetch";
/** Not a peer: raw fetch plus what a per-attempt timeout costs (a signal, a timer). */
export const RAW_TIMED = "raw fetch with a timeout signal (reference, not a peer)";
export const BARE = "bare openapi-fetch";
export const OURS = "our client, named method (auth, retries, timeout, errors)";
/** Not a peer: our named method with `timeout: 0`, for what the timeout costs inside our client. */
export const OURS_UNTIMED = "our client, named method, timeout off (reference, not a peer)";
export const HEY_API = "hey-api (@hey-api/client-fetch, generated from our spec)";
export const ORVAL = "orval (fetch client, generated from our spec)";
export const SDK = "official SDK (@selfcommunity/api-services, axios)";

/** Every contender this Node runs, raw fetch (the baseline) first; see peers.mjs for the generated ones. */
export const CONTENDERS = [
  RAW,
  RAW_TIMED,
  BARE,
  OURS,
  OURS_UNTIMED,
  SDK,
  ...(canGeneratePeers() ? [HEY_API, ORVAL] : []),
];

/** @param {string} file */
const importPeer = (file) => import(pathToFileURL(join(PEERS_DIR, file)).href);

/**
 * A function making one call with the named contender against `baseUrl`. It checks the first
 * answer, since a contender that failed fast would look fast.
 * @param {string} name One of CONTENDERS.
 * @param {string} baseUrl
 * @returns {Promise<() => Promise<unknown>>}
 */
export async function contenderCall(name, baseUrl) {
  const headers = { Authorization: `Bearer ${TOKEN}` };
  /** @type {() => Promise<{ results: unknown[] } | undefined>} */
  let call;
  if (name === RAW) {
    const url = `${baseUrl}${DASHBOARD_PATH}?limit=${PAGE_SIZE}`;
    call = async () => {
      const response = await fetch(url, { headers });
      if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`);
      return /** @type {Promise<{ results: unknown[] }>} */ (response.json());
    };
  } else if (name === RAW_TIMED) {
    const url = `${baseUrl}${DASHBOARD_PATH}?limit=${PAGE_SIZE}`;
    // What our transport does per attempt to bound it: an AbortController whose signal fetch
    // follows, and a timer that is cleared once the body is read.
    call = async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 30_000);
      try {
        const response = await fetch(url, { headers, signal: controller.signal });
        if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`);
        return /** @type {Promise<{ results: unknown[] }>} */ (response.json());
      } finally {
        clearTimeout(timer);
      }
    };
  } else if (name === BARE) {
    const { default: createClient } = await import("openapi-fetch");
    /** @type {import("openapi-fetch").Client<import("@community-api/types").paths>} */
    const client = createClient({ baseUrl, headers });
    call = async () => {
      const { data, error } = await client.GET("/api/v2/course/{id}/users/", {
        params: { path: { id: "1" }, query: { limit: PAGE_SIZE } },
      });
      if (error) throw new Error("openapi-fetch: error response");
      return data;
    };
  } else if (name === OURS) {
    const { createCommunityClient } = await import("@community-api/client");
    // Everything on: auth from a token, retries, a per-request timeout, typed error mapping.
    const client = createCommunityClient({ baseUrl, token: TOKEN, maxRetries: 2, timeout: 30_000 });
    call = () => client.getCourseDashboardUsers(1, { limit: PAGE_SIZE });
  } else if (name === OURS_UNTIMED) {
    const { createCommunityClient } = await import("@community-api/client");
    // The same, minus the per-attempt timeout: none of the peers bounds an attempt by default.
    const client = createCommunityClient({ baseUrl, token: TOKEN, maxRetries: 2, timeout: 0 });
    call = () => client.getCourseDashboardUsers(1, { limit: PAGE_SIZE });
  } else if (name === SDK) {
    // Its ESM build does not load in Node (directory imports): require it, as Node users must.
    /** @type {{ http: { setBasePortal(url: string): void, setAuthorizeToken(token: string): void }, CourseService: { getCourseDashboardUsers(id: number, params: object): Promise<{ results: unknown[] }> } }} */
    const sdk = require("@selfcommunity/api-services");
    // The SDK holds one global axios instance: base URL and bearer token are set on it.
    sdk.http.setBasePortal(baseUrl);
    sdk.http.setAuthorizeToken(TOKEN);
    call = () => sdk.CourseService.getCourseDashboardUsers(1, { limit: PAGE_SIZE });
  } else if (name === HEY_API) {
    const { client, getCourseDashboardUsers } = await importPeer("hey-api.mjs");
    // The generated SDK's shared client: base URL and token (sent as Bearer, per the spec's
    // security scheme) are set on it once.
    client.setConfig({ baseUrl, auth: TOKEN });
    call = async () =>
      (
        await getCourseDashboardUsers({
          path: { id: 1 },
          query: { limit: PAGE_SIZE },
          throwOnError: true,
        })
      ).data;
  } else if (name === ORVAL) {
    const { configure, getCourseDashboardUsers } = await importPeer("orval.mjs");
    configure(baseUrl, TOKEN);
    call = async () => {
      const { data, status } = await getCourseDashboardUsers("1", { limit: PAGE_SIZE });
      if (status !== 200) throw new Error(`orval: HTTP ${status}`);
      return data;
    };
  } else {
    throw new Error(`unknown contender ${name}`);
  }
  const page = await call();
  if (page?.results.length !== PAGE_SIZE) throw new Error(`${name}: unexpected page`);
  return call;
}
