// The in-process kit's fetch: hands each request to the mock's handler without any socket, so
// SDK users' unit tests get the mock's exact answers with no server to start or stop.
import { createMockHandler, type MockHandlerOptions, type RequestHandler } from "./handler.js";

/** A `fetch`-compatible function, e.g. for `createCommunityClient({ fetch })`. */
export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** Options of {@link createMockFetch}. */
export interface MockFetchOptions extends MockHandlerOptions {
  /** Base URL that relative inputs (`"/api/v2/..."`) resolve against. Default `"http://127.0.0.1:4010"`. */
  baseUrl?: string;
}

/** Creates a `fetch` that answers from the seeded dataset, in process. */
export function createMockFetch(options: MockFetchOptions = {}): FetchLike {
  const handler = createMockHandler(options);
  const baseUrl = options.baseUrl ?? "http://127.0.0.1:4010";
  return async (input, init) => {
    const request =
      typeof input === "string"
        ? new Request(new URL(input, baseUrl), init)
        : new Request(input, init);
    // Like fetch: an already aborted signal rejects with its reason.
    request.signal.throwIfAborted();
    return handler(request);
  };
}

let defaultHandler: RequestHandler | undefined;

/** Answers one request from the default dataset (seed 1). Same answers as the HTTP mock. */
export function handleRequest(request: Request): Promise<Response> {
  defaultHandler ??= createMockHandler();
  return defaultHandler(request);
}
