// Small helpers to call the mock over HTTP or in process and read answers the same way.
import type { FetchLike } from "../../src/kit/fetch.js";

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly text: string;
}

export async function call(fetcher: FetchLike, url: string, token?: string): Promise<Answer> {
  const response = await fetcher(url, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body, text };
}

export interface PageBody<T = { id: number }> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** Follows `next` from `url` to the end; returns every page body. Fails on any non-200. */
export async function allPages(
  fetcher: FetchLike,
  url: string,
  token: string,
  onAnswer: (answer: Answer) => void = () => {},
): Promise<PageBody[]> {
  const pages: PageBody[] = [];
  let next: string | null = url;
  while (next !== null) {
    const answer = await call(fetcher, next, token);
    onAnswer(answer);
    if (answer.status !== 200) throw new Error(`${next}: ${answer.status} ${answer.text}`);
    const page = answer.body as PageBody;
    pages.push(page);
    next = page.next;
    if (pages.length > 500) throw new Error("runaway paging");
  }
  return pages;
}

/** The parameter names a 400 body reports. */
export function reportedFields(body: unknown): string[] {
  const errors = (body as { errors?: { field?: string }[] } | undefined)?.errors ?? [];
  return errors.map((e) => e.field ?? "").filter(Boolean);
}

/** Prism's findings on an answer: none, or their `location` paths. */
export function violationLocations(headers: Headers): string[] {
  const header = headers.get("sl-violations");
  if (header === null) return [];
  return (JSON.parse(header) as { location: string[] }[]).map((v) => v.location.join("."));
}
