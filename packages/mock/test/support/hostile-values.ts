// Hostile parameter values for fuzzing the mock over HTTP: wrong types, huge and negative
// numbers, unicode, long strings, NUL, JSON fragments, and how each goes on the wire.
import fc from "fast-check";
import { ENUMS } from "../../src/kit/generated/operations.js";

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
  fc.constantFrom(...Object.values(ENUMS).flat()),
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

/** A JSON-array parameter's value, with whether the spec accepts it when known by construction. */
export interface StatusesCase {
  readonly value: string;
  readonly valid: boolean | undefined;
}

/** Values of a JSON-array parameter `name` with item `item` that the API does NOT read: brackets, fragments, other JSON, near misses. */
export function unreadableJsonArrays(name: string, item: string): string[] {
  const upper = item.toUpperCase();
  const capital = item.charAt(0).toUpperCase() + item.slice(1);
  return [
    "[]",
    "[",
    "]",
    `["${item}"`,
    `"${item}"]`,
    `["${item}",]`,
    `[${item}]`,
    `['${item}']`,
    `["${upper}"]`,
    `["${item}", null]`,
    "[1]",
    `{"${name}":["${item}"]}`,
    "null",
    capital,
    `${item} `,
    ` ${item}`,
    `\0${item}`,
    `${item},${item}`,
  ];
}

const space = fc.constantFrom("", " ", "  ");

/** Values of a JSON-array parameter whose items are `items` (e.g. `statuses`' join statuses). */
export function jsonArrayValue(name: string, items: readonly string[]): fc.Arbitrary<StatusesCase> {
  const item = fc.constantFrom(...items);
  return fc.oneof(
    item.map((value) => ({ value, valid: true })),
    // The JSON-array form, with the whitespace JSON allows between tokens.
    fc
      .tuple(fc.array(item, { minLength: 1, maxLength: 6 }), space, space)
      .map(([values, a, b]) => ({
        value: `[${a}${values.map((s) => `"${s}"`).join(`${b},${a}`)}${b}]`,
        valid: true,
      })),
    // Forms the API does NOT read: comma lists, brackets, empty arrays, fragments, other JSON.
    fc
      .array(item, { minLength: 2, maxLength: 4 })
      .map((values) => ({ value: values.join(","), valid: false })),
    fc.constantFrom(
      ...unreadableJsonArrays(name, items[0] ?? "").map((value) => ({ value, valid: false })),
    ),
    hostileValue.map((value) => ({ value, valid: undefined })),
  );
}

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
