// Reads the guide pages of docs/content/ (`NN-name.md`, ordered by file name). Each page's first
// line is `# Title`; the title names the page's sidebar entry and the rest is its markdown body.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * @typedef {{ title: string, body: string, file: string }} Guide
 */

/**
 * @param {string} dir folder holding the guide pages
 * @returns {Guide[]} the pages in file-name order
 */
export function loadGuides(dir) {
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
    return { title: title.trim(), body: body.trim(), file };
  });
}
