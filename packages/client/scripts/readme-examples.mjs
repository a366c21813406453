// Copies examples/*.ts into README.md, verbatim, below each `<!-- example: examples/x.ts -->`.
//   node scripts/readme-examples.mjs          rewrite README.md
//   node scripts/readme-examples.mjs --check  fail if README.md differs from the examples
import { readFileSync, writeFileSync } from "node:fs";

const readmeUrl = new URL("../README.md", import.meta.url);
const readme = readFileSync(readmeUrl, "utf8");
const MARKER = /(<!-- example: (examples\/[\w-]+\.ts) -->\n```ts\n)[\s\S]*?(```)/g;
const next = readme.replace(
  MARKER,
  (_, open, file, close) =>
    open + readFileSync(new URL(`../${file}`, import.meta.url), "utf8") + close,
);
if (process.argv.includes("--check")) {
  if (next !== readme) {
    console.error(
      "README.md examples differ from examples/*.ts. Run `node scripts/readme-examples.mjs`.",
    );
    process.exit(1);
  }
} else if (next !== readme) {
  writeFileSync(readmeUrl, next);
  console.log("updated the examples in README.md");
}
