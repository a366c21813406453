// The fetch that openapi-fetch calls: adds the bearer token, a timeout per attempt, retries, and
// the bound on the bodies openapi-fetch reads itself. Living below openapi-fetch, it serves the
// named methods, the iterators and raw `client.GET` alike. When nothing fails it costs a header,
// an AbortController and a timer per request.
import type { OperationId } from "@community-api/types";
import { boundBody, MAX_RESPONSE_SIZE } from "./body.js";
import {
  type ApiError,
  describeCause,
  NetworkError,
  ResponseTooLargeError,
  TimeoutError,
} from "./errors.js";
import { DEFAULT_MAX_RETRIES, isRetryableStatus, retryDelay } from "./retry.js";

/** Default `timeout` of each attempt, in ms: 30 s. */
export const DEFAULT_TIMEOUT = 30_000;

/** A bearer token, or a function (sync or async) that returns the current one. */
export type TokenSource = string | (() => string | Promise<string>);

/** What the transport reads from the client options. */
export interface TransportOptions {
  fetch?: typeof globalThis.fetch | undefined;
  token?: TokenSource | undefined;
  /** Default: {@link DEFAULT_MAX_RETRIES}. */
  maxRetries?: number | undefined;
  /** Default: {@link DEFAULT_TIMEOUT}. */
  timeout?: number | undefined;
  /** Default: {@link MAX_RESPONSE_SIZE}. */
  maxResponseSize?: number | undefined;
}

/**
 * Per-call settings. openapi-fetch copies every init key that a Request lacks onto the Request
 * it builds, so these reach the transport without any extra allocation.
 */
export interface CallSettings {
  maxRetries?: number | undefined;
  timeout?: number | undefined;
  maxResponseSize?: number | undefined;
  operationId?: OperationId | undefined;
  /** Given by a caller that reads the body itself, to keep the timeout running meanwhile. */
  deadline?: Deadline | undefined;
}

/**
 * Filled in by the transport when it hands over a response. The named methods read the body
 * after openapi-fetch returns, so the attempt's timer keeps running until they `release` it: a
 * body that stalls times out like headers that never come. Without one (a raw `client.GET`),
 * the timer stops when the headers arrive. A caller with a deadline reads a success body itself,
 * with `readBody` and `maxResponseSize`; every other body is bounded by the transport.
 */
export interface Deadline {
  /** Stops the attempt's timer. */
  release?: () => void;
  /** The typed error of a body read that failed. Set, like `release`, with the response. */
  fail?: (cause: unknown, headers?: Headers) => ApiError<number | undefined>;
  /** The call's limit on the body, in bytes (the call's, else the client's, else the default). */
  maxResponseSize?: number;
}

/** The typed error of an attempt whose response did not arrive, or not whole (`during`). */
function attemptError(
  call: CallSettings,
  timedOut: boolean | undefined,
  timeout: number,
  cause: unknown,
  during = "",
  headers?: Headers,
): NetworkError | TimeoutError {
  const { operationId } = call;
  return new (timedOut ? TimeoutError : NetworkError)(
    `${operationId ?? "request"} ${timedOut ? `timed out after ${timeout} ms${during}` : `failed${during}: ${describeCause(cause)}`}`,
    undefined,
    { headers, operationId, cause },
  );
}

/** Waits `ms`, or rejects with the abort reason as soon as `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!signal) return setTimeout(resolve, ms);
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * What openapi-fetch builds instead of an undici `Request` for a named method's call when no
 * middleware could look at it (see `createCommunityCoreClient`): the URL and the init it would
 * have passed. The transport hands them to `fetch` as they are, which saves building a Request
 * that `fetch` would copy into another one. openapi-fetch copies the call settings onto it.
 */
export class PlainRequest {
  declare readonly url: string;
  declare readonly init: RequestInit;
  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.init = init;
  }
}

export function createTransport(
  options: TransportOptions,
): (input: Request | PlainRequest) => Promise<Response> {
  const { token } = options;
  // A string token is formatted once, not per request.
  const fixed = typeof token === "string" && token ? `Bearer ${token}` : undefined;

  return async (input) => {
    const call = input as (Request | PlainRequest) & CallSettings & { method: string };
    // The platform's fetch gets a PlainRequest's URL and init as they are; a fetch of the
    // caller's sees a Request, as it always did.
    let request = input as Request;
    let init: RequestInit | undefined;
    if (input instanceof PlainRequest) {
      if (options.fetch) request = new Request(input.url, input.init);
      else init = input.init;
    }
    const { signal, headers } = (init ?? request) as {
      signal?: AbortSignal | null;
      headers: Headers;
    };
    // Only GET is retried: it is safe and idempotent, and it is all this API has.
    const retries =
      call.method === "GET" ? (call.maxRetries ?? options.maxRetries ?? DEFAULT_MAX_RETRIES) : 0;
    const timeout = call.timeout ?? options.timeout ?? DEFAULT_TIMEOUT;
    // 0 and Infinity disable the timeout (setTimeout would fire at once for Infinity).
    const timed = timeout > 0 && timeout < 2 ** 31;

    for (let attempt = 0; ; attempt++) {
      // A token function runs for every attempt, so a refreshed token is picked up on retry.
      const auth = fixed ?? (typeof token === "function" ? await token() : "");
      if (auth) {
        try {
          headers.set("Authorization", fixed ?? `Bearer ${auth}`);
        } catch {
          // The platform's message would quote the invalid value, i.e. the token.
          throw new TypeError("The token is not a valid HTTP header value");
        }
      }

      signal?.throwIfAborted();

      let response: Response | undefined;
      let failure: NetworkError | TimeoutError | undefined;
      // A fresh signal per attempt that aborts on timeout or when the caller aborts.
      const controller = timed ? new AbortController() : undefined;
      const onAbort = () => controller?.abort(signal?.reason);
      const timer = timed ? setTimeout(onAbort, timeout) : undefined;
      // The caller's abort must keep reaching the attempt's signal after the headers arrived:
      // fetch ties the body read to that signal, so the listener stays while the body is read.
      if (timed) signal?.addEventListener("abort", onAbort, { once: true });
      try {
        // The init is this call's own: openapi-fetch builds one per call.
        if (init && controller) init.signal = controller.signal;
        response = await (options.fetch ?? fetch)(
          init ? (input as PlainRequest).url : request,
          init ?? (controller && { signal: controller.signal }),
        );
      } catch (cause) {
        signal?.removeEventListener("abort", onAbort);
        // The caller's own abort is not a failure to report or retry: rethrow its reason.
        if (signal?.aborted) throw signal.reason;
        // Otherwise an aborted attempt is our timeout's doing.
        failure = attemptError(call, controller?.signal.aborted, timeout, cause);
      } finally {
        // With a deadline, a response's timer runs on until the body is read (see Deadline).
        if (!(response && call.deadline)) clearTimeout(timer);
      }

      // No response, or one that says "try again later": retry while the budget lasts.
      const retryable = !response || isRetryableStatus(response.status);
      const delay =
        retryable && attempt < retries
          ? retryDelay(attempt, response?.headers.get("retry-after"))
          : undefined;
      if (delay === undefined) {
        if (!response) throw failure;
        const { deadline } = call;
        const limit = call.maxResponseSize ?? options.maxResponseSize ?? MAX_RESPONSE_SIZE;
        // Set by the bounded body below when it passes the limit. Browsers reject the read of a
        // stream that errors with their own TypeError ("Failed to fetch"), not the stream's
        // error: the deadline still reports the real failure.
        let tooLarge: ResponseTooLargeError | undefined;
        if (deadline) {
          deadline.release = () => clearTimeout(timer);
          deadline.fail = (cause, headers) =>
            tooLarge ??
            (cause instanceof ResponseTooLargeError
              ? cause
              : attemptError(
                  call,
                  controller?.signal.aborted,
                  timeout,
                  cause,
                  " while reading the response",
                  headers,
                ));
          deadline.maxResponseSize = limit;
          // The caller reads a success body itself (see Deadline).
          if (response.ok) return response;
        }
        // openapi-fetch reads this body itself: an error body, or any body of a raw call.
        return boundBody(response, limit, call.operationId, (error) => {
          tooLarge = error;
        });
      }
      // This attempt is over: its response (if any) will not be read.
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      // Release the connection of a response we are not going to read.
      response?.body?.cancel().catch(() => {});
      await sleep(delay, signal);
    }
  };
}
