// Reads the guide pages of docs/content/ (`NN-name.md`, ordered by file name). Each page's first
// line is `# Title`; the title names the page's sidebar entry and the rest is its markdown body.
// Generated parts, from the spec's operation facts, so a guide never restates them by hand:
// a line `<!-- generated: roles -->` becomes the table of each operation's required roles
// (`x-required-roles`), and `<!-- generated: enum Name -->` the values of the schema `Name`.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);

/**
 * @typedef {{ operations: { summary: string, roles: { resource: string, roles: string[] } | null, pathParameters: { name: string }[] }[], enums?: Record<string, unknown[]> }} RoleFacts
 */

/** @param {RoleFacts} facts */
function rolesTable(facts) {
  const rows = facts.operations.map((op) => {
    const where = op.roles
      ? `${op.roles.resource} \`{${op.pathParameters[0]?.name ?? "id"}}\``
      : "";
    const who = op.roles ? op.roles.roles.map((role) => `\`${role}\``).join(", ") : "any user";
    return `| ${op.summary} | ${where} | ${who} |`;
  });
  return ["| operation | resource | roles that may call it |", "| --- | --- | --- |", ...rows].join(
    "\n",
  );
}

/**
 * @typedef {{ title: string, body: string, file: string }} Guide
 */

/**
 * @param {string} dir folder holding the guide pages
 * @param facts the operation facts the generated parts come from (default: the bundled spec's)
 * @returns {Guide[]} the pages in file-name order
 */
export function loadGuides(
  dir,
  /** @type {RoleFacts} */ facts = JSON.parse(
    readFileSync(require.resolve("@community-api/spec/operations.json"), "utf8"),
  ),
) {
  const files = readdirSync(dir)
    .filter((name) => /^\d+-[a-z0-9-]+\.md$/.test(name))
    .sort();
  if (files.length === 0) throw new Error(`no guide pages (NN-name.md) in ${dir}`);
  return files.map((file) => {
    const text = readFileSync(join(dir, file), "utf8");
    const [, title, body] = /^# (.+)\n+([\s\S]*)$/.exec(text) ?? [];
    if (title === undefined || body === undefined) {
      throw new Error(`content/${file} must start with a "# Title" line`);
    }
    const expanded = body
      .replace(/^<!-- generated: roles -->$/m, () => rolesTable(facts))
      .replace(/<!-- generated: enum (\w+) -->/g, (_, name) => {
        const values = facts.enums?.[name];
        if (!values) throw new Error(`content/${file}: the spec has no enum ${name}`);
        return values.map((value) => `\`${value}\``).join(", ");
      });
    return { title: title.trim(), body: expanded.trim(), file };
  });
}

/**
 * The sidebar slug Redoc gives a guide's section (`The statuses filter` -> `the-statuses-filter`).
 * @param {string} title
 */
export function guideSlug(title) {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The marker in `template.hbs` that {@link withGuideSources} replaces. */
export const GUIDE_SOURCES_MARKER = "<!-- guide-sources -->";

/**
 * The page with each guide's Markdown (`# Title` and body) as a JSON data block by slug, for the
 * page-level Copy button, which Redoc leaves empty on a guide. `<` is escaped so no guide text
 * can close the block.
 * @param {string} html the rendered page, holding {@link GUIDE_SOURCES_MARKER} once
 * @param {Guide[]} guides
 */
export function withGuideSources(html, guides) {
  const parts = html.split(GUIDE_SOURCES_MARKER);
  if (parts.length !== 2)
    throw new Error(`the page template must hold ${GUIDE_SOURCES_MARKER} once`);
  const sources = Object.fromEntries(
    guides.map((guide) => [guideSlug(guide.title), `# ${guide.title}\n\n${guide.body}\n`]),
  );
  const json = JSON.stringify(sources).replace(/</g, "\\u003c");
  return parts.join(`<script type="application/json" id="guide-sources">${json}</script>`);
}
