// The report as people read it: text (the CLI's default output) and markdown (`--report
// markdown`, to paste into an issue); `--json` prints the report object.
import { describeSource, INFERRED, UNMARKED } from "./provenance.js";
import type { Finding, VerifyReport } from "./report.js";

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;

function where(finding: Finding): string {
  if (finding.location === "status") return "status";
  if (finding.location === "header") return `header ${finding.pointer}`;
  return `body ${finding.pointer || "(the whole body)"}`;
}

const LABEL: Record<Finding["severity"], string> = {
  contradiction: "CONTRADICTION",
  undocumented: "UNDOCUMENTED",
  unchecked: "NOT CHECKED",
};

function formatFinding(finding: Finding): string {
  const { count, of, unit, status } = finding.seen;
  const what = unit === "items" ? "item" : status === null ? "response" : `HTTP ${status} response`;
  const seen = `${count.toLocaleString("en-US")} of ${plural(of, what)}${finding.requests > 1 ? ` (${plural(finding.requests, "request")})` : ""}`;
  const lines = [
    `${LABEL[finding.severity]}  ${finding.operationId}  ${where(finding)}  [${finding.kind}]`,
    `  request  ${finding.request}`,
    `  spec     ${finding.spec}`,
    `  source   ${describeSource(finding.source)}`,
    `  arrived  ${finding.actual.value}${finding.example !== finding.pointer ? ` at ${finding.example}` : ""}`,
    `  seen in  ${seen}`,
  ];
  return lines.join("\n");
}

const VERDICT: Record<VerifyReport["outcome"], string> = {
  consistent: "the answers agree with the spec",
  contradicted: "the API differs from the spec",
  incomplete: "nothing contradicts the spec, but not everything could be checked",
  failed: "could not run",
};

/** The operations' lines: combinations, responses per status, items; or why not checked. */
function operationLines(report: VerifyReport): string[] {
  const width = Math.max(...report.operations.map((o) => o.operationId.length));
  const out: string[] = [];
  for (const operation of report.operations) {
    const name = operation.operationId.padEnd(width);
    if (operation.skipped !== null) {
      out.push(`${name}  skipped: ${operation.skipped}`);
      continue;
    }
    const statuses = Object.entries(operation.statuses)
      .map(([status, count]) => `${status} x${count}`)
      .join(", ");
    out.push(
      `${name}  ${plural(operation.combinations.length, "combination")}, ${plural(operation.responses, "response")} (${statuses}), ${plural(operation.items, "item")}`,
    );
    if (operation.notChecked !== null) {
      out.push(`${" ".repeat(width)}  NOT CHECKED: ${operation.notChecked}`);
    }
  }
  return out;
}

/** The last line: counts, what was left out, the verdict and the exit status. */
function verdict(report: VerifyReport): string {
  const { contradictions, undocumented, unchecked, notChecked, leftOut } = report.summary;
  const counts = [
    plural(contradictions, "contradiction"),
    plural(undocumented, "undocumented field"),
    ...(unchecked > 0 ? [plural(unchecked, "unchecked finding")] : []),
    ...(notChecked > 0 ? [`${plural(notChecked, "operation")} not checked`] : []),
  ];
  const left = [
    ...(leftOut.findings > 0 ? [plural(leftOut.findings, "finding")] : []),
    ...(leftOut.names > 0 ? [plural(leftOut.names, "undocumented name")] : []),
  ];
  return `${counts.join(", ")}${left.length > 0 ? ` (left out: ${left.join(", ")})` : ""}: ${VERDICT[report.outcome]} (exit ${report.exitCode}).`;
}

/**
 * What the contradictions contradict, by where the spec takes it from: the provider (its
 * reference pages, its other pages, its SDK) or our inferences. Null without contradictions.
 */
function sourcesLine(report: VerifyReport): string | null {
  const { bySource } = report.summary;
  const entries = Object.entries(bySource);
  if (entries.length === 0) return null;
  const provider = entries.filter(([from]) => from !== INFERRED && from !== UNMARKED);
  const stated = provider.reduce((sum, [, count]) => sum + count, 0);
  const inferred = bySource[INFERRED] ?? 0;
  const unmarked = bySource[UNMARKED] ?? 0;
  const parts = [
    `${stated.toLocaleString("en-US")} against what the provider states${provider.length > 0 ? ` (${provider.map(([from, count]) => `${from} ${count}`).join(", ")})` : ""}`,
    `${inferred.toLocaleString("en-US")} against our inferences`,
    ...(unmarked > 0 ? [`${unmarked.toLocaleString("en-US")} where the spec marks no source`] : []),
  ];
  return `Contradictions by source (the spec's x-source): ${parts.join(", ")}.`;
}

/** The report as text: what was called, each finding, the notes and the verdict. */
export function formatReport(report: VerifyReport): string {
  const out: string[] = [
    `community-api-verify ${report.version}: ${report.baseUrl} against the spec ${report.spec.version} (sha256 ${report.spec.sha256.slice(0, 12)})`,
    "",
  ];
  if (report.fatal) {
    out.push(`Could not run: ${report.fatal.message}`, "", `Exit ${report.exitCode}.`);
    return `${out.join("\n")}\n`;
  }
  out.push(...operationLines(report), "");
  for (const finding of report.findings) out.push(formatFinding(finding), "");
  if (report.notes.length > 0) {
    out.push("Notes:", ...report.notes.map((note) => `  - ${note}`), "");
  }
  const sources = sourcesLine(report);
  if (sources) out.push(sources);
  out.push(verdict(report));
  return `${out.join("\n")}\n`;
}

/** Options of {@link formatMarkdown}. */
export interface MarkdownOptions {
  /** Keep the base URL's host (and any other host) in the report. Default: `false`, each host is replaced by a placeholder. */
  showHost?: boolean | undefined;
}

/** The hosts of a text replaced: the base URL's by `<base-url>`, any other URL's origin by `<other-origin>`. */
function hideHosts(text: string, baseUrl: string): string {
  let base: URL | null = null;
  try {
    base = new URL(baseUrl);
  } catch {}
  let out = text.replace(
    /[a-z][a-z0-9+.-]*:\/\/(?:\[[^\]\s]*\]|[^\s/"'`?#)<>:]+)(?::[0-9]+)?/gi,
    (origin) => (base && origin.toLowerCase() === base.origin ? "<base-url>" : "<other-origin>"),
  );
  // A host may also appear bare, in the messages of the network (`getaddrinfo ENOTFOUND host`).
  if (base) {
    for (const host of new Set([base.host, base.hostname])) {
      if (host) out = out.split(host).join("<base-host>");
    }
  }
  return out;
}

/** A code fence longer than any run of backticks in `text`, so that nothing can close it early. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(longest + 1);
}

/**
 * The report as markdown to paste into an issue as it is: the verdict, a table of the
 * operations and the text report in a code block. It holds what the text report holds (masked
 * values, no token), and no host unless `showHost`.
 */
export function formatMarkdown(report: VerifyReport, options: MarkdownOptions = {}): string {
  const hide = (text: string) => (options.showHost ? text : hideHosts(text, report.baseUrl));
  const text = hide(formatReport(report));
  const rows = report.operations.map((o) => {
    // Text from the report goes into a cell escaped: it cannot end the cell or add markup.
    const cell = (value: string) => hide(value).replace(/[|\\`*_<>[\]]/g, "\\$&");
    const coverage =
      o.skipped !== null
        ? `skipped: ${cell(o.skipped)}`
        : o.notChecked !== null
          ? `**not checked**: ${cell(o.notChecked)}`
          : `${o.checked} of ${o.combinations.length} checked`;
    const statuses = Object.entries(o.statuses)
      .map(([status, count]) => `${status} ×${count}`)
      .join(", ");
    return `| \`${o.operationId}\` | ${o.combinations.length} | ${statuses || "–"} | ${o.items} | ${coverage} |`;
  });
  const { summary } = report;
  const heading = report.fatal
    ? `Could not run (${report.fatal.reason}), exit ${report.exitCode}`
    : `${summary.contradictions} contradictions, ${summary.undocumented} undocumented, ${summary.notChecked} operations not checked: exit ${report.exitCode}`;
  const out = [
    `### community-api-verify ${report.version} report`,
    "",
    `- spec: ${report.spec.version} (sha256 \`${report.spec.sha256.slice(0, 12)}\`)`,
    `- base URL: ${options.showHost ? `\`${report.baseUrl}\`` : "hidden (run with `--show-host` to include it)"}`,
    `- outcome: **${report.outcome}**: ${heading}`,
  ];
  const sources = report.fatal ? null : sourcesLine(report);
  if (sources) out.push(`- ${hide(sources).replace(/[\\`*_<>[\]]/g, "\\$&")}`);
  out.push("");
  if (!report.fatal) {
    out.push(
      "| operation | combinations | responses by status | items | coverage |",
      "| --- | --- | --- | --- | --- |",
      ...rows,
      "",
    );
  }
  const marks = fence(text);
  out.push(
    "<details><summary>The full report (values masked, no token)</summary>",
    "",
    `${marks}text`,
    text.trimEnd(),
    marks,
    "",
    "</details>",
    "",
  );
  return out.join("\n");
}
