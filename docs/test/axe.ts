// Runs axe-core (4.x, from the docs' devDependencies) in a page of the browser tests.
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeScript = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/**
 * axe-core's violations in the page, one line per rule naming up to three nodes; `within` (a
 * selector) limits the run to that part of the page. Injects axe-core on first use.
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axeScript });
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: AxeLike }).axe;
    const result = await axe.run(selector ?? document, { resultTypes: ["violations"] });
    return result.violations.map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.nodes
          .slice(0, 3)
          .map((node) => `${node.target.join(" ")} ${node.failureSummary ?? ""}`)
          .join(" | ")}`,
    );
  }, within ?? null);
}

/** The part of axe-core's API these tests call (in the page). */
interface AxeLike {
  run(
    context: Document | string,
    options: { resultTypes: string[] },
  ): Promise<{
    violations: {
      id: string;
      impact?: string | null;
      nodes: { target: string[]; failureSummary?: string }[];
    }[];
  }>;
}
