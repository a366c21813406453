// Guides state no spec fact by hand: the roles table of the Roles guide is made from the
// operation facts at build time.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { loadGuides } from "../scripts/guides.mjs";
import { contentDir } from "./paths.js";

test("the roles table lists every operation with its x-required-roles", () => {
  const dir = mkdtempSync(join(tmpdir(), "guides-"));
  writeFileSync(
    join(dir, "01-roles.md"),
    "# Roles\n\nBefore.\n\n<!-- generated: roles -->\n\nAfter.\n",
  );
  const [guide] = loadGuides(dir, {
    operations: [
      {
        summary: "List Things",
        roles: { resource: "group", roles: ["owner", "admin"] },
        pathParameters: [{ name: "gid" }],
      },
      { summary: "Open Things", roles: null, pathParameters: [] },
    ],
  });
  expect(guide?.body).toBe(
    [
      "Before.",
      "",
      "| operation | resource | roles that may call it |",
      "| --- | --- | --- |",
      "| List Things | group `{gid}` | `owner`, `admin` |",
      "| Open Things |  | any user |",
      "",
      "After.",
    ].join("\n"),
  );
});

test("the real guides use it, and no placeholder is left", () => {
  const facts = JSON.parse(
    readFileSync(
      createRequire(import.meta.url).resolve("@community-api/spec/operations.json"),
      "utf8",
    ),
  ) as { operations: { summary: string; roles: { roles: string[] } }[] };
  const guides = loadGuides(contentDir);
  const roles = guides.find((g) => g.title === "Roles")?.body ?? "";
  for (const op of facts.operations) {
    expect(roles).toContain(`| ${op.summary} |`);
    expect(roles).toContain(op.roles.roles.map((r) => `\`${r}\``).join(", "));
  }
  for (const guide of guides) expect(guide.body).not.toContain("<!-- generated");
});

test("an enum placeholder lists the schema's values, and an unknown one fails naming the file", () => {
  const dir = mkdtempSync(join(tmpdir(), "guides-"));
  writeFileSync(join(dir, "01-x.md"), "# X\n\nOne of <!-- generated: enum Color -->.\n");
  const facts = { operations: [], enums: { Color: ["red", "blue"] } };
  expect(loadGuides(dir, facts)[0]?.body).toBe("One of `red`, `blue`.");
  writeFileSync(join(dir, "01-x.md"), "# X\n\n<!-- generated: enum Nope -->\n");
  expect(() => loadGuides(dir, facts)).toThrow("content/01-x.md: the spec has no enum Nope");
});
