// The command line: flags in, report out, exit status back. The `--<resource> <id>` flags are
// the resources the spec's operations name (`x-required-roles`), so a new resource in the spec
// is a new flag without a change here.
import { parseArgs } from "node:util";
import { DEFAULT_TIMEOUT, MAX_RESPONSE_SIZE } from "@community-api/client";
import { resourcesOf } from "./facts.js";
import { formatMarkdown, formatReport } from "./format.js";
import { redactDeep, redactor } from "./mask.js";
import { loadFacts, packageVersion } from "./spec-files.js";
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_PAGES,
  DEFAULT_RUN_TIMEOUT,
  formatBytes,
  verify,
} from "./verify.js";

/** Where the CLI writes, and what it sends with (tests pass their own). */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Default: `globalThis.fetch`. */
  readonly fetch?: typeof globalThis.fetch | undefined;
}

/** The environment variable the token may come from instead of `--token`. */
export const TOKEN_VARIABLE = "COMMUNITY_API_TOKEN";

function help(): string {
  const facts = loadFacts();
  const resources = resourcesOf(facts).map((resource) => {
    const operations = facts.operations
      .filter((o) => o.roles?.resource === resource)
      .map((o) => o.operationId);
    const flag = `--${resource} <id>`.padEnd(24);
    return `  ${flag}the ${resource} whose lists to check; without it these are skipped:\n${" ".repeat(26)}${operations.join(", ")}`;
  });
  return `Usage: community-api-verify --base-url <url> [--token <token>] ${resourcesOf(facts)
    .map((r) => `[--${r} <id>]`)
    .join(" ")} [options]

Calls your community's API the way the typed client does, in several parameter combinations,
and checks every status, header and body against the spec this package ships (${facts.specVersion}).
It only reads (GET) and sends the token to the base URL's origin only.

Options:
  --base-url <url>        your community, e.g. https://community.example.com (required)
  --token <token>         the bearer token; default: the ${TOKEN_VARIABLE} environment
                          variable (better: a command line is visible to other users)
${resources.join("\n")}
  --pages <n>             pages to walk per combination (default ${DEFAULT_PAGES})
  --concurrency <n>       combinations in flight at once (default ${DEFAULT_CONCURRENCY})
  --timeout <s>           time limit of each request, in seconds, until its body is read
                          (default ${DEFAULT_TIMEOUT / 1000}, the client's)
  --run-timeout <s>       time limit of the whole run, in seconds; what is not done by then
                          is reported as not checked (default ${DEFAULT_RUN_TIMEOUT / 1000})
  --max-response-size <n> the most bytes of a response body read (decoded): a number of
                          bytes, or with KiB, MiB or GiB (default ${formatBytes(MAX_RESPONSE_SIZE).replace(" ", "")}, the client's)
  --report <format>       text (default), json, or markdown: a redacted report to paste
                          into an issue (no token, no personal data, no host)
  --show-host             keep the hosts in the markdown report
  --json                  the same as --report json
  -h, --help              show this help
  -v, --version           show the version

Exit status: 0 the answers agree with the spec, 1 something contradicts it, 2 it could not run
(bad URL or arguments, token refused, network) or could not check everything.
`;
}

/** `--timeout 1.5` -> 1500 (ms). */
function seconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = Math.round(Number(value) * 1000);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(value) || !(ms >= 1 && ms < 2 ** 31)) {
    throw new Error(
      `--${name} must be a positive number of seconds (up to 24 days), got ${JSON.stringify(value)}`,
    );
  }
  return ms;
}

const UNITS: Record<string, number> = { "": 1, b: 1, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30 };

/** `--max-response-size 16MiB` -> 16777216 (bytes). */
function bytes(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const match = /^([0-9]+)\s*([a-z]*)$/i.exec(value);
  const unit = UNITS[match?.[2]?.toLowerCase() ?? "?"];
  const size = match && unit ? Number(match[1]) * unit : Number.NaN;
  if (!(Number.isSafeInteger(size) && size >= 1)) {
    throw new Error(
      `--max-response-size must be a positive number of bytes, or of KiB, MiB or GiB (16MiB), got ${JSON.stringify(value)}`,
    );
  }
  return size;
}

const FORMATS = ["text", "json", "markdown"] as const;

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^[0-9]+$/.test(value) || Number(value) < 1) {
    throw new Error(`--${name} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/** Runs the command with `argv` (without node and the script); resolves to the exit status. */
export async function runCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CliIo,
): Promise<number> {
  const resources = resourcesOf(loadFacts());
  // Until the token is known, redact what it could be: every value on the command line
  // that follows --token.
  let redact = redactor(env[TOKEN_VARIABLE]);
  const tokenIndex = argv.findIndex((arg) => arg === "--token" || arg.startsWith("--token="));
  const argvToken =
    tokenIndex < 0
      ? undefined
      : argv[tokenIndex]?.startsWith("--token=")
        ? argv[tokenIndex]?.slice("--token=".length)
        : argv[tokenIndex + 1];
  if (argvToken) redact = redactor(argvToken);
  const usage = (message: string): number => {
    io.stderr(redact(`community-api-verify: ${message}\nRun with --help for the options.\n`));
    return 2;
  };

  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        "base-url": { type: "string" },
        token: { type: "string" },
        pages: { type: "string" },
        concurrency: { type: "string" },
        timeout: { type: "string" },
        "run-timeout": { type: "string" },
        "max-response-size": { type: "string" },
        report: { type: "string" },
        "show-host": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
        ...Object.fromEntries(resources.map((r) => [r, { type: "string" as const }])),
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    io.stdout(help());
    return 0;
  }
  if (values.version) {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  const baseUrl = values["base-url"];
  if (typeof baseUrl !== "string" || baseUrl === "") return usage("--base-url is required");
  let pages: number;
  let concurrency: number;
  let timeout: number;
  let runTimeout: number;
  let maxResponseSize: number;
  const format = (values.json ? "json" : (values.report ?? "text")) as string;
  if (!(FORMATS as readonly string[]).includes(format)) {
    return usage(`--report must be one of ${FORMATS.join(", ")}, got ${JSON.stringify(format)}`);
  }
  try {
    pages = positiveInteger("pages", values.pages as string | undefined, DEFAULT_PAGES);
    concurrency = positiveInteger(
      "concurrency",
      values.concurrency as string | undefined,
      DEFAULT_CONCURRENCY,
    );
    timeout = seconds("timeout", values.timeout as string | undefined, DEFAULT_TIMEOUT);
    runTimeout = seconds(
      "run-timeout",
      values["run-timeout"] as string | undefined,
      DEFAULT_RUN_TIMEOUT,
    );
    maxResponseSize = bytes(values["max-response-size"] as string | undefined, MAX_RESPONSE_SIZE);
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const token = (values.token as string | undefined) || env[TOKEN_VARIABLE] || undefined;
  redact = redactor(token);
  const ids = Object.fromEntries(resources.map((r) => [r, values[r] as string | undefined]));

  const report = redactDeep(
    await verify({
      baseUrl,
      token,
      ids,
      pages,
      concurrency,
      timeout,
      runTimeout,
      maxResponseSize,
      fetch: io.fetch,
    }),
    redact,
  );
  if (format === "json") io.stdout(redact(`${JSON.stringify(report, null, 2)}\n`));
  else if (format === "markdown") {
    io.stdout(redact(formatMarkdown(report, { showHost: values["show-host"] === true })));
  } else if (!report.fatal) io.stdout(redact(formatReport(report)));
  if (report.fatal) io.stderr(redact(`community-api-verify: ${report.fatal.message}\n`));
  if (report.outcome === "incomplete") {
    io.stderr("community-api-verify: some combinations could not be checked (see the notes)\n");
  }
  return report.exitCode;
}
