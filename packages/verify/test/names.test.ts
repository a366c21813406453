// A server that echoes the token, in every encoding, and people's data where names go: as
// property names, in a link's path, in a redirect's path, as a media type, as the fields a 400
// blames. No output (text, JSON, markdown) holds the token in any form or the data; a name is
// printed only when it looks like a field name, otherwise as its shape.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMarkdown, formatReport, type VerifyReport, verify } from "../src/index.js";
import { type HostileServer, startHostileServer } from "./support/hostile-server.js";

/** The token (`+`, `/`, `=`, `~`), and one with a quote and a backslash (JSON escapes). */
const TOKENS = ["tok_S3cret+/=Zq9~x", 'tok"Q\\uo~te/9xY'];
const PERSONAL = ["anna.mueller@example.org", "Date of birth 1990-04-12"];

/** Every form a token could be printed in. */
function forms(token: string): string[] {
  const pointer = token.replace(/~/g, "~0").replace(/\//g, "~1");
  const json = (text: string) => JSON.stringify(text).slice(1, -1);
  const percent = encodeURIComponent(token);
  return [
    token,
    percent,
    percent.toLowerCase(),
    new URLSearchParams({ t: token }).toString().slice(2),
    json(token),
    pointer,
    json(pointer),
    JSON.stringify(json(token)).slice(1, -1),
    token.slice(0, 8), // a piece of it
  ];
}

/** Names a server sent for each token: the token as is and encoded, a piece, and personal data. */
const hostileNames = (token: string) => [
  token,
  encodeURIComponent(token),
  token.replace(/~/g, "~0").replace(/\//g, "~1"),
  token.slice(0, 10),
  ...PERSONAL,
];

async function stage(token: string): Promise<{ server: HostileServer; report: VerifyReport }> {
  const names = hostileNames(token);
  const server = await startHostileServer(token, (_req, res, url) => {
    const json = (status: number, body: unknown, type = "application/json") => {
      res.writeHead(status, { "content-type": type });
      res.end(JSON.stringify(body));
      return true;
    };
    if (url.pathname === "/api/v2/course/1/invite/" && url.searchParams.get("limit") !== "0") {
      const item = Object.fromEntries(names.map((name) => [name, `${token} ${PERSONAL[0]}`]));
      return json(200, {
        count: 1,
        next: null,
        previous: `http://elsewhere.example/${encodeURIComponent(token)}/${PERSONAL[0]}/?offset=0`,
        results: [
          { id: 7, username: "anna", real_name: "Anna", ext_id: null, avatar: null, ...item },
        ],
      });
    }
    if (url.pathname !== "/api/v2/course/1/users/") return false;
    if (url.searchParams.get("statuses")?.startsWith("[")) {
      return json(400, {
        errors: names.map((field) => ({
          field,
          messages: [{ code: "invalid", message: `${token} is not ${PERSONAL[0]}` }],
        })),
      });
    }
    if (url.searchParams.get("ordering") === "joined_at") {
      return json(
        200,
        { count: 0, next: null, previous: null, results: [] },
        `application/${token}`,
      );
    }
    if (url.searchParams.has("search")) {
      res.writeHead(302, { location: `/${encodeURIComponent(token)}/${PERSONAL[0]}/` });
      res.end();
      return true;
    }
    return false;
  });
  const report = await verify({ baseUrl: server.url, token, ids: { course: 1 } });
  return { server, report };
}

describe.each(TOKENS)("a server that echoes the token %s", (token) => {
  let server: HostileServer;
  let report: VerifyReport;
  beforeAll(async () => {
    ({ server, report } = await stage(token));
  });
  afterAll(() => server?.close());

  it("reports what it staged (so that the outputs below are worth scanning)", () => {
    const kinds = new Set(report.findings.map((f) => f.kind));
    for (const kind of ["undocumented", "link", "rejected", "content-type", "redirect"]) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it("prints the token in no form and no personal data, in text, JSON and markdown", () => {
    const outputs = {
      text: formatReport(report),
      json: JSON.stringify(report, null, 2),
      markdown: formatMarkdown(report, { showHost: true }),
    };
    for (const [format, output] of Object.entries(outputs)) {
      for (const form of forms(token)) expect(output, `${format}: ${form}`).not.toContain(form);
      for (const personal of [...PERSONAL, "anna.mueller", "1990-04-12", "example.org"]) {
        expect(output, `${format}: ${personal}`).not.toContain(personal);
      }
    }
  });

  it("prints a server's name only when it looks like a field name, otherwise its shape", () => {
    const undocumented = report.findings
      .filter((f) => f.kind === "undocumented")
      .map((f) => f.pointer);
    // Each hostile name is shown by its length and character classes.
    for (const name of hostileNames(token)) {
      expect(
        undocumented.some((p) => p.startsWith(`/results/*/‹${[...name].length} chars: `)),
      ).toBe(true);
    }
    expect(undocumented).toContain("/results/*/‹24 chars: letters, symbols›");
    expect(undocumented).toContain("/results/*/‹24 chars: letters, digits, spaces, symbols›");
    const link = report.findings.find((f) => f.kind === "link");
    expect(link?.actual.value).toMatch(
      /^"http:\/\/elsewhere\.example\/‹\d+ chars: [a-z, ]+›\/‹24 chars: letters, symbols›\/\?…" \(string\)$/,
    );
    const rejected = report.findings.find((f) => f.kind === "rejected");
    expect(rejected?.actual.value).toMatch(/^HTTP 400 \(blames: ‹\d+ chars: [a-z, ]+›, /);
    const media = report.findings.find((f) => f.kind === "content-type");
    expect(media?.actual.value).toBe(`"‹${12 + token.length} chars: letters, digits, symbols›"`);
  });
});
