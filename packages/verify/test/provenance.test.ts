// Each finding says where the spec takes what it contradicts from, read from the spec's own
// `x-source` marks: a server whose answers contradict one item the reference pages state (a
// course invitee's `ext_id`) and one we infer (an event invitee's `language`) gets a report that
// names each source beside its finding and counts the contradictions by source, in the text, JSON
// and markdown forms. A field the spec does not describe is listed with its schema's source, but
// is no contradiction.
import { createMockFetch, TEST_TOKENS } from "@community-api/mock/kit";
import spec from "@community-api/spec/openapi.json" with { type: "json" };
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Finding, MAX_SOURCE_TEXT, TOKEN_VARIABLE, type VerifyReport } from "../src/index.js";
import { SpecSchemas } from "../src/schemas.js";
import { type HostileServer, startHostileServer } from "./support/hostile-server.js";
import { runHere } from "./support/run-bin.js";

const TOKEN = "tok_Source-5e4d3c2b1a09";
/** The two items the server contradicts, and what it sends for them in the first list item. */
const STAGED = {
  "/api/v2/course/1/invite/": {
    token: TEST_TOKENS.courseManager,
    property: "ext_id",
    value: { crm: "5531" },
    extra: { nickname: "Giuli" },
    at: "/components/schemas/CourseInvitedUser/properties/ext_id",
    from: "reference",
  },
  "/api/v2/event/1/invite/": {
    token: TEST_TOKENS.eventManager,
    property: "language",
    value: null,
    extra: {},
    at: "/components/schemas/User/properties/language",
    from: "inferred",
  },
} as const;

/** The spec's own mark at a pointer, as the report must carry it. */
function markAt(pointer: string): Record<string, unknown> {
  let node: unknown = spec;
  for (const key of pointer.slice(1).split("/")) node = (node as Record<string, unknown>)[key];
  return (node as { "x-source": Record<string, unknown> })["x-source"];
}

let server: HostileServer;
const run = (...extra: string[]) =>
  runHere(["--base-url", server.url, "--course", "1", "--event", "1", "--pages", "1", ...extra], {
    [TOKEN_VARIABLE]: TOKEN,
  });
let text: string;
let report: VerifyReport;
let markdown: string;

beforeAll(async () => {
  const kit = createMockFetch();
  server = await startHostileServer(TOKEN, (req, res, url) => {
    const staged = STAGED[url.pathname as keyof typeof STAGED];
    if (!staged || req.headers.authorization !== `Bearer ${TOKEN}`) return false;
    void (async () => {
      const headers = { authorization: `Bearer ${staged.token}` };
      const answer = await kit(url, { headers });
      const body = (await answer.json()) as { results?: Record<string, unknown>[] };
      const first = body.results?.[0];
      if (answer.status === 200 && first) {
        Object.assign(first, { [staged.property]: staged.value }, staged.extra);
      }
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    })();
    return true;
  });
  const [plain, json, md] = await Promise.all([run(), run("--json"), run("--report", "markdown")]);
  text = plain.stdout;
  report = JSON.parse(json.stdout) as VerifyReport;
  markdown = md.stdout;
  expect([plain.code, json.code, md.code]).toEqual([1, 1, 1]);
});
afterAll(() => server?.close());

describe("where the spec takes what a finding contradicts from", () => {
  it("gives each finding the x-source of the spec item it contradicts", () => {
    expect(report.findings.map((f) => [f.operationId, f.pointer, f.kind])).toEqual([
      ["getCourseInvitedUsers", "/results/*/ext_id", "type"],
      ["getEventInvitedUsers", "/results/*/language", "type"],
      ["getCourseInvitedUsers", "/results/*/nickname", "undocumented"],
    ]);
    for (const staged of Object.values(STAGED)) {
      const finding = report.findings.find((f) =>
        f.pointer.endsWith(`/${staged.property}`),
      ) as Finding;
      expect(finding.source).toEqual({ ...markAt(staged.at), at: staged.at });
      expect(finding.source?.from).toBe(staged.from);
    }
    // The field no schema describes: the source of the item schema that leaves it out.
    const item = "/components/schemas/CourseInvitedUser";
    expect(report.findings[2]?.source).toEqual({ ...markAt(item), at: item });
  });

  it("counts the contradictions against the provider's statements and against our inferences", () => {
    expect(report.summary.bySource).toEqual({ reference: 1, inferred: 1 });
    const line =
      "Contradictions by source (the spec's x-source): 1 against what the provider states (reference 1), 1 against our inferences.";
    expect(text).toContain(`\n${line}\n`);
    expect(markdown).toContain(`\n- ${line}\n`);
  });

  it("prints the kind and the page or the reason beside each finding, in text and markdown", () => {
    const reference = markAt(STAGED["/api/v2/course/1/invite/"].at);
    const inferred = markAt(STAGED["/api/v2/event/1/invite/"].at);
    for (const output of [text, markdown]) {
      expect(output).toContain(
        `  spec     string, integer or null\n  source   reference: ${reference.page}\n`,
      );
      expect(output).toContain(`  source   inferred: ${inferred.reason}\n`);
    }
  });
});

describe("the nearest mark", () => {
  const long = "why ".repeat(100);
  const schemas = new SpecSchemas({
    paths: {
      "/things/": {
        get: {
          parameters: [{ $ref: "#/components/parameters/Q" }],
          responses: {
            "200": {
              "x-source": { from: "reference", page: "Get Things" },
              content: {
                "application/json": { schema: { type: "array", items: { type: "string" } } },
              },
            },
          },
        },
      },
    },
    components: {
      parameters: { Q: { name: "q", in: "query", "x-source": { from: "sdk", page: "its types" } } },
      schemas: {
        Thing: {
          "x-source": { from: "provider-page", page: "Thing" },
          properties: {
            marked: { "x-source": { from: "inferred", reason: long }, type: "string" },
            bare: { type: "string" },
            other: { $ref: "#/components/schemas/Other" },
          },
        },
        Other: { "x-source": { from: "inferred", reason: "seen in payloads" } },
        Unmarked: { properties: { field: { type: "string" } } },
      },
    },
  });

  it("is the node's own, its reference's, then an enclosing node's (the schema, the response)", () => {
    const thing = "/components/schemas/Thing";
    expect(schemas.source(`${thing}/properties/bare`)).toEqual({
      from: "provider-page",
      page: "Thing",
      at: thing,
    });
    expect(schemas.source(`${thing}/properties/other`)?.at).toBe("/components/schemas/Other");
    expect(schemas.source("/components/parameters/Q")?.from).toBe("sdk");
    const body = "/paths/~1things~1/get/responses/200/content/application~1json/schema/items";
    expect(schemas.source(body)?.at).toBe("/paths/~1things~1/get/responses/200");
    expect(schemas.source("/components/schemas/Unmarked/properties/field")).toBeNull();
  });

  it("clips a long reason", () => {
    const reason = schemas.source("/components/schemas/Thing/properties/marked")?.reason ?? "";
    expect(reason.startsWith("why ".repeat(MAX_SOURCE_TEXT / 4))).toBe(true);
    expect(reason).toMatch(/… \(400 chars\)$/);
  });
});
