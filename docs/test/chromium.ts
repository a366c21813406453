// Finds the system Chromium that the browser test drives (playwright-core never downloads one).
import { existsSync } from "node:fs";

export const INSTALL_HINT =
  "Chromium is needed for the docs browser test. Install it with " +
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
