// `client.baseUrl`: what @community-api/query keys its cache entries by. It must be the base the
// requests really go to, and stay so.
import { createCommunityClient, createCommunityCoreClient } from "@community-api/client";
import { describe, expect, it } from "vitest";

describe("client.baseUrl", () => {
  it("is the base the requests go to, without the trailing slash openapi-fetch drops", async () => {
    const urls: string[] = [];
    const client = createCommunityCoreClient({
      baseUrl: "https://community.test/forum/",
      fetch: async (request: Request) => {
        urls.push(request.url);
        return new Response('{"count":0,"next":null,"previous":null,"results":[]}');
      },
    });
    await client.getCourseInvitedUsers(1);
    expect(client.baseUrl).toBe("https://community.test/forum");
    expect(urls).toEqual([`${client.baseUrl}/api/v2/course/1/invite/`]);
    expect(createCommunityClient({ baseUrl: "https://a.test" }).baseUrl).toBe("https://a.test");
  });

  it("is read-only: assigning it throws instead of silently pointing keys elsewhere", () => {
    const client = createCommunityClient({ baseUrl: "https://a.test" });
    expect(() => {
      (client as { baseUrl: string }).baseUrl = "https://b.test";
    }).toThrow(TypeError);
    expect(client.baseUrl).toBe("https://a.test");
  });
});
