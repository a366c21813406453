import { describe, expect, it } from "vitest";
import { BASE_URL, json, observedClient, page } from "../helpers/observed-fetch.js";

const ok = () => json(page([]));

describe("wire format", () => {
  it("sends an array of statuses as ONE parameter holding a JSON array", async () => {
    const { client, urls } = observedClient(ok);
    await client.getCourseDashboardUsers(1, { statuses: ["joined", "manager"] });
    expect(urls()).toEqual([
      `${BASE_URL}/api/v2/course/1/users/?statuses=%5B%22joined%22%2C%22manager%22%5D`,
    ]);
  });

  it("sends a single status bare, and a one-item array as a JSON array", async () => {
    const { client, urls } = observedClient(ok);
    await client.getCourseDashboardUsers(1, { statuses: "creator" });
    await client.getCourseDashboardUsers(1, { statuses: ["creator"] });
    expect(urls()).toEqual([
      `${BASE_URL}/api/v2/course/1/users/?statuses=creator`,
      `${BASE_URL}/api/v2/course/1/users/?statuses=%5B%22creator%22%5D`,
    ]);
  });

  it("sends every dashboard parameter percent-encoded, skipping undefined ones", async () => {
    const { client, urls } = observedClient(ok);
    await client.getCourseDashboardUsers("42", {
      limit: 20,
      offset: 40,
      search: "anna maria&co",
      statuses: ["joined", "invited", "requested"],
      ordering: "-last_active_at",
    });
    await client.getCourseDashboardUsers(42, { search: undefined, ordering: "joined_at" });
    expect(urls()).toEqual([
      `${BASE_URL}/api/v2/course/42/users/?limit=20&offset=40&search=anna%20maria%26co&statuses=%5B%22joined%22%2C%22invited%22%2C%22requested%22%5D&ordering=-last_active_at`,
      `${BASE_URL}/api/v2/course/42/users/?ordering=joined_at`,
    ]);
  });

  it("builds the exact URL of each operation, with a GET and no body", async () => {
    const { client, sent } = observedClient(ok, { baseUrl: `${BASE_URL}/` });
    await client.getCourseInvitedUsers(7);
    await client.getEventInvitedUsers("8", { limit: 5, offset: 10 });
    await client.getCourseDashboardUsers(0);
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${BASE_URL}/api/v2/course/7/invite/`,
      `GET ${BASE_URL}/api/v2/event/8/invite/?limit=5&offset=10`,
      `GET ${BASE_URL}/api/v2/course/0/users/`,
    ]);
    expect(sent[0]?.headers.get("content-type")).toBeNull();
  });

  it("serializes raw client.GET calls the same way", async () => {
    const { client, urls } = observedClient(ok);
    const { data } = await client.GET("/api/v2/course/{id}/users/", {
      params: { path: { id: "3" }, query: { statuses: '["manager"]', limit: 1 } },
    });
    expect(data?.count).toBe(0);
    expect(urls()).toEqual([
      `${BASE_URL}/api/v2/course/3/users/?statuses=%5B%22manager%22%5D&limit=1`,
    ]);
  });

  it.each([
    ["abc", '"abc"'],
    ["1.5", '"1.5"'],
    ["-1", '"-1"'],
    ["", '""'],
    [" 1", '" 1"'],
    ["1e3", '"1e3"'],
    ["1234567890123456789", '"1234567890123456789"'],
    [-1, "-1"],
    [1.5, "1.5"],
    [Number.NaN, "NaN"],
    [2 ** 60, String(2 ** 60)],
  ])("rejects the id %j before sending anything", async (id, shown) => {
    const { client, sent } = observedClient(ok);
    await expect(client.getCourseDashboardUsers(id)).rejects.toThrow(
      new TypeError(
        // The pattern is the spec's, read by the generated operation table.
        `Invalid id ${shown}: expected a value matching ^[0-9]{1,18}$`,
      ),
    );
    await expect(client.getEventInvitedUsers(id)).rejects.toThrow(TypeError);
    await expect(client.paginate.courseInvitedUsers(id).next()).rejects.toThrow(TypeError);
    expect(sent).toHaveLength(0);
  });
});
