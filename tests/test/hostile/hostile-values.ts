// Hostile parameter values for fuzzing the mock over HTTP: wrong types, huge and negative
// numbers, unicode, long strings, NUL, JSON fragments, and how each goes on the wire.
import fc from "fast-check";

/** The spec's JoinStatus and DashboardOrdering values. */
export const JOIN_STATUSES = [
  "creator",
  "manager",
  "joined",
  "invited",
  "requested",
  "payment_waiting",
] as const;
export const ORDERINGS = ["joined_at", "-joined_at", "last_active_at", "-last_active_at"] as const;

/** Values that look almost like an integer, or like something else entirely: every run tries all. */
export const TRICKY_VALUES = [
  "",
  "0",
  "1",
  "-1",
  "-0",
  "+1",
  "1e3",
  "1.0",
  "1.",
  "0x10",
  "0b1",
  " 1",
  "1 ",
  "00",
  "007",
  "abc",
  "\0",
  "1\0",
  "%00",
  "NaN",
  "Infinity",
  "-Infinity",
  "null",
  "true",
  "[]",
  "{}",
  "[1]",
  '"1"',
  "\u0661", // ARABIC-INDIC DIGIT ONE
  "\uff11", // FULLWIDTH DIGIT ONE
  "\ud800", // a lone surrogate: not representable in UTF-8
  "9".repeat(19),
  "1".repeat(400),
];

/** Any hostile value a query parameter might carry (decoded form). */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TRICKY_VALUES),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.integer().map(String),
  fc.double().map(String),
  fc.stringMatching(/^[0-9]{1,60}$/),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.json({ maxDepth: 2 }),
  fc.string({ unit: "grapheme-ascii", minLength: 1_000, maxLength: 3_000 }),
  fc.constantFrom(...JOIN_STATUSES, ...ORDERINGS),
);

/**
 * Percent-encodes a value as a browser would; a lone surrogate (which encodeURIComponent refuses)
 * goes out as the invalid UTF-8 bytes a careless client would send.
 */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return Array.from(value, (c) => {
      try {
        return encodeURIComponent(c);
      } catch {
        return "%ED%A0%80";
      }
    }).join("");
  }
}

/** `name=value` pairs as a query string, each side percent-encoded. */
export function queryString(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([name, value]) => `${encode(name)}=${encode(value)}`).join("&");
}

/** A `statuses` value, with whether the spec accepts it when that is known by construction. */
export interface StatusesCase {
  readonly value: string;
  readonly valid: boolean | undefined;
}

/** `statuses` values the API does NOT read: brackets, fragments, other JSON, near misses. */
export const UNREADABLE_STATUSES = [
  "[]",
  "[",
  "]",
  '["joined"',
  '"joined"]',
  '["joined",]',
  "[joined]",
  "['joined']",
  '["JOINED"]',
  '["joined", null]',
  "[1]",
  '{"statuses":["joined"]}',
  "null",
  "Joined",
  "joined ",
  " joined",
  "\0joined",
  "joined,manager",
];

const status = fc.constantFrom(...JOIN_STATUSES);
const space = fc.constantFrom("", " ", "  ");

export const statusesValue: fc.Arbitrary<StatusesCase> = fc.oneof(
  status.map((value) => ({ value, valid: true })),
  // The JSON-array form, with the whitespace JSON allows between tokens.
  fc.tuple(fc.array(status, { minLength: 1, maxLength: 6 }), space, space).map(([items, a, b]) => ({
    value: `[${a}${items.map((s) => `"${s}"`).join(`${b},${a}`)}${b}]`,
    valid: true,
  })),
  // Forms the API does NOT read: comma lists, brackets, empty arrays, fragments, other JSON.
  fc
    .array(status, { minLength: 2, maxLength: 4 })
    .map((items) => ({ value: items.join(","), valid: false })),
  fc.constantFrom(...UNREADABLE_STATUSES.map((value) => ({ value, valid: false }))),
  hostileValue.map((value) => ({ value, valid: undefined })),
);

/** Path ids: digit strings of every length, and things that only look like ids. */
export const TRICKY_IDS = [
  ...["abc", "1e3", "00", "01", "000001", "0", "-1", "1.0", " 1", "0x1", "\0", "%00"],
  ...["\uff11", "1/", "1;x", "1?", "1#", "..", ".", "2", "4", "6", "7", "9".repeat(18)],
  ...["9".repeat(19), `${"0".repeat(17)}1`, `${"0".repeat(18)}1`],
];

export const hostileId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TRICKY_IDS),
  fc.stringMatching(/^[0-9]{1,40}$/),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
);
