// The fetch the verifier gives the client: it passes every request on and keeps a copy of what
// came back (status, headers, body), so that each answer, retries included, is checked against
// the spec, not only the ones the client hands back. It is also the last guard on what leaves
// and what comes in:
// - only reads, only to the base URL's origin (the one place the token may go);
// - redirects are never left to fetch: one to another origin is recorded and handed back
//   unfollowed (the token never goes there); one to the same origin is followed here, up to
//   MAX_REDIRECTS hops, and each hop is recorded (the spec declares no redirect);
// - a body is read once, here, counted as it is decoded (after gzip or deflate) and stopped at
//   `maxResponseSize`: past it the body is cancelled, which closes the connection and stops the
//   decompression, and the client gets a body that fails with its own ResponseTooLargeError.
//   The client then reads the copy made here, never the network.
import { ResponseTooLargeError } from "@community-api/client";

/** What the recording holds of a body. */
export type RecordedBody =
  | { readonly text: string }
  /** The read broke off; `aborted` when the verifier's own time limit cut it (no finding then). */
  | { readonly error: string; readonly aborted: boolean }
  /** Longer than the limit (in bytes, decoded): not kept, not checked. */
  | { readonly tooLarge: number };

/** A redirect answer: where it pointed, and whether it was followed. */
export interface Redirect {
  /** The `Location`, resolved; null when there is none or it is no URL. */
  readonly to: URL | null;
  /** Followed: it stays on the base URL's origin and the hop limit was not reached. */
  readonly followed: boolean;
}

/** One request and the response it got. */
export interface Exchange {
  /** Order of arrival within the run. */
  readonly seq: number;
  /** `GET /api/v2/course/1/users/?ordering=joined_at`: the request the client made (path and query, decoded), never headers. */
  readonly request: string;
  /** The URL the client asked for (a redirect's answer is checked against it too). */
  readonly url: URL;
  readonly status: number;
  readonly headers: Headers;
  readonly body: RecordedBody;
  /** Set for a 301, 302, 303, 307 or 308. */
  readonly redirect: Redirect | null;
}

/** Same-origin redirects followed for one request before the redirect is handed back. */
export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Statuses whose Response may not carry a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** Options of {@link recordingFetch}. */
export interface RecordingOptions {
  /** The only origin requests may go to: the base URL's. */
  readonly origin: string;
  /** The fetch that sends. */
  readonly fetch: typeof globalThis.fetch;
  /** Gets each exchange once its body is read, before the client sees the response. */
  readonly onExchange: (exchange: Exchange) => void;
  /** The most bytes of a body read, counted decoded. */
  readonly maxResponseSize: number;
  /** Aborts every request (the run's time limit). */
  readonly signal?: AbortSignal | undefined;
}

let sequence = 0;

/** `GET /path?a=1&b=["x"]`: the query decoded, for people to read. */
export function describeRequest(method: string, url: URL): string {
  const query = [...url.searchParams].map(([k, v]) => `${k}=${v}`).join("&");
  return `${method} ${url.pathname}${query ? `?${query}` : ""}`;
}

const parseUrl = (text: string, base: URL): URL | null => {
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
};

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The body read up to `limit` bytes: the chunks, and what the recording keeps. */
async function readBounded(
  response: Response,
  limit: number,
  signal: AbortSignal | undefined,
): Promise<{ chunks: Uint8Array[]; body: RecordedBody; failure?: unknown }> {
  if (!response.body) return { chunks: [], body: { text: "" } };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > limit) {
        // Cancelling closes the connection: the server sees it, and the inflation stops.
        reader.cancel().catch(() => {});
        return { chunks: [], body: { tooLarge: limit } };
      }
      chunks.push(chunk.value);
    }
  } catch (failure) {
    return {
      chunks,
      body: { error: message(failure), aborted: signal?.aborted === true },
      failure,
    };
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { chunks: [bytes], body: { text: new TextDecoder().decode(bytes) } };
}

/** The response the client gets: the recorded copy, failing as the read did. */
function replay(response: Response, chunks: readonly Uint8Array[], failure: unknown): Response {
  const init = {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  };
  if (NULL_BODY.has(response.status)) return new Response(null, init);
  let next = 0;
  const copy = new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[next++];
        if (chunk) return controller.enqueue(chunk);
        if (failure !== undefined) return controller.error(failure);
        controller.close();
      },
    }),
    init,
  );
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}

/**
 * A fetch that records every exchange into `sink`. It refuses anything but GET and HEAD, and any
 * URL outside `origin`, before sending: the client never builds one, and if it did the token
 * would go with it.
 */
export function recordingFetch(options: RecordingOptions): typeof globalThis.fetch {
  const { origin, onExchange, maxResponseSize: limit } = options;
  return async (input, init) => {
    let request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== origin) {
      throw new Error(`refusing to send a request to ${url.origin}: only ${origin} is verified`);
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      throw new Error(`refusing to send a ${request.method}: the verifier only reads`);
    }
    const signals = [init?.signal ?? request.signal, options.signal].filter(
      (s): s is AbortSignal => s != null,
    );
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    const described = describeRequest(request.method, url);
    let response = await options.fetch(input, {
      ...init,
      signal: signal ?? null,
      redirect: "manual",
    });
    for (let hop = 0; ; hop++) {
      const here = new URL(response.url || request.url);

      let redirect: Redirect | null = null;
      if (REDIRECTS.has(response.status)) {
        const location = response.headers.get("location");
        const to = location === null ? null : parseUrl(location, here);
        const followed = to !== null && to.origin === origin && hop < MAX_REDIRECTS;
        redirect = { to, followed };
      }
      const { chunks, body, failure } = await readBounded(response, limit, signal);
      onExchange({
        seq: sequence++,
        request:
          hop === 0 ? described : `${described} (after ${hop} redirect${hop > 1 ? "s" : ""})`,
        url,
        status: response.status,
        headers: response.headers,
        body,
        redirect,
      });
      if (redirect?.followed && redirect.to) {
        // Same origin: the token may go there. A 303 (and any redirect of a GET) is a GET.
        request = new Request(redirect.to, {
          method: request.method,
          headers: request.headers,
          ...(signal && { signal }),
          redirect: "manual",
        });
        response = await options.fetch(request);
        continue;
      }
      if ("tooLarge" in body) {
        const error = new ResponseTooLargeError(
          `the HTTP ${response.status} response body is larger than maxResponseSize (${limit} bytes)`,
          response.status,
          { headers: response.headers },
        );
        return replay(response, [], error);
      }
      return replay(response, chunks, failure);
    }
  };
}
