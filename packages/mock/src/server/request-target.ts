// Which request targets the API could route at all. Its routes are plain origin-form paths
// (`/api/v2/course/<int:id>/users/`), and a target its URL resolver cannot resolve gets a 404
// before any view, token check or parameter parsing runs. The mock answers such targets itself,
// before Prism sees them: Prism throws on a path parameter it cannot percent-decode
// (`URIError: URI malformed`, and the process exits), and the WHATWG URL parser would read
// `//host/...` as a host, or fold `..` and `\` into another path.

/** The answer to a target the API would refuse. */
export interface TargetRefusal {
  readonly status: 400 | 404;
  readonly detail: string;
}

const NOT_FOUND: TargetRefusal = { status: 404, detail: "Not found." };

/**
 * The answer to `target` (the raw request target, as `req.url` gives it) when the API would
 * refuse it, or `undefined` when it may name a route. Only the path is judged: a query with a
 * bad escape is read leniently, as Django reads it (the bad escape stays literal).
 */
export function refuseTarget(target: string): TargetRefusal | undefined {
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
  return undefined;
}
