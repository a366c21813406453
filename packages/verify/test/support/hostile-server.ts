// A server on 127.0.0.1 for the hostile cases: each test gives it the one way it misbehaves
// (`answer`), and everything else is answered by the mock's in-process kit, which holds to the
// spec, so that a report holds exactly what the test staged. It records what a test asserts on:
// every request (with its Authorization header) and, per response, the bytes written and
// whether the client closed the connection before the end.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createMockFetch, TEST_TOKENS } from "@community-api/mock/kit";
import { listenOnLoopback } from "./loopback.js";

/** What the server saw of one request. */
export interface Seen {
  readonly url: string;
  readonly authorization: string | undefined;
  /** Bytes of the body written before the end or the close. */
  bytes: number;
  /** The client closed the connection before the response ended. */
  closedEarly: boolean;
}

/** Handles a request itself (true), leaves it to the kit (false), or has the kit answer another path and query (a string). */
export type Answer = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  server: HostileServer,
) => boolean | string;

export interface HostileServer {
  readonly url: string;
  readonly seen: Seen[];
  close(): Promise<void>;
}

/**
 * Starts the server. Requests bearing `token` reach the kit as the course-1 manager's (the only
 * token it knows for course 1); others reach it as they came (no token: the spec's 401).
 */
export async function startHostileServer(
  token: string,
  answer: Answer = () => false,
): Promise<HostileServer> {
  const kit = createMockFetch();
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    const record: Seen = {
      url: req.url ?? "",
      authorization: req.headers.authorization,
      bytes: 0,
      closedEarly: false,
    };
    seen.push(record);
    // Counts what is written; notes a close before the end (the client stopped reading).
    const write = res.write.bind(res) as (chunk: Uint8Array | string) => boolean;
    res.write = ((chunk: Uint8Array | string, ...rest: unknown[]) => {
      record.bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    res.once("close", () => {
      if (!res.writableFinished) record.closedEarly = true;
    });
    let url = new URL(req.url ?? "/", origin);
    const answered = answer(req, res, url, handle);
    if (answered === true) return;
    if (typeof answered === "string") url = new URL(answered, origin);
    const headers = new Headers();
    if (req.headers.authorization === `Bearer ${token}`) {
      headers.set("authorization", `Bearer ${TEST_TOKENS.courseManager}`);
    } else if (req.headers.authorization) {
      headers.set("authorization", req.headers.authorization);
    }
    const response = await kit(url, { headers });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  const { url: origin, close } = await listenOnLoopback(server);
  const handle: HostileServer = { url: origin, seen, close };
  return handle;
}

/** Writes `chunk` until the client goes away, respecting backpressure: a body that never ends. */
export function endless(res: ServerResponse, chunk: Buffer): void {
  const pump = () => {
    while (!res.destroyed) {
      if (!res.write(chunk)) {
        res.once("drain", pump);
        return;
      }
    }
  };
  pump();
}
