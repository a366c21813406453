// The bounded read of a response body. Bytes are counted as the body's stream yields them,
// after fetch has undone any gzip or deflate, so a 1 MB body that inflates to 1 GiB stops at the
// limit instead of filling memory. Past the limit, the body is cancelled (which releases the
// connection and stops the decompression) and the read fails with a ResponseTooLargeError.
import type { OperationId } from "@community-api/types";
import { ResponseTooLargeError } from "./errors.js";

/**
 * Default `maxResponseSize`, in bytes: 16 MiB. A user is 1 to 2 kB of JSON, so a page of 1,000
 * users (the most the iterators accept from a `next` link unless you ask for more) is about
 * 2 MB: the default leaves eight times that, for bigger records or a bigger `pageSize`.
 */
export const MAX_RESPONSE_SIZE = 16 * 1024 * 1024;

/**
 * Reads the chunks of `response`'s body from `reader`, counted: a read that takes the total past
 * `limit` bytes cancels the body and rejects with a {@link ResponseTooLargeError}, which it
 * hands to `onTooLarge` first.
 */
function counted(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  response: Response,
  limit: number,
  operationId?: OperationId,
  onTooLarge?: (error: ResponseTooLargeError) => void,
) {
  let size = 0;
  return async (): Promise<ReadableStreamReadResult<Uint8Array>> => {
    const chunk = await reader.read();
    size += chunk.value?.byteLength ?? 0;
    if (size > limit) {
      // The message names the limit and the operation, never the URL: it carries no token or query.
      const error = new ResponseTooLargeError(
        `${operationId ?? "request"} failed: the HTTP ${response.status} response body is larger than maxResponseSize (${limit} bytes)`,
        response.status,
        { headers: response.headers, operationId },
      );
      onTooLarge?.(error);
      reader.cancel(error).catch(() => {});
      throw error;
    }
    return chunk;
  };
}

/**
 * Reads a response body as UTF-8 text, like `response.text()`, but at most `limit` bytes of it
 * (counted after decompression); past that, rejects with a {@link ResponseTooLargeError}.
 */
export async function readBody(
  response: Response,
  limit = MAX_RESPONSE_SIZE,
  operationId?: OperationId,
): Promise<string> {
  if (!response.body) return "";
  const read = counted(response.body.getReader(), response, limit, operationId);
  // Streaming decode: a character split between two chunks is decoded whole.
  const decoder = new TextDecoder();
  let text = "";
  for (let chunk = await read(); !chunk.done; chunk = await read()) {
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * `response` with its body bounded like {@link readBody}'s, for the bodies others read:
 * openapi-fetch reads every error body itself (with `text()`, whatever `parseAs` says), and the
 * success bodies of raw calls (`client.GET`).
 * A new Response around a counting stream, with the original's `url`, `redirected` and `type`,
 * so that middleware still sees what fetch returned. A browser rejects a read of that stream
 * past the limit with its own TypeError: `onTooLarge` gets the typed error all the same.
 */
export function boundBody(
  response: Response,
  limit: number,
  operationId?: OperationId,
  onTooLarge?: (error: ResponseTooLargeError) => void,
): Response {
  if (!response.body) return response;
  const reader = response.body.getReader();
  const read = counted(reader, response, limit, operationId, onTooLarge);
  const bounded = new Response(
    new ReadableStream<Uint8Array>({
      async pull(controller) {
        const chunk = await read();
        if (chunk.done) controller.close();
        else controller.enqueue(chunk.value);
      },
      cancel: (reason) => reader.cancel(reason),
    }),
    response,
  );
  for (const key of ["url", "redirected", "type"] as const) {
    Object.defineProperty(bounded, key, { value: response[key] });
  }
  return bounded;
}
