// Finds the system Chromium that the browser tests drive (playwright-core never downloads one):
// the docs', the example app's and MSW's service worker's.
import { existsSync } from "node:fs";
import { it } from "vitest";

export const INSTALL_HINT =
  "Chromium is needed for the browser tests. Install it with " +
  "`sudo apt-get update && sudo apt-get install -y chromium` (Debian/Ubuntu), " +
  "or point CHROMIUM_PATH at a Chromium or Chrome binary.";

/** `CHROMIUM_PATH` if set (it must exist), else the Debian/Ubuntu locations. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist. ${INSTALL_HINT}`);
    return fromEnv;
  }
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));
}

/**
 * The Chromium for the browser test of `subject`, or `undefined` when there is none: then the
 * calling file gets one test in place of its own, which fails under CI (the browser tests must
 * run there) and elsewhere is skipped with a warning naming the fix.
 */
export function chromiumFor(subject: string): string | undefined {
  const executablePath = findChromium();
  if (executablePath) return executablePath;
  if (process.env.CI) {
    it("runs in Chromium", () => {
      throw new Error(INSTALL_HINT);
    });
  } else {
    console.warn(
      `\n!!! SKIPPING the ${subject} browser test: no Chromium found.\n!!! ${INSTALL_HINT}\n`,
    );
    it.skip("runs in Chromium (no Chromium on this machine)", () => {});
  }
  return undefined;
}

/**
 * Flags for a quiet, isolated headless run: no GPU, no QUIC, and none of Chromium's own
 * background traffic (component updates, sync, field trials) that would muddy the record of
 * which hosts the page talks to. Playwright adds `--headless` and `--user-data-dir` itself
 * (the test passes a fresh temporary folder).
 */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
