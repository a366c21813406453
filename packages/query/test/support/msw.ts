// The mock's MSW handlers (its dataset, roles and pagination: the very handler the HTTP mock
// runs) on a fake community host, with every request the client sends recorded.
import { type CommunityClientOptions, createCommunityClient } from "@community-api/client";
import { TEST_TOKENS } from "@community-api/mock/kit";
import { createMswHandlers } from "@community-api/mock/msw";
import { QueryClient } from "@tanstack/query-core";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

export const BASE_URL = "https://community.test";
export const server = setupServer(...createMswHandlers({ baseUrl: BASE_URL }));
/** URLs of the requests MSW saw since the last test. */
export const requests: string[] = [];

export function withMsw(): void {
  beforeAll(() => {
    server.listen({ onUnhandledRequest: "error" });
    server.events.on("request:start", ({ request }) => {
      requests.push(request.url);
    });
  });
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
  });
  afterAll(() => server.close());
}

/** A client on the MSW community, as the course manager unless told otherwise. */
export const communityClient = (options: Partial<CommunityClientOptions> = {}) =>
  createCommunityClient({ baseUrl: BASE_URL, token: TEST_TOKENS.courseManager, ...options });

/** A QueryClient as an app would have one; its defaults leave retries to the options. */
export const queryClient = () => new QueryClient();
