// The README's examples are examples/*.ts, copied verbatim; this runs each against the mock.
import { readdirSync, readFileSync } from "node:fs";
import { afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";

const examplesDir = new URL("../../examples/", import.meta.url);
const examples = readdirSync(examplesDir)
  .filter((file) => file.endsWith(".ts"))
  .sort();
const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** What each example must print (one pattern per expected line, in order). */
const EXPECTED_OUTPUT: Record<string, RegExp[]> = {
  "core-client.ts": [/^\d+ of \d+ members$/, /^\d+ joined members$/],
  "course-dashboard-users.ts": [/^\d+ members$/],
  "course-invited-users.ts": [/^\d+ pending invitations$/],
  "event-invited-users.ts": [/^\d+ pending invitations$/],
  "pagination.ts": [/^page of \d+, \d+ in total, \d+ members seen$/],
  "errors.ts": [
    /^invalid parameter: .*invalid parameter limit/,
    /^log in again: 401$/,
    /^200 \d+$/,
  ],
  "retries.ts": [/^\d+ of \d+$/],
};

beforeAll(() => {
  process.env.COMMUNITY_API_URL = inject("apiBaseUrl");
  delete process.env.COMMUNITY_API_TOKEN;
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("README examples", () => {
  it("has an expectation for every example file", () => {
    expect(Object.keys(EXPECTED_OUTPUT).sort()).toEqual(examples);
  });

  it.each(examples)("README.md shows examples/%s verbatim", (file) => {
    const source = readFileSync(new URL(file, examplesDir), "utf8");
    const block = `<!-- example: examples/${file} -->\n\`\`\`ts\n${source}\`\`\``;
    expect(
      readme.includes(block),
      `README.md is out of date: run \`node scripts/readme-examples.mjs\``,
    ).toBe(true);
  });

  it.each(examples)("examples/%s runs against the mock", async (file) => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
    });
    await import(`../../examples/${file}`);
    const patterns = EXPECTED_OUTPUT[file] ?? [];
    let at = 0;
    for (const pattern of patterns) {
      const found = lines.findIndex((line, i) => i >= at && pattern.test(line));
      expect(found, `${file} printed no line matching ${pattern}:\n${lines.join("\n")}`).not.toBe(
        -1,
      );
      at = found + 1;
    }
  });
});
