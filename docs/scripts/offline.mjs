// Redoc's inline bundle renders without a network, but still names a few hosts it would load
// from: the attribution logo, two icon sets and the telemetry collector. The page must make zero
// requests to other hosts, so those URLs are rewritten here and the result is checked.

/** The "API docs by Redoc" attribution, drawn locally instead of loaded from Redocly's CDN. */
const ATTRIBUTION_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="16" viewBox="0 0 48 16">' +
    '<text x="0" y="12.5" font-family="sans-serif" font-size="12" font-weight="600" fill="#0044d4">Redoc</text></svg>',
)}`;

/**
 * [pattern, replacement]: each pattern must match at least once, so a Redoc upgrade that moves
 * a URL is noticed.
 * @type {[RegExp, string][]}
 */
const REWRITES = [
  [/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, ATTRIBUTION_LOGO],
  // Icon sets for `x-icon`-style features this spec does not use; relative, they stay on this host.
  [/https:\/\/cdn\.redocly\.com\/icons\/[a-z-]+\/[0-9.]+/g, "icons"],
  // Telemetry is off (`disableTelemetry`); without its URL it cannot reach Redocly even if re-enabled.
  [/https:\/\/otel\.cloud\.redocly\.com\/v1\/traces/g, "data:,"],
];

/** What a page loads by itself (not links a reader may click): none of it may name another host. */
const EXTERNAL_LOADS = [
  /<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc=["']?(?:https?:)?\/\//i,
  /<link\b[^>]*\bhref=["']?(?:https?:)?\/\//i,
  /url\(\s*["']?(?:https?:)?\/\//i,
  /@import\s+(?:url\()?["']?(?:https?:)?\/\//i,
  /\bimport\s*\(?\s*["'`]https?:\/\//,
  /\bfrom\s*["'`]https?:\/\//,
  /cdn\.redoc(?:ly)?\.(?:ly|com)/,
  /otel\.cloud\.redocly\.com/,
];

/**
 * Rewrites Redoc's external asset URLs and asserts that nothing external is left to load.
 * @param {string} html the page written by `redocly build-docs --inlineBundle`
 * @returns {string} the same page, self-contained
 */
export function makeOffline(html) {
  let page = html;
  for (const [pattern, replacement] of REWRITES) {
    if (!pattern.test(page)) {
      throw new Error(`offline rewrite ${pattern} matched nothing: check the Redoc bundle`);
    }
    pattern.lastIndex = 0;
    page = page.replace(pattern, replacement);
  }
  if (!page.includes('"disableTelemetry":true')) {
    throw new Error("the page does not set disableTelemetry: true");
  }
  const leak = EXTERNAL_LOADS.find((pattern) => pattern.test(page));
  if (leak) {
    const at = page.search(leak);
    throw new Error(
      `the page still loads from another host (${leak}): …${page.slice(at, at + 160)}…`,
    );
  }
  return page;
}
