// What a report may show of a value: codes as they are, forms without content, the rest masked;
// and the token cut out wherever it would appear.
import { describe, expect, it } from "vitest";
import { nameRule, redactDeep, redactor, show } from "../src/mask.js";

describe("show", () => {
  it.each([
    ["Anna Maria", "mask", '"An…a" (string, 10 chars)'],
    ["anna", "mask", '"a…" (string, 4 chars)'],
    ["Jo", "mask", '"…" (string, 2 chars)'],
    ["banned", "code", '"banned" (string)'],
    ["anna@example.com", "code", '"an…m" (string, 16 chars)'],
    ["2024-04-10 14:37", "shape", '"9999-99-99 99:99" (string, 16 chars)'],
    ["2024-04-10T14:37:48Z", "shape", '"9999-99-99T99:99:99Z" (string, 20 chars)'],
    ["Ærøskøbing", "shape", '"aaaaaaaaaa" (string, 10 chars)'],
  ] as const)("%j as %s", (value, exposure, shown) => {
    expect(show(value, exposure)).toEqual({ type: "string", value: shown });
  });

  it("summarises objects and arrays by their keys and length, numbers by their type", () => {
    expect(show({ crm: "5531", source: "x" })).toEqual({
      type: "object",
      value: "{…} (object; keys: crm, source)",
    });
    expect(show([1, 2, 3]).value).toBe("[…] (array, 3 items)");
    expect(show(12.5)).toEqual({ type: "number", value: "12.5 (number)" });
    expect(show(null)).toEqual({ type: "null", value: "null" });
  });
});

describe("redactor", () => {
  const token = "tok_abc/def+ghi";

  it("cuts the token and its percent-encoded form out of any text", () => {
    const redact = redactor(token);
    expect(redact(`Bearer ${token} and ${encodeURIComponent(token)}`)).toBe("Bearer *** and ***");
  });

  it("reaches every string of a report, keys included", () => {
    const redact = redactor(token);
    expect(redactDeep({ a: [`x${token}`], [token]: 1 }, redact)).toEqual({ a: ["x***"], "***": 1 });
  });

  it("leaves text alone without a token, or with one too short to be a secret", () => {
    expect(redactor(undefined)("abc")).toBe("abc");
    expect(redactor("ab")("abc")).toBe("abc");
  });
});

describe("nameRule: a name a server sent is printed when it looks like a field name", () => {
  const token = "tok_S3cret+/=Zq9~x";
  const names = nameRule(token);

  it.each([
    ["nickname", "nickname"],
    ["custom_field.v2-x", "custom_field.v2-x"],
    ["anna.mueller@example.org", "‹24 chars: letters, symbols›"],
    ["Date of birth 1990-04-12", "‹24 chars: letters, digits, spaces, symbols›"],
    ["1990-04-12", "‹10 chars: digits, symbols›"],
    ["4915112345678", "‹13 chars: digits›"],
    ["tok_S3cret", "‹10 chars: letters, digits, symbols›"],
    [token, "‹18 chars: letters, digits, symbols›"],
    ["tok_S3cret+~1=Zq9~0x", "‹20 chars: letters, digits, symbols›"],
    ["x".repeat(65), "‹65 chars: letters›"],
    ["Ærøskøbing", "‹10 chars: letters›"],
  ])("%j -> %s", (name, shown) => {
    expect(names(name)).toBe(shown);
  });

  it("shapes a 100,000-character name without holding a copy of it", () => {
    expect(names("a".repeat(100_000))).toBe("‹100000 chars: letters›");
  });
});

describe("redactor: every encoding of the token", () => {
  it.each([
    [
      "tok_S3cret+/=Zq9~x",
      ["tok_S3cret+~1=Zq9~0x", "tok_S3cret%2b%2f%3dZq9~x", "tok_S3cret%2B%2F%3DZq9%7Ex"],
    ],
    ['tok"Q\\uo~te/9x', ['tok\\"Q\\\\uo~te/9x', "tok%22Q%5Cuo~te%2F9x", 'tok"Q\\uo~0te~19x']],
  ])("%s", (token, encoded) => {
    const redact = redactor(token);
    for (const form of [token, ...encoded]) expect(redact(`a ${form} b`)).toBe("a *** b");
  });
});
