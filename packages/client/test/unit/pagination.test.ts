import { describe, expect, it } from "vitest";
import {
  createCommunityCoreClient,
  InvalidResponseError,
  NotFoundError,
  paginate,
  paginatePages,
} from "../../src/index.js";
import { BASE_URL, json, observedClient, observedFetch, page } from "../helpers/observed-fetch.js";

const USERS = Array.from({ length: 5 }, (_, i) => ({ id: i + 1 }));
const NEXT = "https://community.example.com/api/v2/course/5/users/";

/** A server of USERS whose `next` links point at `nextBase` (another origin by default). */
function server(nextBase = NEXT, total = USERS) {
  return (request: Request) => {
    const url = new URL(request.url);
    const limit = Number(url.searchParams.get("limit") ?? 2);
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const end = offset + limit;
    const next =
      end < total.length ? `${nextBase}?limit=${limit}&offset=${end}&ordering=-joined_at` : null;
    return json(page(total.slice(offset, end), next, total.length));
  };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe("pagination", () => {
  it("yields every item and stops when next is null, without an extra request", async () => {
    const { client, urls } = observedClient(server());
    const users = await collect(
      client.paginate.courseDashboardUsers(5, {
        statuses: ["joined", "manager"],
        ordering: "-last_active_at",
        pageSize: 2,
      }),
    );
    expect(users).toEqual(USERS);
    const filters = "statuses=%5B%22joined%22%2C%22manager%22%5D&ordering=-last_active_at";
    expect(urls()).toEqual([
      `${BASE_URL}/api/v2/course/5/users/?${filters}&limit=2`,
      `${BASE_URL}/api/v2/course/5/users/?${filters}&limit=2&offset=2`,
      `${BASE_URL}/api/v2/course/5/users/?${filters}&limit=2&offset=4`,
    ]);
  });

  it("never sends the token to the origin named in next: it asks the configured base URL", async () => {
    const { client, sent } = observedClient(server("https://evil.example/steal"), {
      token: "secret",
    });
    await collect(client.paginate.courseInvitedUsers(5, { pageSize: 2 }));
    expect(sent).toHaveLength(3);
    for (const request of sent) {
      expect(request.url.startsWith(`${BASE_URL}/api/v2/course/5/invite/`)).toBe(true);
    }
  });

  it("takes limit and offset from next", async () => {
    // The server caps the page size at 2 whatever was asked.
    const { client, urls } = observedClient((request) => {
      const offset = Number(new URL(request.url).searchParams.get("offset") ?? 0);
      const next = offset + 2 < 5 ? `${NEXT}?limit=2&offset=${offset + 2}` : null;
      return json(page(USERS.slice(offset, offset + 2), next, 5));
    });
    const users = await collect(client.paginate.eventInvitedUsers(3, { pageSize: 100, offset: 0 }));
    expect(users).toEqual(USERS);
    expect(urls()).toEqual([
      `${BASE_URL}/api/v2/event/3/invite/?limit=100&offset=0`,
      `${BASE_URL}/api/v2/event/3/invite/?limit=2&offset=2`,
      `${BASE_URL}/api/v2/event/3/invite/?limit=2&offset=4`,
    ]);
  });

  it("exposes count, next and results on each page of the page iterator", async () => {
    const { client } = observedClient(server());
    const pages = await collect(client.pages.courseDashboardUsers("5", { pageSize: 2 }));
    expect(pages.map((p) => [p.count, p.results.length, p.next !== null])).toEqual([
      [5, 2, true],
      [5, 2, true],
      [5, 1, false],
    ]);
  });

  it("makes one request for an empty list", async () => {
    const { client, sent } = observedClient(() => json(page([])));
    expect(await collect(client.paginate.courseDashboardUsers(1))).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it.each([
    [
      "repeats the offset",
      `${NEXT}?limit=2&offset=2`,
      "has offset 2, which does not advance past 2",
    ],
    ["goes back", `${NEXT}?limit=2&offset=0`, "has offset 0, which does not advance past 2"],
    ["has no offset", `${NEXT}?limit=2`, "has offset null, not a non-negative integer"],
    ["has a garbage offset", `${NEXT}?offset=abc`, 'has offset "abc", not a non-negative integer'],
  ])("throws instead of looping when next %s", async (_, next, why) => {
    const { client, sent } = observedClient((_request, attempt) => {
      // A client without the guard would loop here forever (on microtasks only, so no test
      // timeout could stop it): fail it after a few pages instead.
      if (attempt > 5) throw new Error("the client kept asking for the same page");
      return json(page([{ id: attempt }], attempt === 1 ? `${NEXT}?limit=2&offset=2` : next, 9));
    });
    const iterator = client.paginate.courseInvitedUsers(1);
    const error = await collect(iterator).catch((e: unknown) => e);
    // A server fault, typed like any other: an ApiError whose body is the link.
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({
      name: "InvalidResponseError",
      status: 200,
      body: next,
      message: `Pagination stopped: the next link ${JSON.stringify(next)} ${why}`,
    });
    expect(sent).toHaveLength(2);
  });

  // Values a hostile or broken server has put in `next`: each would have been sent as is.
  it.each([
    [
      undefined,
      "limit=1000000000&offset=2",
      'has limit "1000000000", not an integer from 1 to 1000',
    ],
    [undefined, "limit=1001&offset=2", 'has limit "1001", not an integer from 1 to 1000'],
    [10, "limit=11&offset=10", 'has limit "11", not an integer from 1 to 10'],
    [undefined, "limit=-5&offset=2", 'has limit "-5", not an integer from 1 to 1000'],
    [undefined, "limit=0&offset=2", 'has limit "0", not an integer from 1 to 1000'],
    [undefined, "limit=&offset=2", 'has limit "", not an integer from 1 to 1000'],
    [undefined, "limit=2.5&offset=2", 'has limit "2.5", not an integer from 1 to 1000'],
    [undefined, "limit=2&offset=Infinity", 'has offset "Infinity", not a non-negative integer'],
    [undefined, "limit=2&offset=1e%2B308", 'has offset "1e+308", not a non-negative integer'],
    [undefined, "limit=2&offset=1.5", 'has offset "1.5", not a non-negative integer'],
    [undefined, "limit=2&offset=-5", 'has offset "-5", not a non-negative integer'],
    [undefined, "limit=2&offset=0x10", 'has offset "0x10", not a non-negative integer'],
    [undefined, "limit=2&offset=%202", 'has offset " 2", not a non-negative integer'],
    [undefined, "limit=2&offset=", 'has offset "", not a non-negative integer'],
    [undefined, "limit=2", "has offset null, not a non-negative integer"],
    [
      undefined,
      "limit=2&offset=9007199254740993",
      'has offset "9007199254740993", not a non-negative integer',
    ],
  ])("refuses a next link (pageSize %s) with %s", async (pageSize, search, why) => {
    const next = `${NEXT}?${search}`;
    const { client, sent } = observedClient(() => json(page([{ id: 1 }], next, 9)));
    const error = await collect(client.paginate.courseInvitedUsers(1, { pageSize })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({
      status: 200,
      body: next,
      message: `Pagination stopped: the next link ${JSON.stringify(next)} ${why}`,
    });
    // Nothing was requested with the hostile values.
    expect(sent).toHaveLength(1);
  });

  it.each([
    [undefined, "limit=1000&offset=2", "limit=1000&offset=2"],
    [5_000, "limit=5000&offset=5000", "limit=5000&offset=5000"],
    [undefined, "offset=0002", "offset=2"],
  ])("follows a next link (pageSize %s) with %s", async (pageSize, search, sentQuery) => {
    const { client, urls } = observedClient((_, attempt) =>
      json(page([{ id: attempt }], attempt === 1 ? `${NEXT}?${search}` : null, 9)),
    );
    await collect(client.paginate.courseInvitedUsers(1, { pageSize }));
    expect(urls()[1]).toBe(`${BASE_URL}/api/v2/course/1/invite/?${sentQuery}`);
  });

  it("quotes a huge next link clipped, and keeps it whole on the error", async () => {
    const next = `${NEXT}?limit=2&offset=-1&junk=${"x".repeat(1_000_000)}`;
    const { client } = observedClient(() => json(page([{ id: 1 }], next, 9)));
    const error = (await collect(client.paginate.courseInvitedUsers(1)).catch(
      (e: unknown) => e,
    )) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.body).toBe(next);
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toContain(`… (${next.length} characters)`);
    expect(error.message).toMatch(/has offset "-1", not a non-negative integer$/);
  });

  it("stops after maxPages pages even when next is set", async () => {
    const { client, sent } = observedClient(server());
    const users = await collect(
      client.paginate.courseDashboardUsers(5, { pageSize: 2, maxPages: 2 }),
    );
    expect(users).toEqual(USERS.slice(0, 4));
    expect(sent).toHaveLength(2);
    const none = observedClient(server());
    expect(await collect(none.client.pages.courseDashboardUsers(5, { maxPages: 0 }))).toEqual([]);
    expect(none.sent).toHaveLength(0);
  });

  it("stops with the caller's abort between pages", async () => {
    const { client, sent } = observedClient(server());
    const controller = new AbortController();
    const seen: number[] = [];
    const loop = async () => {
      for await (const user of client.paginate.courseDashboardUsers(5, {
        pageSize: 2,
        signal: controller.signal,
      })) {
        seen.push((user as { id: number }).id);
        controller.abort();
      }
    };
    await expect(loop()).rejects.toMatchObject({ name: "AbortError" });
    expect(seen).toEqual([1, 2]);
    expect(sent).toHaveLength(1);
  });

  it("passes headers to every page and throws typed errors", async () => {
    const { client, sent } = observedClient((_, attempt) =>
      attempt === 1
        ? json(page([{ id: 1 }], `${NEXT}?offset=1`, 2))
        : json({ detail: "Not found." }, 404),
    );
    const iterator = client.paginate.eventInvitedUsers(9, { headers: { Prefer: "code=200" } });
    await expect(collect(iterator)).rejects.toBeInstanceOf(NotFoundError);
    expect(sent.map((r) => r.headers.get("prefer"))).toEqual(["code=200", "code=200"]);
  });
});

describe("standalone paginate and paginatePages", () => {
  it("walk a core client's named method with the same requests as the client's iterators", async () => {
    const { fetch, sent } = observedFetch(server());
    const core = createCommunityCoreClient({ baseUrl: BASE_URL, token: "t0k3n", fetch });
    expect(core).not.toHaveProperty("paginate");
    expect(core).not.toHaveProperty("pages");
    const options = { statuses: ["joined", "manager"], pageSize: 2 } as const;
    const users = await collect(paginate(core.getCourseDashboardUsers, 5, options));
    expect(users).toEqual(USERS);
    const standalone = sent.map((r) => r.url);

    const full = observedClient(server());
    expect(await collect(full.client.paginate.courseDashboardUsers(5, options))).toEqual(USERS);
    expect(standalone).toEqual(full.urls());
    expect(standalone).toHaveLength(3);
  });

  it("paginatePages yields the pages, with the per-call options on every request", async () => {
    const { fetch, sent } = observedFetch(server());
    const core = createCommunityCoreClient({ baseUrl: BASE_URL, token: "t0k3n", fetch });
    const pages = await collect(
      paginatePages(core.getEventInvitedUsers, 7, {
        pageSize: 2,
        maxPages: 2,
        headers: { Prefer: "code=200" },
      }),
    );
    expect(pages.map((p) => p.results.length)).toEqual([2, 2]);
    expect(sent.map((r) => [new URL(r.url).pathname, r.headers.get("prefer")])).toEqual([
      ["/api/v2/event/7/invite/", "code=200"],
      ["/api/v2/event/7/invite/", "code=200"],
    ]);
  });

  it("stops requesting when the loop breaks early", async () => {
    const { fetch, sent } = observedFetch(server());
    const core = createCommunityCoreClient({ baseUrl: BASE_URL, fetch });
    for await (const user of paginate(core.getCourseInvitedUsers, 5, { pageSize: 2 })) {
      expect(user).toEqual(USERS[0]);
      break;
    }
    expect(sent).toHaveLength(1);
  });
});
