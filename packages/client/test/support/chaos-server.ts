// Misbehaving servers on 127.0.0.1 with real sockets, for the client's fault tests. Each one
// records every request it receives (with all headers), so a test can count attempts, measure
// the waits between them and prove what a server never saw.
import {
  createServer as createHttpServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import { createServer as createNetServer, type Server, type Socket } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

/** One request as the server received it. */
export interface Received {
  readonly method: string;
  /** Path and query, as sent on the request line. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** `performance.now()` when the request head arrived. */
  readonly at: number;
}

/** Answers request number `index` (0-based) however the test wants, or not at all. */
export type Reply = (req: IncomingMessage, res: ServerResponse, index: number) => void;

export interface ChaosServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly received: Received[];
  /** Replaced freely between tests. */
  reply: Reply;
  /** Called as each request arrives, after it is recorded. */
  onRequest: (received: Received) => void;
  close(): Promise<void>;
}

function address(server: Server): number {
  const info = server.address();
  if (info === null || typeof info === "string") throw new Error("not listening on TCP");
  return info.port;
}

/** An HTTP server whose answers the test scripts. The default answer is a 404 page. */
export async function startChaosServer(reply?: Reply): Promise<ChaosServer> {
  const chaos = notListening(reply);
  await listen(chaos, reply);
  return chaos;
}

/**
 * A chaos server for the calling test file, started before its tests and closed after them:
 * one for the whole file (`scope: "file"`, the default), or a new one for each test
 * (`scope: "test"`: a new port, nothing received, `reply` and `onRequest` as at the start).
 * The object stays the same, so a test file can hold it in a `const`.
 */
export function useChaosServer(
  options: { reply?: Reply; scope?: "file" | "test" } = {},
): ChaosServer {
  const chaos = notListening(options.reply);
  const start = () => listen(chaos, options.reply);
  if (options.scope === "test") {
    beforeEach(start);
    afterEach(() => chaos.close());
  } else {
    beforeAll(start);
    afterAll(() => chaos.close());
  }
  return chaos;
}

const notFound: Reply = (_, res) => sendJson(res, 404, { detail: "Not found." });

/** A chaos server as it is before it first listens. */
function notListening(reply: Reply | undefined): ChaosServer {
  return {
    url: "",
    port: 0,
    received: [],
    reply: reply ?? notFound,
    onRequest: () => {},
    close: async () => {},
  };
}

/** Starts `chaos` over (as `notListening` makes it) on a new HTTP server. */
async function listen(chaos: ChaosServer, reply: Reply | undefined): Promise<void> {
  Object.assign(chaos, notListening(reply));
  const server = createHttpServer((req, res) => {
    const received: Received = {
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      at: performance.now(),
    };
    chaos.received.push(received);
    chaos.onRequest(received);
    req.resume();
    chaos.reply(req, res, chaos.received.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = address(server);
  Object.assign(chaos, {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hung and keep-alive sockets would hold close() open.
        server.closeAllConnections();
      }),
  });
}

/**
 * A TCP server that accepts every connection, reads what comes, and never answers.
 * `connections()` counts the HTTP requests that arrived (a request line on a connection), not
 * bare TCP connections: Node 24's fetch may open a spare connection that carries no request.
 */
export async function startSilentServer(): Promise<{
  readonly url: string;
  readonly connections: () => number;
  close(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createNetServer((socket) => {
    sockets.add(socket);
    let counted = false;
    socket.on("data", (chunk: Buffer) => {
      if (!counted && /^[A-Z]+ \S+ HTTP\/1\.[01]\r\n/.test(chunk.toString("latin1"))) {
        counted = true;
        accepted += 1;
      }
    });
    socket.on("error", () => {}); // the client hangs up: expected
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${address(server)}`,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A list envelope as the API sends it. */
export function page<T>(results: T[], next: string | null = null, count = results.length) {
  return { count, next, previous: null, results };
}

/** A user of the invite lists, with every field the spec requires. */
export function invitedUser(id: number) {
  return { id, username: `user_${id}`, real_name: `User ${id}`, ext_id: null, avatar: null };
}
