// What a report may show of what a server sent. Bodies carry people's data (names, emails,
// bios, dates of birth) and a hostile server may echo the token in any encoding, so:
// - a NAME a server sent (a property name, a path segment, a host, a media type, a code) is
//   printed only when it looks like a field name, {@link FIELD_NAME}, and is neither personal
//   data nor part of the token; otherwise as its shape (length and character classes). One rule
//   instead of a list of encodings: every escaped form of a token (`%2B`, `\"`, `~1`) holds a
//   character a field name cannot;
// - a VALUE is shown as its type plus a masked short form, its form only where the spec expects
//   a format, and as it is only for codes from a list the spec declares (and then under the
//   name rule too);
// - every string of the report then has the token cut out in each encoding, and is clipped:
//   masking first, clipping after, so that a clip never leaves a piece of a secret.
import { jsonType } from "./schemas.js";

/** How much of a string to show: `code` as is (under the name rule), `shape` its form only, `mask` two ends. */
export type Exposure = "code" | "shape" | "mask";

/** What arrived: its JSON type and a short, masked rendering. */
export interface Shown {
  /** The JSON type (`string`, `integer`, `object`, ...), or the media type of a body that is not JSON. */
  readonly type: string;
  /** A short rendering that holds no user data. */
  readonly value: string;
}

/** The names a report prints as they are: what field names look like. */
export const FIELD_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
/** The longest string a report holds (a message, a spec description); longer ones are clipped. */
export const MAX_STRING = 300;

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
/** Dates (`1990-04-12`, `12.04.1990`) and long digit runs (phone, card, id numbers) are personal. */
const PERSONAL = [
  EMAIL,
  /[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/,
  /[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{2,4}/,
];
const looksPersonal = (text: string): boolean =>
  PERSONAL.some((pattern) => pattern.test(text)) || (text.match(/[0-9]/g)?.length ?? 0) >= 7;

/** How many characters a string has, counted without splitting it into an array. */
function charCount(text: string): number {
  let surrogates = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) surrogates++;
  }
  return text.length - surrogates;
}

/** `‹23 chars: letters, digits, symbols›`: a name's length and which kinds of characters it has. */
export function shapeOfName(text: string): string {
  const classes: string[] = [];
  if (/\p{L}/u.test(text)) classes.push("letters");
  if (/\p{N}/u.test(text)) classes.push("digits");
  if (/\s/u.test(text)) classes.push("spaces");
  if (/[^\p{L}\p{N}\s]/u.test(text)) classes.push("symbols");
  const length = charCount(text);
  return `‹${length} char${length === 1 ? "" : "s"}${classes.length > 0 ? `: ${classes.join(", ")}` : ""}›`;
}

/** A name as a report may print it: itself, or its shape. */
export type NameRule = (name: string) => string;

/**
 * The one rule for names a server sent: printed when it matches {@link FIELD_NAME}, looks like no
 * personal data and shares no 8 characters in a row with the token; otherwise its shape.
 */
export function nameRule(token?: string): NameRule {
  const secret = token && token.length >= 4 ? token : undefined;
  const touchesToken = (name: string): boolean => {
    if (!secret) return false;
    if (name.includes(secret)) return true;
    // A piece of the token is a piece of the secret.
    const window = Math.min(8, secret.length);
    for (let i = 0; i + window <= name.length; i++) {
      if (secret.includes(name.slice(i, i + window))) return true;
    }
    return false;
  };
  return (name) =>
    FIELD_NAME.test(name) && !looksPersonal(name) && !touchesToken(name) ? name : shapeOfName(name);
}

/** A media type under the name rule, piece by piece (`application/problem+json`), or its shape. */
export function showMediaType(mediaType: string, names: NameRule): string {
  const parts = mediaType.split("/");
  const pieces = parts.flatMap((part) => part.split("+"));
  const plain = parts.length === 2 && pieces.every((piece) => names(piece) === piece);
  return plain ? mediaType : shapeOfName(mediaType);
}

/** A URL a server sent, as a report may print it: origin and path under the name rule, no query. */
export function showUrl(url: URL, names: NameRule, withPath = true): string {
  const host = names(url.hostname);
  const path = url.pathname
    .split("/")
    .map((segment) => (segment === "" ? "" : names(safeDecode(segment))))
    .join("/");
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ""}${withPath ? path : ""}`;
}

const safeDecode = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** `"an…a"`: the first two and the last character of a long string, less of a short one. */
function maskString(text: string, length: number): string {
  if (length >= 6) {
    return `"${[...text.slice(0, 4)].slice(0, 2).join("")}…${[...text.slice(-2)].at(-1)}"`;
  }
  if (length >= 3) return `"${[...text.slice(0, 2)][0]}…"`;
  return length === 0 ? '""' : '"…"';
}

/**
 * The form of a string without its content: digits become 9 and letters a, except a lone `T` or
 * `Z` (the separators of a timestamp): `"9999-99-99T99:99:99Z"`. Shaped whole, then clipped.
 */
function shapeOf(text: string): string {
  const shape = text
    .slice(0, 200)
    .replace(/\p{N}/gu, "9")
    .replace(/\p{L}+/gu, (run) => (run === "T" || run === "Z" ? run : "a".repeat([...run].length)));
  return JSON.stringify(shape.length > 40 ? `${shape.slice(0, 40)}…` : shape);
}

/**
 * A value as a report may show it (see {@link Exposure}), its type in brackets:
 * `"an…a" (string, 7 chars)`, `"banned" (string)`, `{…} (object; keys: crm, source)`.
 */
export function show(value: unknown, exposure: Exposure = "mask", names = nameRule()): Shown {
  const type = jsonType(value);
  if (typeof value === "string") {
    const length = charCount(value);
    if (exposure === "code" && names(value) === value) {
      return { type, value: `${JSON.stringify(value)} (string)` };
    }
    const rendered = exposure === "shape" ? shapeOf(value) : maskString(value, length);
    return { type, value: `${rendered} (string, ${length} chars)` };
  }
  if (Array.isArray(value)) return { type, value: `[…] (array, ${value.length} items)` };
  if (typeof value === "object" && value !== null) {
    const keys: string[] = [];
    let count = 0;
    for (const key in value) {
      if (count++ < 6) keys.push(names(key));
    }
    const listed = keys.join(", ") + (count > 6 ? `, … (${count} keys)` : "");
    return { type, value: count > 0 ? `{…} (object; keys: ${listed})` : "{} (object)" };
  }
  if (value === null) return { type, value: "null" };
  return { type, value: `${String(value)} (${type})` };
}

/** A body that is not JSON: its media type, length and first character class, no content. */
export function showText(text: string, mediaType: string, names = nameRule()): Shown {
  const looks = text.trimStart().startsWith("<") ? "markup" : "text";
  const media = mediaType ? showMediaType(mediaType, names) : "no content-type";
  return { type: media, value: `${looks}, ${text.length} chars (${media})` };
}

/** Every form in which the token could appear in a report's text. */
function encodings(token: string): string[] {
  const pointer = token.replace(/~/g, "~0").replace(/\//g, "~1");
  const json = (text: string) => JSON.stringify(text).slice(1, -1);
  const percent = encodeURIComponent(token);
  const forms = [
    token,
    percent,
    percent.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    encodeURI(token),
    new URLSearchParams({ t: token }).toString().slice(2),
    json(token),
    pointer,
    json(pointer),
    encodeURIComponent(pointer),
    JSON.stringify(json(token)).slice(1, -1),
  ];
  // Longest first: a form that holds another is cut whole.
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/**
 * Replaces every occurrence of the token, in each encoding a report could carry it in (raw,
 * percent-encoded, form-encoded, JSON-string-escaped, JSON-pointer-escaped), with `***`. A token
 * shorter than 4 characters is not searched for: it would mangle the report and is no secret.
 */
export function redactor(token: string | undefined): (text: string) => string {
  if (!token || token.length < 4) return (text) => text;
  const forms = encodings(token);
  return (text) => {
    let out = text;
    for (const form of forms) out = out.split(form).join("***");
    return out;
  };
}

/** `text` cut to `max` characters, with how long it was: `abc… (1,234 chars)`. */
export function clip(text: string, max = MAX_STRING): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length.toLocaleString("en-US")} chars)`;
}

/** A copy of a JSON-like value with every string (keys included) redacted, then clipped. */
export function redactDeep<T>(value: T, redact: (text: string) => string, max = Infinity): T {
  if (typeof value === "string") return clip(redact(value), max) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact, max)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [clip(redact(k), max), redactDeep(v, redact, max)]),
    ) as T;
  }
  return value;
}
