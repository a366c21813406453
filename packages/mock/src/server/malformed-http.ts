// Requests that never reach a request handler: what Node's HTTP parser refuses (a lowercase
// method, NUL or a space before the colon in a header, raw non-ASCII in the target, a head over
// 16 KiB, ...), which Node answers with a bare 400 or 431 and an empty body, and CONNECT, whose
// connection Node just closes. The mock answers them like every other rejection it sends: JSON
// that says what was wrong.
import { type IncomingMessage, maxHeaderSize, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

/** Status and body for a parser error (`err.code` is llhttp's `HPE_*` or Node's own code). */
function parserErrorAnswer(error: Error & { code?: string; reason?: string }): {
  status: number;
  detail: string;
} {
  switch (error.code) {
    case "HPE_HEADER_OVERFLOW":
      return {
        status: 431,
        detail: `Request header fields too large: the request line and headers exceed ${maxHeaderSize} bytes.`,
      };
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return { status: 413, detail: "Payload too large: the chunk extensions are too long." };
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return { status: 408, detail: "Request timeout: the request was not received in time." };
    default:
      // llhttp's reason names the fault: "Invalid method encountered", "Invalid header token".
      return { status: 400, detail: `Bad request: ${error.reason ?? error.message}.` };
  }
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: "Bad Request",
  405: "Method Not Allowed",
  408: "Request Timeout",
  413: "Payload Too Large",
  431: "Request Header Fields Too Large",
};

/** A raw HTTP/1.1 answer with a JSON body, for a socket that has no response object. */
export function rawJsonAnswer(status: number, detail: string, headers: string[] = []): string {
  const body = JSON.stringify({ detail });
  return [
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}`,
    "Content-Type: application/json",
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...headers,
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}

function endWith(socket: Duplex, answer: string): void {
  socket.end(answer);
  // A client that never closes its side must not hold the socket open.
  const linger = setTimeout(() => socket.destroy(), 2000);
  linger.unref();
  socket.once("close", () => clearTimeout(linger));
}

/** Answers parser errors and CONNECT with a JSON body, then closes the connection. */
export function answerUnhandledRequests(server: Server): void {
  server.on("clientError", (error: Error & { code?: string }, socket: Duplex) => {
    // ECONNRESET: the client is gone, nobody to answer. A response already under way on this
    // socket (a pipelined request) must not be interleaved with ours: Node's own rule.
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
    if (error.code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, detail } = parserErrorAnswer(error);
    endWith(socket, rawJsonAnswer(status, detail));
  });
  // CONNECT (authority-form) names no resource of the API: its 405, like any other method.
  server.on("connect", (req: IncomingMessage, socket: Duplex) => {
    endWith(
      socket,
      rawJsonAnswer(405, `Method "${req.method}" not allowed.`, ["Allow: GET, HEAD"]),
    );
  });
}
