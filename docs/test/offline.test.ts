import { describe, expect, it } from "vitest";
import { makeOffline } from "../scripts/offline.mjs";

// The three kinds of external URL the Redoc bundle carries, as they appear in it.
const redocLike = [
  "<html><body><script>",
  "src:e?`https://cdn.redoc.ly/redoc/logo-mini-full.svg`:`https://cdn.redoc.ly/redoc/logo-mini.svg`;",
  'Zo={"font-awesome":`https://cdn.redocly.com/icons/fa/7.0.0`};',
  "lce=`https://otel.cloud.redocly.com/v1/traces`;",
  'const __redoc_options = {"disableTelemetry":true};',
  '</script><a href="https://redocly.com/redoc/">API docs by</a></body></html>',
].join("\n");

describe("makeOffline", () => {
  it("rewrites the logo, icon and telemetry URLs and keeps plain links", () => {
    const page = makeOffline(redocLike);
    expect(page).not.toMatch(/cdn\.redoc|otel\./);
    expect(page).toContain("src:e?`data:image/svg+xml,");
    expect(page).toContain('<a href="https://redocly.com/redoc/">');
  });

  it("rejects a page that would load a script, a stylesheet or a font from another host", () => {
    for (const leak of [
      '<script src="https://unpkg.com/x.js"></script>',
      '<link rel="stylesheet" href="//fonts.example.com/a.css">',
      "<style>@font-face{src:url(https://fonts.example.com/a.woff2)}</style>",
    ]) {
      expect(() => makeOffline(redocLike + leak)).toThrow(/loads from another host/);
    }
  });

  it("notices when Redoc stops carrying a URL it rewrites (e.g. after an upgrade)", () => {
    const moved = redocLike.replace("https://otel.cloud.redocly.com/v1/traces", "elsewhere");
    expect(() => makeOffline(moved)).toThrow(/matched nothing/);
  });

  it("requires telemetry to be disabled", () => {
    const on = redocLike.replace('"disableTelemetry":true', '"disableTelemetry":false');
    expect(() => makeOffline(on)).toThrow(/disableTelemetry/);
  });
});
