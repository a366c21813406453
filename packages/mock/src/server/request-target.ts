// Which request targets the API could route at all. Its routes are plain origin-form paths
// (`/api/v2/course/<int:id>/users/`), and a target its URL resolver cannot resolve gets a 404
// before any view, token check or parameter parsing runs. The mock answers such targets itself,
// before Prism sees them: Prism throws on a path parameter it cannot percent-decode
// (`URIError: URI malformed`, and the process exits), and the WHATWG URL parser would read
// `//host/...` as a host, or fold `..` and `\` into another path. A target too long (414, before
// anything) or with too many query parameters (400, once the path is judged) is refused too:
// Prism's cost grows faster than their size.

/** The answer to a target the API would refuse. */
export interface TargetRefusal {
  readonly status: 400 | 404 | 414;
  readonly detail: string;
}

/**
 * The longest request target (path and query) the mock reads: 8 KiB, the request-line buffer of
 * nginx's default `large_client_header_buffers`, which answers 414 beyond it. The API's own
 * front is not documented; we infer a common one. The longest legitimate target of the spec is
 * well under half of it: a search as long as the longest `real_name` (255 characters) of 3-byte
 * UTF-8 characters is 2,295 characters percent-encoded, beside a few short parameters.
 */
export const MAX_TARGET_LENGTH = 8192;

/**
 * The most query parameters the mock reads: Django's default `DATA_UPLOAD_MAX_NUMBER_FIELDS`,
 * beyond which the API's framework (Django REST framework, inferred from its answers) refuses
 * the request with a 400. No operation declares more than a handful. Prism's cost grows faster
 * than the count (one target of 7,900 empty parameters: about 0.8-2 s of its CPU).
 */
export const MAX_QUERY_PARAMETERS = 1000;

const NOT_FOUND: TargetRefusal = { status: 404, detail: "Not found." };

/**
 * The answer to `target` (the raw request target, as `req.url` gives it) when the API would
 * refuse it, or `undefined` when it may name a route. Only the path is judged: a query with a
 * bad escape is read leniently, as Django reads it (the bad escape stays literal).
 */
export function refuseTarget(target: string): TargetRefusal | undefined {
  // Before anything reads it, as a front server would.
  if (target.length > MAX_TARGET_LENGTH) {
    return {
      status: 414,
      detail: `Request-URI too long: the request target has ${target.length} characters; the mock reads at most ${MAX_TARGET_LENGTH}.`,
    };
  }
  // Not a URI character (RFC 3986), and URL parsers read it as `/`: the request is malformed.
  // (Node's parser lets it through; it refuses raw non-ASCII and control characters itself.)
  if (target.includes("\\")) {
    return { status: 400, detail: "Bad request: a backslash in the request target." };
  }
  // Origin-form only: absolute-form (`http://host/...`) would let the target choose the host
  // of the links the mock builds; asterisk-form (`*`) names no resource.
  if (!target.startsWith("/")) return NOT_FOUND;
  const path = target.split("?", 1)[0] ?? "";
  if (path.startsWith("//")) return NOT_FOUND;
  for (const segment of path.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return NOT_FOUND; // a malformed percent-escape: `%`, `%zz`, `%C0%B1`, `%ED%A0%80`, ...
    }
    if (decoded === "." || decoded === "..") return NOT_FOUND;
  }
  // Counted as Django counts them (Python's parse_qsl): one more than the `&` separators.
  const query = target.length - path.length > 1 ? target.slice(path.length + 1) : "";
  const parameters = query === "" ? 0 : query.split("&").length;
  if (parameters > MAX_QUERY_PARAMETERS) {
    return {
      status: 400,
      detail: `Bad request: ${parameters} query parameters; the mock reads at most ${MAX_QUERY_PARAMETERS}.`,
    };
  }
  return undefined;
}
