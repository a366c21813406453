// What the Try-it console sends, from the operation facts and what the reader typed: the URL,
// the headers and the equivalent curl line. No DOM here, so node tests import it as it is.
import { TEST_TOKENS, testToken } from "@community-api/mock/kit";

/** The part of a parameter's facts (spec/dist/operations.json) the console reads. */
export interface ConsoleParameter {
  name: string;
  required: boolean;
  type: string | null;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  enum: readonly unknown[] | null;
  /** Set when the parameter is ONE query parameter holding a JSON array of `enum` values. */
  jsonArray: { enum: readonly unknown[] | null } | null;
  examples: readonly unknown[];
}

/** The part of an operation's facts the console reads. */
export interface ConsoleOperation {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  tag: string;
  roles: { resource: string; roles: readonly string[] } | null;
  pathParameters: readonly ConsoleParameter[];
  queryParameters: readonly ConsoleParameter[];
}

/** What the build hands the page (`<script type="application/json" id="try-it-config">`). */
export interface ConsoleConfig {
  /** The origin the in-page mock answers as and the curl line names: the local mock's. */
  baseUrl: string;
  /** The id the path fields start with and the role tokens name: the samples' (the dataset's first). */
  id: number;
  operations: ConsoleOperation[];
}

/** What the reader entered: text by parameter name; a JSON-array parameter's picked values. */
export interface ConsoleValues {
  path: Record<string, string>;
  query: Record<string, string | readonly string[]>;
  /** The bearer token, or `null` to send none. */
  token: string | null;
}

/** A request ready for the mock's fetch and for curl. */
export interface ConsoleRequest {
  method: string;
  url: string;
  headers: [string, string][];
}

/**
 * The tokens a reader may pick for an operation: the mock's token of each role the operation
 * accepts on resource `id`, then the mock's documented test tokens. The first is the default,
 * as in the generated samples.
 */
export function tokenChoices(operation: ConsoleOperation, id: number): string[] {
  const own = (operation.roles?.roles ?? []).map((role) =>
    // `testToken` is typed by the spec's resources and roles; these come from the same facts.
    testToken({ resource: operation.roles?.resource, id, role } as Parameters<typeof testToken>[0]),
  );
  return [...new Set([...own, ...Object.values(TEST_TOKENS)])];
}

/**
 * The request for what the reader entered. Values are sent as typed, in or out of the schema's
 * bounds (a reader may want to see the 400); an empty field is left out; a JSON-array parameter
 * with values picked goes out as ONE parameter holding them as a JSON array (the spec's wire
 * form), in the order of its enum.
 */
export function buildRequest(
  operation: ConsoleOperation,
  values: ConsoleValues,
  baseUrl: string,
): ConsoleRequest {
  let path = operation.path;
  for (const parameter of operation.pathParameters) {
    path = path.replace(
      `{${parameter.name}}`,
      encodeURIComponent(values.path[parameter.name] ?? ""),
    );
  }
  const search = new URLSearchParams();
  for (const parameter of operation.queryParameters) {
    const value = values.query[parameter.name];
    if (value === undefined) continue;
    if (typeof value === "string") {
      if (value !== "") search.append(parameter.name, value);
    } else if (value.length > 0) {
      const order = (parameter.jsonArray?.enum ?? []).map(String);
      const sorted = [...value].sort((a, b) => order.indexOf(a) - order.indexOf(b));
      search.append(parameter.name, JSON.stringify(sorted));
    }
  }
  const url = new URL(`${baseUrl.replace(/\/+$/, "")}${path}`);
  url.search = search.toString();
  const headers: [string, string][] = [["Accept", "application/json"]];
  if (values.token !== null) headers.push(["Authorization", `Bearer ${values.token}`]);
  return { method: operation.method, url: url.href, headers };
}

/** A shell word in single quotes (safe for `"`, `$`, spaces and `'`). */
const sh = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** The curl command that sends the same request to the local mock (`--include`: the headers too). */
export function curlLine(request: ConsoleRequest): string {
  const method = request.method === "GET" ? [] : ["-X", request.method];
  const headers = request.headers.flatMap(([name, value]) => ["-H", sh(`${name}: ${value}`)]);
  return ["curl", "--include", ...method, ...headers, sh(request.url)].join(" ");
}

/** A parameter's hint: its type, bounds, values and default, as the facts state them. */
export function describeParameter(parameter: ConsoleParameter): string {
  const parts: string[] = [];
  if (parameter.jsonArray) {
    parts.push("any of the values, sent as ONE parameter holding a JSON array");
  } else if (parameter.enum) {
    parts.push(`one of ${parameter.enum.map(String).join(", ")}`);
  } else if (parameter.type) {
    parts.push(parameter.type);
  }
  if (parameter.minimum !== undefined) parts.push(`at least ${parameter.minimum}`);
  if (parameter.maximum !== undefined) parts.push(`at most ${parameter.maximum}`);
  if (parameter.default !== undefined) parts.push(`default ${String(parameter.default)}`);
  if (parameter.required) parts.push("required");
  return parts.join("; ");
}
