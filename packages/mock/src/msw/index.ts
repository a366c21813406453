// `@community-api/mock/msw`: MSW request handlers that answer with the kit's handler, the very
// one the HTTP mock runs, so MSW, the kit's fetch and the HTTP mock give the same answers. For
// code that cannot be handed a `fetch` (a page, a third-party wrapper): MSW intercepts globally.
// Browser-safe: it imports only `msw` (a peer dependency) and the kit.
import { type HttpHandler, http } from "msw";
import { OPERATIONS } from "../kit/generated/operations.js";
import { createMockHandler, type MockHandlerOptions, type RequestHandler } from "../kit/handler.js";

/** Options of {@link createMswHandlers}. */
export interface MswHandlersOptions extends MockHandlerOptions {
  /**
   * The API's base URL (e.g. the client's `baseUrl`, `https://community.example.com`); only its
   * origin counts. Default: any origin.
   */
  baseUrl?: string;
}

/**
 * The path every operation of the spec lives under (`/api/v2/`): everything below it goes to the
 * handler, which answers 404 for paths the API does not have, as the HTTP mock does.
 */
export const API_PREFIX = apiPrefix(Object.values(OPERATIONS).map((operation) => operation.path));

function apiPrefix(paths: readonly string[]): string {
  let prefix = paths[0] ?? "/";
  for (const path of paths) while (!path.startsWith(prefix)) prefix = prefix.slice(0, -1);
  prefix = prefix.split("{")[0] ?? "/";
  return prefix.slice(0, prefix.lastIndexOf("/") + 1);
}

/** `text` as a RegExp source that matches it literally. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * MSW handlers serving the dataset of `options.seed` (or `options.dataset`) for every request
 * under {@link API_PREFIX}. Use them with `setupServer(...)` (`msw/node`) or `setupWorker(...)`
 * (`msw/browser`). The dataset is built on the first request.
 */
export function createMswHandlers(options: MswHandlersOptions = {}): HttpHandler[] {
  const origin =
    options.baseUrl === undefined ? "[^/]+//[^/]+" : literal(new URL(options.baseUrl).origin);
  let handler: RequestHandler | undefined;
  return [
    // A RegExp without groups, not a `*` path: MSW decodes a path's groups with
    // decodeURIComponent, which throws (a 500 with a stack) on a malformed escape such as `%zz`;
    // the kit's handler answers that 404 as the API's URL resolver does.
    http.all(new RegExp(`^${origin}${literal(API_PREFIX)}`), ({ request }) => {
      handler ??= createMockHandler(options);
      return handler(request);
    }),
  ];
}

/** Ready handlers for seed 1 on any origin: `setupServer(...handlers)`. */
export const handlers: HttpHandler[] = createMswHandlers();

export { type MswScenarioOptions, scenario } from "./scenario.js";
