// The public face of a running mock: a small node:http server in front of Prism. It answers
// /health itself (Prism has no such route and would block or flag it), hands everything else to
// Prism, and in realistic mode turns any contract breach Prism reports into an error answer.
import { Agent, createServer, type IncomingHttpHeaders, request } from "node:http";
import { type ListeningServer, listen, ORIGINAL_URL_HEADER, requestUrl } from "./node-http.js";
import { badRequestBody, contractBreach, parseViolations } from "./violations.js";

export interface FrontOptions {
  readonly port: number;
  readonly host: string;
  readonly prismPort: number;
  /** The body of GET /health. */
  readonly health: Readonly<Record<string, unknown>>;
  /** Realistic mode: judge Prism's findings and pass the original URL to the data server. */
  readonly judge: boolean;
  readonly log: (line: string) => void;
}

/** Query parameters Prism reads as instructions (`__code`, `__server`, ...), not API parameters. */
const PRISM_QUERY_PARAMS = ["__server", "__code", "__example", "__dynamic", "__seed"];
const HOP_BY_HOP = [
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
];
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/**
 * What Prism is asked: the same path and API parameters, minus what Prism would misread: its
 * own instructions (`__code`, `__server`, ...) and names that are not all lower case (Prism
 * lowercases query names, so it would validate `LIMIT=x` as `limit`; the API, like HTTP, is
 * case-sensitive and ignores `LIMIT`).
 */
function prismPath(url: URL): string {
  const keep = (name: string) => !PRISM_QUERY_PARAMS.includes(name) && name === name.toLowerCase();
  if ([...url.searchParams.keys()].every(keep)) return `${url.pathname}${url.search}`;
  const query = new URLSearchParams([...url.searchParams].filter(([name]) => keep(name)));
  const search = query.toString();
  return `${url.pathname}${search === "" ? "" : `?${search}`}`;
}

function forwardHeaders(
  headers: IncomingHttpHeaders,
  original: URL | undefined,
): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = { ...headers };
  // Bodies are never forwarded (the API has none, and Prism's proxy refuses a GET with one);
  // `prefer` would select Prism's own mock responses, which the real API knows nothing of.
  for (const name of [
    ...HOP_BY_HOP,
    "host",
    "prefer",
    "content-length",
    "content-type",
    "expect",
  ]) {
    delete out[name];
  }
  delete out[ORIGINAL_URL_HEADER];
  if (original) out[ORIGINAL_URL_HEADER] = original.href;
  return out;
}

export function startFront(options: FrontOptions): Promise<ListeningServer> {
  const agent = new Agent({ keepAlive: true });
  // Without a Host header (HTTP/1.0), links name the address actually bound (set once listening),
  // not the requested port, which may be 0.
  let fallbackHost = `${options.host}:${options.port}`;
  const server = createServer((req, res) => {
    req.resume();
    const url = requestUrl(req, fallbackHost);
    const method = req.method ?? "GET";
    if (url.pathname === "/health") {
      if (method !== "GET" && method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD", "content-type": "application/json" });
        res.end(JSON.stringify({ detail: `Method "${method}" not allowed.` }));
        return;
      }
      const body = JSON.stringify({ status: "ok", ...options.health });
      res.writeHead(200, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      res.end(method === "HEAD" ? undefined : body);
      return;
    }
    if (!METHODS.includes(method)) {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "application/json" });
      res.end(JSON.stringify({ detail: `Method "${method}" not allowed.` }));
      return;
    }
    const upstream = request(
      {
        host: "127.0.0.1",
        port: options.prismPort,
        agent,
        // Prism's proxy fails on HEAD: ask for GET and drop the body below.
        method: method === "HEAD" ? "GET" : method,
        path: prismPath(url),
        headers: forwardHeaders(req.headers, options.judge ? url : undefined),
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          let status = answer.statusCode ?? 502;
          const headers: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(answer.headers)) {
            if (value !== undefined && !HOP_BY_HOP.includes(name)) headers[name] = value;
          }
          let body = Buffer.concat(chunks);
          const header = answer.headers["sl-violations"];
          const violations = parseViolations(typeof header === "string" ? header : undefined);
          const breach = options.judge ? contractBreach(status, violations) : undefined;
          if (breach) {
            // A violation is an error, not a log line: the caller sees a 500 that says why.
            options.log(`contract breach on ${method} ${url.pathname}${url.search}: ${breach}`);
            for (const v of violations) options.log(`  ${v.location.join(".")}: ${v.message}`);
            status = 500;
            body = Buffer.from(
              JSON.stringify({
                detail: `community-api-mock: ${breach}. This is a bug in the mock; Prism's findings are in "violations".`,
                violations,
              }),
            );
            headers["content-type"] = "application/json";
          }
          const named = !options.judge && status === 400 ? badRequestBody(violations) : undefined;
          if (named) {
            body = Buffer.from(named);
            headers["content-type"] = "application/json";
          }
          headers["content-length"] = String(body.length);
          res.writeHead(status, headers);
          res.end(method === "HEAD" ? undefined : body);
        });
      },
    );
    upstream.on("error", (error) => {
      options.log(`Prism did not answer ${method} ${url.pathname}: ${error.message}`);
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ detail: `community-api-mock: Prism did not answer (${error.message}).` }),
      );
    });
    upstream.end();
  });
  return listen(server, options.port, options.host).then((front) => {
    fallbackHost = `${options.host}:${front.port}`;
    return {
      ...front,
      close: async () => {
        await front.close();
        agent.destroy();
      },
    };
  });
}
