// Bridges node:http and the fetch-style handler, so the HTTP mock runs the very same handler
// as the in-process kit.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { RequestHandler } from "../kit/handler.js";
import { json } from "../kit/responses.js";
import { refuseTarget } from "./request-target.js";
import { STAGE_HEADER, stagedByFront } from "./staging.js";

/** Set by the front on every request it forwards: the URL the client really asked for. */
export const ORIGINAL_URL_HEADER = "x-community-api-mock-url";

/**
 * Header limit of the hops behind the front. The front keeps Node's default (16 KiB, its 431
 * is the public answer to an oversized request); behind it the URL travels twice (request line
 * and ORIGINAL_URL_HEADER), so Prism and the data server must accept more than the front does.
 */
export const INTERNAL_MAX_HEADER_BYTES = 64 * 1024;

export interface ListeningServer {
  readonly server: Server;
  readonly port: number;
  close(): Promise<void>;
}

export function listen(server: Server, port: number, host: string): Promise<ListeningServer> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive sockets would hold close() open until they time out.
            server.closeAllConnections();
          }),
      });
    });
  });
}

/**
 * The URL a request addressed, from its Host header (as DRF's build_absolute_uri does). The
 * target is appended to that origin, never resolved against it: `//evil.example/...` or
 * `http://evil.example/...` must not become the host of the links the mock builds (the front
 * and the data server answer such targets 404 before they get here; see request-target.ts).
 */
export function requestUrl(req: IncomingMessage, fallbackHost: string): URL {
  const target = req.url ?? "/";
  const path = target.startsWith("/") && !target.startsWith("//") ? target : "/";
  for (const host of [req.headers.host, fallbackHost]) {
    if (host === undefined) continue;
    try {
      return new URL(`${new URL(`http://${host}`).origin}${path}`);
    } catch {
      // Not a host: try the next one.
    }
  }
  return new URL(path, "http://127.0.0.1");
}

function toRequest(req: IncomingMessage, url: URL): Request | undefined {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    try {
      headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
    } catch {
      // A header fetch cannot carry: the handler does not need it.
    }
  }
  try {
    // The API has no request bodies: they are not read, as the real API ignores them on GET.
    return new Request(url, { method: req.method ?? "GET", headers });
  } catch {
    return undefined; // e.g. TRACE or CONNECT, which fetch refuses to represent
  }
}

export async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  if (body.length > 0) headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

/** The in-process data server Prism proxies to: node:http in front of `handler`. */
export function startDataServer(handler: RequestHandler): Promise<ListeningServer> {
  const server = createServer({ maxHeaderSize: INTERNAL_MAX_HEADER_BYTES }, (req, res) => {
    req.resume();
    const forwarded = req.headers[ORIGINAL_URL_HEADER];
    let url = requestUrl(req, "127.0.0.1");
    let target = req.url ?? "/";
    if (typeof forwarded === "string" && URL.canParse(forwarded)) {
      url = new URL(forwarded);
      target = `${url.pathname}${url.search}`;
    }
    // The front already answers these; the same rule here keeps the data server safe on its own.
    const refusal = refuseTarget(target);
    const request = refusal ? undefined : toRequest(req, url);
    const answer = request
      ? // A staged answer the front asked for (see staging.ts), else the handler's.
        Promise.resolve(stagedByFront(req.headers[STAGE_HEADER])).then(
          (staged) => staged ?? handler(request),
        )
      : Promise.resolve(
          refusal
            ? json(refusal.status, { detail: refusal.detail })
            : json(405, { detail: `Method "${req.method}" not allowed.` }, { allow: "GET, HEAD" }),
        );
    answer
      .then(
        (response) => send(res, response),
        (error: unknown) => send(res, json(500, { detail: String(error) })),
      )
      // The client may be gone already; nothing is left to tell it.
      .catch(() => res.destroy());
  });
  return listen(server, 0, "127.0.0.1");
}
