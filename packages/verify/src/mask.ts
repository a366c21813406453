// What a report may show of a value that arrived. Bodies carry people's data (names, emails,
// bios, dates of birth), so a value is shown as its type plus a masked short form; only codes
// from a list the spec declares (an enum, e.g. `join_status`) are shown as they are. And the
// token is cut out of every string the report holds.
import { jsonType } from "./schemas.js";

/** How much of a string to show: `code` as is, `shape` its form only, `mask` two ends. */
export type Exposure = "code" | "shape" | "mask";

/** What arrived: its JSON type and a short, masked rendering. */
export interface Shown {
  /** The JSON type (`string`, `integer`, `object`, ...), or the media type of a body that is not JSON. */
  readonly type: string;
  /** A short rendering that holds no user data. */
  readonly value: string;
}

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/** `"an…a"`: the first two and the last character of a long string, less of a short one. */
function maskString(text: string): string {
  const chars = [...text];
  if (chars.length >= 6) return `"${chars.slice(0, 2).join("")}…${chars.at(-1)}"`;
  if (chars.length >= 3) return `"${chars[0]}…"`;
  return chars.length === 0 ? '""' : '"…"';
}

/**
 * The form of a string without its content: digits become 9 and letters a, except a lone `T` or
 * `Z` (the separators of a timestamp): `"9999-99-99T99:99:99Z"`.
 */
function shapeOf(text: string): string {
  const shape = text
    .replace(/\p{N}/gu, "9")
    .replace(/\p{L}+/gu, (run) => (run === "T" || run === "Z" ? run : "a".repeat([...run].length)));
  return JSON.stringify(shape.length > 40 ? `${shape.slice(0, 40)}…` : shape);
}

/**
 * A value as a report may show it (see {@link Exposure}), its type in brackets:
 * `"an…a" (string, 7 chars)`, `"banned" (string)`, `{…} (object; keys: crm, source)`.
 */
export function show(value: unknown, exposure: Exposure = "mask"): Shown {
  const type = jsonType(value);
  if (typeof value === "string") {
    const length = [...value].length;
    if (exposure === "code" && !EMAIL.test(value) && length <= 40) {
      return { type, value: `${JSON.stringify(value)} (string)` };
    }
    const rendered = exposure === "shape" ? shapeOf(value) : maskString(value);
    return { type, value: `${rendered} (string, ${length} chars)` };
  }
  if (Array.isArray(value)) return { type, value: `[…] (array, ${value.length} items)` };
  if (typeof value === "object" && value !== null) {
    const keys = Object.keys(value);
    const listed = keys.slice(0, 6).join(", ") + (keys.length > 6 ? ", …" : "");
    return { type, value: keys.length > 0 ? `{…} (object; keys: ${listed})` : "{} (object)" };
  }
  if (value === null) return { type, value: "null" };
  return { type, value: `${String(value)} (${type})` };
}

/** A body that is not JSON: its media type, length and first character class, no content. */
export function showText(text: string, mediaType: string): Shown {
  const looks = text.trimStart().startsWith("<") ? "markup" : "text";
  return {
    type: mediaType || "no content-type",
    value: `${looks}, ${text.length} chars (${mediaType || "no content-type"})`,
  };
}

/**
 * Replaces every occurrence of the token (and of its percent-encoded form) with `***`. A token
 * shorter than 4 characters is not searched for: it would mangle the report and is no secret.
 */
export function redactor(token: string | undefined): (text: string) => string {
  if (!token || token.length < 4) return (text) => text;
  const forms = [...new Set([token, encodeURIComponent(token)])];
  return (text) => {
    let out = text;
    for (const form of forms) out = out.split(form).join("***");
    return out;
  };
}

/** A copy of a JSON-like value with every string passed through `redact`. */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [redact(k), redactDeep(v, redact)]),
    ) as T;
  }
  return value;
}
