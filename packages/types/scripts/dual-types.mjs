// This package is types only, but CommonJS consumers (moduleResolution node16, from CJS) need
// CommonJS-format declarations: copy every dist/**/*.d.ts to *.d.cts with `.js` specifiers
// rewritten to `.cjs`, so `import type` works from both module systems.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist", import.meta.url));
for (const entry of readdirSync(dist, { recursive: true, encoding: "utf8" })) {
  if (!entry.endsWith(".d.ts")) continue;
  const source = readFileSync(join(dist, entry), "utf8");
  const cjs = source.replace(/(from\s+["'][^"']+)\.js(["'])/g, "$1.cjs$2");
  writeFileSync(join(dist, entry.replace(/\.d\.ts$/, ".d.cts")), cjs);
}
