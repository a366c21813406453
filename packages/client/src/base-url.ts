// The one check of a client's `baseUrl`, made when the client is made.

/**
 * `baseUrl` as the requests use it, without a trailing slash (which openapi-fetch drops), once
 * checked: an absolute http: or https: URL without credentials (fetch refuses a URL with a
 * password on every call, and its errors quote it). The TypeError never quotes the value.
 */
export function checkBaseUrl(baseUrl: string): string {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {}
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password) {
    throw new TypeError("Invalid baseUrl: expected an absolute http(s) URL without credentials");
  }
  return baseUrl.replace(/\/$/, "");
}
