// The Try-it console's request logic and its place in the page, without a browser (the browser
// cases are in console-cases.ts, run in browser.test.ts's Chromium session).
import { createMockFetch, TEST_TOKENS } from "@community-api/mock/kit";
import { describe, expect, it } from "vitest";
import {
  buildRequest,
  type ConsoleOperation,
  curlLine,
  describeParameter,
  tokenChoices,
} from "../console/request.js";
import {
  bundleConsole,
  CONSOLE_CONFIG_ID,
  consoleConfig,
  withConsole,
} from "../scripts/console.mjs";
import { MOCK_URL } from "../scripts/samples.mjs";
import { readBundledSpec, readOperationFacts } from "../scripts/spec.mjs";

const facts = readOperationFacts(readBundledSpec());
const operations = consoleConfig(facts).operations;
const byId = (id: string) => {
  const operation = operations.find((entry) => entry.operationId === id);
  if (!operation) throw new Error(`no ${id} in the facts`);
  return operation;
};
const withArray = operations.find((operation) =>
  operation.queryParameters.some((parameter) => parameter.jsonArray),
) as ConsoleOperation;
const arrayParameter = withArray.queryParameters.find((parameter) => parameter.jsonArray);
const mockFetch = createMockFetch();

describe("buildRequest", () => {
  it("sends a JSON-array parameter as ONE parameter, its values in the enum's order", async () => {
    const name = arrayParameter?.name ?? "";
    const values = (arrayParameter?.jsonArray?.enum ?? []).map(String);
    const picked = [values[3], values[1]] as string[];
    const request = buildRequest(
      withArray,
      { path: { id: "1" }, query: { [name]: picked }, token: TEST_TOKENS.courseManager },
      MOCK_URL,
    );
    const url = new URL(request.url);
    expect(url.searchParams.getAll(name)).toEqual([JSON.stringify([values[1], values[3]])]);
    // The mock reads it as the filter: every item has one of the two statuses.
    const response = await mockFetch(request.url, { headers: request.headers });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { results: { join_status: string }[] };
    expect(page.results.length).toBeGreaterThan(0);
    for (const item of page.results) expect([values[1], values[3]]).toContain(item.join_status);
  });

  it("leaves empty fields out and sends out-of-bounds values as typed (the mock answers 400)", async () => {
    const operation = byId("getCourseInvitedUsers");
    const request = buildRequest(
      operation,
      { path: { id: "1" }, query: { limit: "0", offset: "" }, token: TEST_TOKENS.courseManager },
      `${MOCK_URL}/`,
    );
    expect(request.url).toBe(`${MOCK_URL}/api/v2/course/1/invite/?limit=0`);
    expect((await mockFetch(request.url, { headers: request.headers })).status).toBe(400);
  });

  it("sends no Authorization without a token, and escapes the path parameter", () => {
    const request = buildRequest(
      byId("getEventInvitedUsers"),
      { path: { id: "1/../2" }, query: {}, token: null },
      MOCK_URL,
    );
    expect(request.headers).toEqual([["Accept", "application/json"]]);
    expect(request.url).toBe(`${MOCK_URL}/api/v2/event/1%2F..%2F2/invite/`);
  });
});

describe("curlLine", () => {
  it("quotes every word for the shell, a quote inside a value included", () => {
    const request = buildRequest(
      byId("getCourseDashboardUsers"),
      { path: { id: "1'" }, query: { search: "a b" }, token: "course-1-manager" },
      MOCK_URL,
    );
    expect(curlLine(request)).toBe(
      `curl --include -H 'Accept: application/json' -H 'Authorization: Bearer course-1-manager' '${MOCK_URL}/api/v2/course/1'\\''/users/?search=a+b'`,
    );
  });
});

describe("tokenChoices and describeParameter", () => {
  it("offers the operation's role tokens first, then every documented test token", () => {
    for (const operation of operations) {
      const choices = tokenChoices(operation, 1);
      const { resource, roles } = operation.roles ?? { resource: "", roles: [] };
      expect(choices.slice(0, roles.length)).toEqual(roles.map((role) => `${resource}-1-${role}`));
      expect(choices).toEqual(expect.arrayContaining(Object.values(TEST_TOKENS)));
    }
  });

  it("states bounds, values and defaults from the facts", () => {
    const limit = byId("getCourseInvitedUsers").queryParameters.find(
      (parameter) => parameter.name === "limit",
    );
    expect(describeParameter(limit as NonNullable<typeof limit>)).toBe("integer; at least 1");
    expect(describeParameter(arrayParameter as NonNullable<typeof arrayParameter>)).toContain(
      "ONE parameter holding a JSON array",
    );
  });
});

describe("withConsole", () => {
  const page = "<html><head></head><body><div id=redoc></div></body></html>";

  it("adds the config and the bundled console before </body>, outside Redoc's tree", () => {
    const html = withConsole(page, facts);
    expect(html.startsWith("<html><head></head><body><div id=redoc></div><script")).toBe(true);
    expect(html.endsWith("</script>\n</body></html>")).toBe(true);
    const config = new RegExp(
      `<script type="application/json" id="${CONSOLE_CONFIG_ID}">(.*?)</script>`,
    ).exec(html);
    expect(JSON.parse(config?.[1] ?? "null")).toEqual(consoleConfig(facts));
    const script = /<script id="try-it-script">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    // The mock kit is inside: its dataset's names and its handler's answers.
    expect(script).toContain("Authentication credentials were not provided.");
  });

  it("lists a new operation of the facts, and no text in them can close the data block", () => {
    const added = {
      ...facts,
      operations: [
        ...facts.operations,
        { ...facts.operations[0], operationId: "getAddedThing", summary: "</script><b>" },
      ],
    } as typeof facts;
    const html = withConsole(page, added);
    expect(html).not.toContain("</script><b>");
    const config = new RegExp(`id="${CONSOLE_CONFIG_ID}">(.*?)</script>`).exec(html)?.[1] ?? "";
    const listed = JSON.parse(config).operations.map(
      (operation: ConsoleOperation) => operation.operationId,
    );
    expect(listed).toEqual([...facts.operations.map((o) => o.operationId), "getAddedThing"]);
  });

  it("keeps the bundle within its budget: the kit's handler and dataset and the panel, nothing more", () => {
    // 34 KB minified today (the kit ~23 KB, the panel ~11 KB); a validator, a Node polyfill or
    // the spec pulled in by an import would take it far past this.
    expect(Buffer.byteLength(bundleConsole())).toBeLessThan(48 * 1024);
  });

  it("refuses a page without </body>", () => {
    expect(() => withConsole("<html>", facts)).toThrow(/no <\/body>/);
  });
});
