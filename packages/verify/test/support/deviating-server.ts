// A small API on 127.0.0.1 that answers the spec's paths but deviates from the spec in known
// ways, one per list, so that a test can hold the report to each:
// - course invited users: `ext_id` an object on the first item; `nickname` and `email` fields the
//   spec does not describe on every item; the first request is throttled (429, Retry-After: 0);
// - course dashboard users: no `count`; `join_status: "banned"` on the second item; `next`
//   links to another host; a JSON-array `statuses` is refused with a 400 (reading only the
//   bare form);
// - event invited users: a 403 whose body is neither `{"errors": [...]}` nor `{"detail": ...}`.
// Everything else is as the spec says (401s, the 400 for limit=0, links' paths and offsets).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenOnLoopback } from "./loopback.js";

/** The one token this server accepts. */
export const TOKEN = "tok_Live-9f8e7d6c5b4a3210";

/** User data that must never reach a report unmasked. */
export const PERSONAL = ["Giulia Rossi", "giulia@example.com", "giulia_rossi", "Mark O'Hara"];

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly host: string | undefined;
  readonly authorization: string | undefined;
}

export interface DeviatingServer {
  readonly url: string;
  /** Every request received, in order. */
  readonly seen: SeenRequest[];
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

const invited = Array.from({ length: 5 }, (_, i) => ({
  id: 100 + i,
  username: i === 0 ? "giulia_rossi" : `user_${i}`,
  real_name: i === 0 ? "Giulia Rossi" : "Mark O'Hara",
  ext_id: i === 0 ? { crm: "5531", source: "salesforce" } : null,
  avatar: null,
  nickname: "Giuli",
  email: "giulia@example.com",
}));

const dashboard = Array.from({ length: 5 }, (_, i) => ({
  id: 200 + i,
  username: i === 0 ? "giulia_rossi" : `member_${i}`,
  real_name: i === 0 ? "Giulia Rossi" : "",
  avatar: null,
  join_status: i === 1 ? "banned" : "joined",
  user_completion_rate: 12.5 * i,
  last_active_at: null,
  joined_at: "2026-09-14T08:30:02.100245+02:00",
}));

/** limit/offset paging of `items`, DRF style; `origin` is where the links point. */
function page(url: URL, items: readonly unknown[], origin: string, withCount: boolean) {
  const limit = Number(url.searchParams.get("limit") ?? 3);
  const offset = Number(url.searchParams.get("offset") ?? 0);
  const link = (at: number) => {
    const query = new URLSearchParams(url.searchParams);
    query.set("limit", String(limit));
    query.set("offset", String(at));
    return `${origin}${url.pathname}?${query}`;
  };
  const results = items.slice(offset, offset + limit);
  return {
    ...(withCount && { count: items.length }),
    next: offset + limit < items.length ? link(offset + limit) : null,
    previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
    results,
  };
}

function handle(
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
  state: { throttled: boolean },
) {
  const url = new URL(req.url ?? "/", origin);
  const auth = req.headers.authorization;
  if (!auth) {
    return json(res, 401, { detail: "Authentication credentials were not provided." });
  }
  if (auth !== `Bearer ${TOKEN}`) {
    return json(res, 401, {
      errors: [{ code: "authentication_failed", message: "Invalid token." }],
    });
  }
  const limit = url.searchParams.get("limit");
  if (limit !== null && !(Number(limit) >= 1)) {
    return json(res, 400, {
      errors: [{ field: "limit", messages: [{ code: "invalid", message: "Must be >= 1." }] }],
    });
  }
  if (/^\/api\/v2\/course\/1\/invite\/$/.test(url.pathname)) {
    if (!state.throttled) {
      state.throttled = true;
      return json(res, 429, { detail: "Request was throttled." }, { "retry-after": "0" });
    }
    return json(res, 200, page(url, invited, origin, true));
  }
  if (/^\/api\/v2\/course\/1\/users\/$/.test(url.pathname)) {
    if (url.searchParams.get("statuses")?.startsWith("[")) {
      return json(res, 400, {
        errors: [
          { field: "statuses", messages: [{ code: "invalid_choice", message: "Not a status." }] },
        ],
      });
    }
    return json(res, 200, page(url, dashboard, "https://elsewhere.example", false));
  }
  if (/^\/api\/v2\/event\/1\/invite\/$/.test(url.pathname)) {
    return json(res, 403, { message: "You shall not pass", status: 403 });
  }
  return json(res, 404, { detail: "Not found." });
}

/** Starts the server on 127.0.0.1 and a free port. */
export async function startDeviatingServer(): Promise<DeviatingServer> {
  const seen: SeenRequest[] = [];
  const state = { throttled: false };
  let origin = "";
  const server = createServer((req, res) => {
    seen.push({
      method: req.method ?? "",
      url: req.url ?? "",
      host: req.headers.host,
      authorization: req.headers.authorization,
    });
    handle(req, res, origin, state);
  });
  const listening = await listenOnLoopback(server);
  origin = listening.url;
  return { ...listening, seen };
}
