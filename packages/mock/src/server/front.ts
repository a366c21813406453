// The public face of a running mock: a small node:http server in front of Prism. It answers
// /health itself (Prism has no such route and would block or flag it), answers what the API
// would refuse before any view runs (malformed HTTP, targets its URL resolver cannot route),
// hands everything else to Prism within a time limit, and in realistic mode turns any contract
// breach Prism reports into an error answer.
import {
  Agent,
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type ServerResponse,
} from "node:http";
import { answerUnhandledRequests } from "./malformed-http.js";
import { type ListeningServer, listen, ORIGINAL_URL_HEADER, requestUrl } from "./node-http.js";
import { probePrism } from "./prism.js";
import { isPageBody, type PageShaping } from "./prism-pages.js";
import { refuseTarget } from "./request-target.js";
import { STAGE_HEADER, type Stage, type Staging } from "./staging.js";
import { badRequestBody, contractBreach, parseViolations } from "./violations.js";

export interface FrontOptions {
  readonly port: number;
  readonly host: string;
  /** The Prism child the front forwards to. */
  readonly prism: { readonly pid: number; readonly port: number; readonly exited: Promise<string> };
  /** The body of GET /health (after `status`, and `reason` when Prism does not serve). */
  readonly health: Readonly<Record<string, unknown>>;
  /** Realistic mode: judge Prism's findings and pass the original URL to the data server. */
  readonly judge: boolean;
  /** Static and dynamic modes: how Prism's pages are adapted. */
  readonly pages?: PageShaping;
  /** How long Prism may take to answer a request before the front answers 504. */
  readonly upstreamTimeoutMs: number;
  /** How long Prism may take to answer the probe behind GET /health. */
  readonly probeTimeoutMs: number;
  /** Staged answers: `Prefer: code=/delay=`, `/__mock/scenarios`, the mock-wide delay. */
  readonly staging: Staging;
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
  prefer: string | undefined,
  stage: Stage | undefined,
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
  delete out[STAGE_HEADER];
  if (original) out[ORIGINAL_URL_HEADER] = original.href;
  if (stage) out[STAGE_HEADER] = JSON.stringify(stage);
  if (prefer) out.prefer = prefer;
  return out;
}

/** 405, as the API answers a method it does not route. */
function notAllowed(res: ServerResponse, method: string): void {
  sendJson(res, method, 405, { detail: `Method "${method}" not allowed.` }, { allow: "GET, HEAD" });
}

function sendJson(
  res: ServerResponse,
  method: string,
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
  res.end(method === "HEAD" ? undefined : text);
}

export function startFront(options: FrontOptions): Promise<ListeningServer> {
  const agent = new Agent({ keepAlive: true });
  const prismName = `Prism (pid ${options.prism.pid})`;
  let prismExit: string | undefined;
  void options.prism.exited.then((detail) => {
    prismExit = `Prism exited (${detail})`;
  });
  // Without a Host header (HTTP/1.0), links name the address actually bound (set once listening),
  // not the requested port, which may be 0.
  let fallbackHost = `${options.host}:${options.port}`;

  /** GET /health: Prism is asked every time (a dead or stopped Prism must not look healthy). */
  const health = async (res: ServerResponse, method: string) => {
    const reason =
      prismExit ??
      (await probePrism(options.prism.port, options.probeTimeoutMs).then((why) =>
        // It may have died while being probed.
        why === undefined ? undefined : (prismExit ?? `${prismName} ${why}`),
      ));
    const body =
      reason === undefined
        ? { status: "ok", ...options.health }
        : { status: "unavailable", reason, ...options.health };
    sendJson(res, method, reason === undefined ? 200 : 503, body, { "cache-control": "no-store" });
  };

  const forward = (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    method: string,
    stage?: Stage,
  ) => {
    if (prismExit !== undefined) {
      sendJson(res, method, 502, { detail: `community-api-mock: ${prismExit}.` });
      return;
    }
    const upstream = request(
      {
        host: "127.0.0.1",
        port: options.prism.port,
        agent,
        // Prism's proxy fails on HEAD: ask for GET and drop the body below.
        method: method === "HEAD" ? "GET" : method,
        path: prismPath(url),
        headers: forwardHeaders(
          req.headers,
          options.judge ? url : undefined,
          options.pages?.prefer(url),
          stage,
        ),
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        // Prism stalled or died halfway through the body (the deadline destroys the request).
        answer.on("error", fail);
        answer.on("end", () => {
          clearTimeout(deadline);
          if (done) return;
          done = true;
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
          if (options.pages && status === 200) {
            const page = parseJson(body);
            if (isPageBody(page))
              body = Buffer.from(JSON.stringify(options.pages.reshape(page, url)));
          }
          headers["content-length"] = String(body.length);
          res.writeHead(status, headers);
          res.end(method === "HEAD" ? undefined : body);
        });
      },
    );
    // A stopped or wedged Prism accepts the connection and never answers: bound the wait.
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      upstream.destroy();
    }, options.upstreamTimeoutMs);
    let done = false;
    function fail(error: Error) {
      clearTimeout(deadline);
      if (done) return;
      done = true;
      const why = timedOut
        ? `${prismName} did not answer within ${options.upstreamTimeoutMs} ms`
        : (prismExit ?? `${prismName} did not answer (${error.message})`);
      options.log(`${method} ${url.pathname}: ${why}`);
      if (res.headersSent) return void res.destroy();
      sendJson(res, method, timedOut ? 504 : 502, { detail: `community-api-mock: ${why}.` });
    }
    upstream.on("error", fail);
    // The client gave up: stop waiting for Prism on its behalf.
    res.on("close", () => {
      if (res.writableFinished) return;
      done = true;
      upstream.destroy();
    });
    upstream.end();
  };

  const server = createServer(
    // An HTTP/1.1 request without Host gets the JSON 400 below, not Node's empty one.
    { requireHostHeader: false },
    (req, res) => {
      req.resume();
      const method = req.method ?? "GET";
      if (req.httpVersion === "1.1" && req.headers.host === undefined) {
        sendJson(
          res,
          method,
          400,
          { detail: "Bad request: an HTTP/1.1 request without a Host header." },
          { connection: "close" },
        );
        return;
      }
      const refusal = refuseTarget(req.url ?? "/");
      if (refusal) {
        // What the API cannot route: 404 (400 if malformed), before any token or parameter.
        // A malformed request closes the connection, as Node does for those its parser refuses.
        const close = refusal.status === 400 ? { connection: "close" } : undefined;
        sendJson(res, method, refusal.status, { detail: refusal.detail }, close);
        return;
      }
      const url = requestUrl(req, fallbackHost);
      if (url.pathname === "/health") {
        if (method !== "GET" && method !== "HEAD") return notAllowed(res, method);
        void health(res, method);
        return;
      }
      if (options.staging.control(req, res, url, method)) return;
      if (!METHODS.includes(method)) return notAllowed(res, method);
      const plan = options.staging.plan(req.headers.prefer, url);
      if ("problem" in plan) {
        return sendJson(res, method, 400, { detail: `community-api-mock: ${plan.problem}` });
      }
      const go = () => {
        if (!plan.stage) return forward(req, res, url, method);
        // Realistic: the data server answers it behind Prism, which validates it.
        if (options.judge) return forward(req, res, url, method, plan.stage);
        options.staging.answer(res, url, method, plan.stage).catch(() => res.destroy());
      };
      if (plan.delayMs === 0) return go();
      const timer = setTimeout(go, plan.delayMs);
      // The client gave up while it waited: nothing to answer.
      res.on("close", () => clearTimeout(timer));
    },
  );
  answerUnhandledRequests(server);
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

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}
