// The Node versions CI tests (pinned in .ci/run) and a reader for `engines.node` ranges.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../workspace.js";

/** The exact Node releases .ci/run tests, one per line of its `NODE_VERSIONS="…"`. */
export function ciNodeVersions(): string[] {
  const script = readFileSync(join(repoRoot, ".ci", "run"), "utf8");
  const match = /^NODE_VERSIONS="([^"]+)"$/m.exec(script);
  if (!match?.[1]) throw new Error('.ci/run has no NODE_VERSIONS="…" line');
  return match[1].trim().split(/\s+/);
}

type Version = [number, number, number];

function parse(version: string): Version {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(version.trim());
  if (!match) throw new Error(`not a version: ${version}`);
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * Whether `version` satisfies `range`, in the subset of semver that engines fields use here and
 * in Prism's manifests: `||` between sets of space-separated `>=`, `>`, `<=`, `<`, `^` or exact
 * comparators. Anything else throws rather than guess.
 */
export function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split("||").some((set) =>
    set
      .trim()
      .split(/\s+/)
      .every((comparator) => {
        const match = /^(>=|<=|>|<|\^|=)?\s*(\d+(?:\.\d+){0,2})$/.exec(comparator);
        if (!match?.[2]) throw new Error(`unsupported comparator "${comparator}" in "${range}"`);
        const bound = parse(match[2]);
        const order = compare(v, bound);
        switch (match[1]) {
          case ">=":
            return order >= 0;
          case ">":
            return order > 0;
          case "<=":
            return order <= 0;
          case "<":
            return order < 0;
          case "^":
            return order >= 0 && v[0] === bound[0] && (bound[0] !== 0 || v[1] === bound[1]);
          default:
            return order === 0;
        }
      }),
  );
}

/** The major lines, among `candidates`, in which `range` admits at least the newest release. */
export function admittedMajors(range: string, candidates: readonly number[]): number[] {
  return candidates.filter((major) => satisfies(`${major}.999.999`, range));
}

/**
 * The oldest release each `||` set of `range` admits (`^22.12.0 || >=26.0.0` -> 22.12.0, 26.0.0),
 * from its `>=`, `^` or exact comparator; a set with only upper bounds or `>` throws.
 */
export function lowestReleases(range: string): string[] {
  return range.split("||").map((set) => {
    const lower = /(?:^|\s)(?:>=|\^|=)?\s*(\d+\.\d+\.\d+)(?:\s|$)/.exec(
      set.trim().replace(/<=?\s*\S+/g, ""),
    );
    if (!lower?.[1]) throw new Error(`no lower bound in "${set.trim()}" of "${range}"`);
    return lower[1];
  });
}
