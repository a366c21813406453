// Pages from Prism's own mock (static and dynamic modes), made to look like the API's pages.
//   static:  the spec's examples link to `https://community.example.com/...`; a client that
//            follows them leaves the mock. Their links are moved onto the origin the request was
//            sent to, and a followed link (offset > 0) gets the operation's last-page example,
//            so a walk along `next` ends.
//   dynamic: json-schema-faker fills the envelope at random (`count: 55539335`, one result,
//            `next` a random URI). The envelope is rebuilt from the request: at most `limit`
//            results, this page is the last one, `previous` as the API would link it.
import { DEFAULT_PAGE_SIZE } from "../kit/pagination.js";

/** A page as the API sends it (the spec's PageEnvelope with its results). */
interface PageBody {
  count: number;
  next: string | null;
  previous: string | null;
  results: unknown[];
}

/** How the front adapts Prism's pages in one mode. */
export interface PageShaping {
  /** The `Prefer` header to send Prism for this request (which example to answer), if any. */
  prefer(url: URL): string | undefined;
  /** The page to send for a request to `url`, given the page Prism answered. */
  reshape(page: PageBody, url: URL): PageBody;
}

export function isPageBody(body: unknown): body is PageBody {
  if (typeof body !== "object" || body === null) return false;
  const page = body as Record<string, unknown>;
  const link = (value: unknown) => value === null || typeof value === "string";
  return (
    typeof page.count === "number" &&
    link(page.next) &&
    link(page.previous) &&
    Array.isArray(page.results)
  );
}

/** A non-negative integer query parameter, or `undefined` when absent or not one. */
function integerParam(url: URL, name: string): number | undefined {
  const value = url.searchParams.get(name);
  if (value === null || !/^[0-9]+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The subset of an OpenAPI document the static mode reads. */
interface ExampleObject {
  readonly $ref?: string;
  readonly value?: unknown;
}
export interface OpenApiExamples {
  readonly paths?: Readonly<
    Record<
      string,
      {
        readonly get?: {
          readonly responses?: Readonly<
            Record<
              string,
              {
                readonly content?: Readonly<
                  Record<string, { readonly examples?: Readonly<Record<string, ExampleObject>> }>
                >;
              }
            >
          >;
        };
      }
    >
  >;
  readonly components?: { readonly examples?: Readonly<Record<string, ExampleObject>> };
}

/**
 * For each GET path of the spec, the name of its last-page 200 example (a page with a
 * `previous` link and no `next`), as a matcher on the request path.
 */
function lastPageExamples(spec: OpenApiExamples): { path: RegExp; example: string }[] {
  const resolve = (example: ExampleObject): unknown => {
    const name = example.$ref?.replace("#/components/examples/", "");
    return (name === undefined ? example : spec.components?.examples?.[name])?.value;
  };
  const found: { path: RegExp; example: string }[] = [];
  for (const [template, item] of Object.entries(spec.paths ?? {})) {
    const examples = item.get?.responses?.["200"]?.content?.["application/json"]?.examples ?? {};
    const last = Object.entries(examples).find(([, example]) => {
      const value = resolve(example);
      return isPageBody(value) && value.next === null && value.previous !== null;
    });
    if (!last) continue;
    const pattern = template
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("[^/]+");
    found.push({ path: new RegExp(`^${pattern}$`), example: last[0] });
  }
  return found;
}

/** `link` moved onto `origin`; anything that is not an absolute http(s) URL is left as is. */
function onOrigin(link: string | null, origin: string): string | null {
  if (link === null || !URL.canParse(link)) return link;
  const url = new URL(link);
  if (url.protocol !== "http:" && url.protocol !== "https:") return link;
  return `${origin}${url.pathname}${url.search}`;
}

export function staticPages(spec: OpenApiExamples): PageShaping {
  const lastPages = lastPageExamples(spec);
  return {
    prefer(url) {
      // Prism answers every request with the first example whatever `offset` says; a followed
      // `next` link must not lead back to the first page.
      if ((integerParam(url, "offset") ?? 0) === 0) return undefined;
      const last = lastPages.find(({ path }) => path.test(url.pathname));
      return last ? `example=${last.example}` : undefined;
    },
    reshape(page, url) {
      return {
        ...page,
        next: onOrigin(page.next, url.origin),
        previous: onOrigin(page.previous, url.origin),
      };
    },
  };
}

/**
 * `url` with `limit` and `offset` set (an `offset` of 0 removed) and the query sorted by name:
 * how Django REST framework's LimitOffsetPagination writes its links.
 */
function pageLink(url: URL, limit: number, offset: number): string {
  const link = new URL(url.href);
  link.searchParams.set("limit", String(limit));
  if (offset > 0) link.searchParams.set("offset", String(offset));
  else link.searchParams.delete("offset");
  link.searchParams.sort();
  return link.href;
}

export function dynamicPages(): PageShaping {
  return {
    prefer: () => undefined,
    reshape(page, url) {
      const limit = integerParam(url, "limit") || DEFAULT_PAGE_SIZE;
      const offset = integerParam(url, "offset") ?? 0;
      const results = page.results.slice(0, limit);
      const count = offset + results.length;
      if (!Number.isSafeInteger(count)) return page;
      return {
        count,
        next: null,
        previous: offset > 0 ? pageLink(url, limit, offset - limit) : null,
        results,
      };
    },
  };
}
