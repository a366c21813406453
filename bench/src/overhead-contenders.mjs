// The contenders of the overhead benchmark: the same list call (first page of 20 course
// dashboard users, with a bearer token) made by each library the way its users write it.
import { createRequire } from "node:module";
import { DASHBOARD_PATH } from "./lib/page-server.mjs";

const require = createRequire(import.meta.url);
const TOKEN = "course-1-manager";
const PAGE_SIZE = 20;

export const CONTENDERS = [
  "raw fetch",
  "bare openapi-fetch",
  "our client (auth, retries, timeout, errors)",
  "official SDK (@selfcommunity/api-services, axios)",
];

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
  if (name === "raw fetch") {
    const url = `${baseUrl}${DASHBOARD_PATH}?limit=${PAGE_SIZE}`;
    call = async () => {
      const response = await fetch(url, { headers });
      if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`);
      return /** @type {Promise<{ results: unknown[] }>} */ (response.json());
    };
  } else if (name === "bare openapi-fetch") {
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
  } else if (name === "our client (auth, retries, timeout, errors)") {
    const { createCommunityClient } = await import("@community-api/client");
    // Everything on: auth from a token, retries, a per-request timeout, typed error mapping.
    const client = createCommunityClient({ baseUrl, token: TOKEN, maxRetries: 2, timeout: 30_000 });
    call = () => client.getCourseDashboardUsers(1, { limit: PAGE_SIZE });
  } else if (name === "official SDK (@selfcommunity/api-services, axios)") {
    // Its ESM build does not load in Node (directory imports): require it, as Node users must.
    /** @type {{ http: { setBasePortal(url: string): void, setAuthorizeToken(token: string): void }, CourseService: { getCourseDashboardUsers(id: number, params: object): Promise<{ results: unknown[] }> } }} */
    const sdk = require("@selfcommunity/api-services");
    // The SDK holds one global axios instance: base URL and bearer token are set on it.
    sdk.http.setBasePortal(baseUrl);
    sdk.http.setAuthorizeToken(TOKEN);
    call = () => sdk.CourseService.getCourseDashboardUsers(1, { limit: PAGE_SIZE });
  } else {
    throw new Error(`unknown contender ${name}`);
  }
  const page = await call();
  if (page?.results.length !== PAGE_SIZE) throw new Error(`${name}: unexpected page`);
  return call;
}
