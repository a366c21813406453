// An injected fetch that records what the client sends and answers from a test's responder.
// No global mocks: each test builds its own client around one of these.
import { type CommunityClientOptions, createCommunityClient } from "../../src/index.js";

export const BASE_URL = "https://community.test";

/** What one call to fetch received. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  signal: AbortSignal;
}

export type Responder = (request: Request, attempt: number) => Response | Promise<Response>;

export function observedFetch(responder: Responder) {
  const sent: SentRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // The client passes a Request (openapi-fetch builds it) and, with a timeout, an init with
    // its own signal: combine them as a real fetch does.
    const request = new Request(input, init);
    sent.push({
      method: request.method,
      url: request.url,
      headers: new Headers(request.headers),
      signal: request.signal,
    });
    return responder(request, sent.length);
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

/** A client whose fetch is observed. */
export function observedClient(
  responder: Responder,
  options: Partial<CommunityClientOptions> = {},
) {
  const { fetch, sent } = observedFetch(responder);
  const client = createCommunityClient({ baseUrl: BASE_URL, token: "t0k3n", fetch, ...options });
  return { client, sent, urls: () => sent.map((r) => r.url) };
}

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** A page envelope. */
export function page<T>(results: T[], next: string | null = null, count = results.length) {
  return { count, next, previous: null, results };
}

/** A fetch result that never settles unless the request's signal aborts (like a real fetch). */
export function hang(request: Request): Promise<Response> {
  return new Promise((_, reject) => {
    const { signal } = request;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}
