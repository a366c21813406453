// `scenario()`: one MSW handler that stages an unhappy answer for one operation (429, 5xx, a
// slow answer), built by the kit's scenarios module as every other staged answer is. Put it in
// front of the normal handlers with `server.use(...)`; once its `times` are used up (or for a
// request it does not match) it lets the request through to them.
import { type HttpHandler, http } from "msw";
import { route } from "../kit/handler.js";
import type { ListOperationId } from "../kit/lists.js";
import { pause, ScenarioBook, type ScenarioOptions, stagedAnswer } from "../kit/scenarios.js";
import { API_PREFIX } from "./index.js";

/** Options of {@link scenario}: the {@link ScenarioOptions} and where the API lives. */
export type MswScenarioOptions<Op extends ListOperationId> = ScenarioOptions<Op> & {
  /** The API's base URL; only its origin counts. Default: any origin. */
  baseUrl?: string | undefined;
};

/**
 * An MSW handler that answers `operationId`'s requests with `options.status` (its realistic
 * body and headers; `Retry-After` on a 429 and where `retryAfter` is given), after `delayMs`,
 * `times` times (default: every time), then lets them through to the next handlers:
 * `server.use(scenario("getCourseDashboardUsers", { status: 503, times: 2 }))`. The status must
 * be one the operation declares (a type error otherwise; checked again at run time).
 */
export function scenario<Op extends ListOperationId>(
  operationId: Op,
  options: MswScenarioOptions<Op>,
): HttpHandler {
  const { baseUrl, ...rest } = options;
  const book = new ScenarioBook([{ ...rest, operationId }]);
  const origin = baseUrl === undefined ? "*" : new URL(baseUrl).origin;
  return http.all(`${origin}${API_PREFIX}*`, async ({ request }) => {
    const target = route(new URL(request.url).pathname);
    const staged = target && book.take(target.operationId, target.id);
    if (!staged) return undefined;
    // The caller gave up while it waited (its fetch has rejected already): answer nothing,
    // rather than throw, which MSW would report as an unhandled exception of the handler.
    const abandoned = await pause(staged.delayMs, request.signal).then(
      () => false,
      () => true,
    );
    if (abandoned) return Response.error();
    // A 2xx is the normal answer, only later: the next handlers give it.
    const response = stagedAnswer(staged.operationId, staged.status, staged.retryAfter);
    if (response === undefined || request.method !== "HEAD") return response;
    return new Response(null, { status: response.status, headers: response.headers });
  });
}
