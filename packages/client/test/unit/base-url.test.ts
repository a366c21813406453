// `client.baseUrl`: what @community-api/query keys its cache entries by. It must be the base the
// requests really go to, and stay so; and it is checked when the client is made.
import { inspect } from "node:util";
import { createCommunityClient, createCommunityCoreClient } from "@community-api/client";
import { describe, expect, it } from "vitest";

describe("client.baseUrl", () => {
  it("is the base the requests go to, without the trailing slash openapi-fetch drops", async () => {
    const urls: string[] = [];
    const client = createCommunityCoreClient({
      baseUrl: "https://community.test/forum/",
      fetch: async (input: RequestInfo | URL) => {
        urls.push(input instanceof Request ? input.url : String(input));
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

describe("a baseUrl the client cannot use is refused when the client is made", () => {
  const SECRET = "hunter2";
  const refused = [
    "not a url",
    "",
    "community.example.com",
    "/api",
    `http://user:${SECRET}@community.test`,
    `https://:${SECRET}@community.test/`,
    `https://${SECRET}@community.test`,
    `http://user:${SECRET} x@community.test`, // not a URL either
    `user:${SECRET}@community.test`, // no scheme: "user:" would be one
    "ftp://community.test",
    "file:///etc/passwd",
    "ws://community.test",
    "javascript:alert(1)",
  ];
  for (const create of [createCommunityClient, createCommunityCoreClient]) {
    it.each(refused)(`${create.name}: %j, with a TypeError that never quotes it`, (baseUrl) => {
      let sent = 0;
      const fetch = async () => {
        sent++;
        return new Response("{}");
      };
      let error: unknown;
      try {
        create({ baseUrl, token: "t", fetch });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(TypeError);
      const { message, stack } = error as TypeError;
      expect(message).toBe("Invalid baseUrl: expected an absolute http(s) URL without credentials");
      for (const text of [message, stack, String(error), inspect(error), JSON.stringify(error)]) {
        expect(text).not.toContain(SECRET);
      }
      expect(sent).toBe(0);
    });
  }

  it("accepts http and https URLs, with a path, any case, a port", () => {
    for (const baseUrl of [
      "http://127.0.0.1:4010",
      "https://community.example.com/",
      "HTTPS://Community.Test:443/forum/",
    ]) {
      expect(createCommunityClient({ baseUrl }).baseUrl).toBe(baseUrl.replace(/\/$/, ""));
    }
  });
});
