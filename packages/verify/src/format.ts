// The report as people read it (the CLI's default output); `--json` prints the report object.
import type { Finding, VerifyReport } from "./verify.js";

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

function where(finding: Finding): string {
  if (finding.location === "status") return "status";
  if (finding.location === "header") return `header ${finding.pointer}`;
  return `body ${finding.pointer || "(the whole body)"}`;
}

function formatFinding(finding: Finding): string {
  const label = finding.severity === "contradiction" ? "CONTRADICTION" : "UNDOCUMENTED";
  const { count, of, unit, status } = finding.seen;
  const what = unit === "items" ? "item" : status === null ? "response" : `HTTP ${status} response`;
  const seen = `${count} of ${plural(of, what)}${finding.requests > 1 ? ` (${plural(finding.requests, "request")})` : ""}`;
  const lines = [
    `${label}  ${finding.operationId}  ${where(finding)}  [${finding.kind}]`,
    `  request  ${finding.request}`,
    `  spec     ${finding.spec}`,
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
  const width = Math.max(...report.operations.map((o) => o.operationId.length));
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
  }
  out.push("");
  for (const finding of report.findings) out.push(formatFinding(finding), "");
  if (report.notes.length > 0) {
    out.push("Notes:", ...report.notes.map((note) => `  - ${note}`), "");
  }
  const { contradictions, undocumented } = report.summary;
  out.push(
    `${plural(contradictions, "contradiction")}, ${plural(undocumented, "undocumented field")}: ${VERDICT[report.outcome]} (exit ${report.exitCode}).`,
  );
  return `${out.join("\n")}\n`;
}
