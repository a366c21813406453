// The fetch the verifier gives the client: it passes every request on and keeps a copy of what
// came back (status, headers, body), so that each answer, retries included, is checked against
// the spec, not only the ones the client hands back. It is also the last guard on what leaves:
// only reads, only to the base URL's origin (the one place the token may go).

/** One request and the response it got. */
export interface Exchange {
  /** Order of arrival within the run. */
  readonly seq: number;
  /** `GET /api/v2/course/1/users/?ordering=joined_at`: path and query (decoded), never headers. */
  readonly request: string;
  readonly url: URL;
  readonly status: number;
  readonly headers: Headers;
  /** The body as text, or why it could not be read. */
  readonly body: Promise<{ text: string } | { error: string }>;
}

let sequence = 0;

/** `GET /path?a=1&b=["x"]`: the query decoded, for people to read. */
export function describeRequest(method: string, url: URL): string {
  const query = [...url.searchParams].map(([k, v]) => `${k}=${v}`).join("&");
  return `${method} ${url.pathname}${query ? `?${query}` : ""}`;
}

/**
 * A fetch that records every exchange into `sink`. It refuses anything but GET and HEAD, and any
 * URL outside `origin`, before sending: the client never builds one, and if it did the token
 * would go with it.
 */
export function recordingFetch(
  origin: string,
  inner: typeof globalThis.fetch,
  sink: Exchange[],
): typeof globalThis.fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== origin) {
      throw new Error(`refusing to send a request to ${url.origin}: only ${origin} is verified`);
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      throw new Error(`refusing to send a ${request.method}: the verifier only reads`);
    }
    const response = await inner(input, init);
    const copy = response.clone();
    sink.push({
      seq: sequence++,
      request: describeRequest(request.method, url),
      url,
      status: response.status,
      headers: response.headers,
      body: copy.text().then(
        (text) => ({ text }),
        (error: unknown) => ({
          error: error instanceof Error ? error.message : String(error),
        }),
      ),
    });
    return response;
  };
}
