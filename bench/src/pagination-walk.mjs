// The ways of walking every member of a course that the pagination benchmark compares,
// shared by the timing run (in process) and the memory runs (one fresh child each).
import { DASHBOARD_PATH } from "./lib/page-server.mjs";

export const TOKEN = "course-1-manager";

/**
 * @typedef {(user: { id: number }) => void} Visit
 * @typedef {(baseUrl: string, pageSize: number, visit: Visit) => Promise<number>} Walk
 */

/**
 * A hand-written loop: fetch a page, follow its absolute `next` link until null.
 * @type {Walk}
 */
export async function rawWalk(baseUrl, pageSize, visit) {
  const headers = { Authorization: `Bearer ${TOKEN}` };
  /** @type {string | null} */
  let url = `${baseUrl}${DASHBOARD_PATH}?limit=${pageSize}&offset=0`;
  let seen = 0;
  while (url) {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    /** @type {{ next: string | null, results: { id: number }[] }} */
    const page = await response.json();
    for (const user of page.results) {
      visit(user);
      seen++;
    }
    url = page.next;
  }
  return seen;
}

/**
 * The same loop by hand over our client's named method (`client.getCourseDashboardUsers`), so
 * that the item iterator's own cost can be told apart from the per-request cost below it.
 * @returns {Promise<Walk>}
 */
export async function namedMethodWalker() {
  const { createCommunityClient } = await import("@community-api/client");
  return async (baseUrl, pageSize, visit) => {
    const client = createCommunityClient({ baseUrl, token: TOKEN });
    let seen = 0;
    for (let offset = 0; ; offset += pageSize) {
      const page = await client.getCourseDashboardUsers(1, { limit: pageSize, offset });
      for (const user of page.results) {
        visit(user);
        seen++;
      }
      if (page.next === null) return seen;
    }
  };
}

/**
 * Our client's item iterator (`paginate`: one async step per user).
 * @returns {Promise<Walk>}
 */
export async function clientWalker() {
  const { createCommunityClient } = await import("@community-api/client");
  return async (baseUrl, pageSize, visit) => {
    const client = createCommunityClient({ baseUrl, token: TOKEN });
    let seen = 0;
    for await (const user of client.paginate.courseDashboardUsers(1, { pageSize })) {
      visit(user);
      seen++;
    }
    return seen;
  };
}
