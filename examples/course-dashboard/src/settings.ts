// The settings panel's values: base URL, token and course id. They live in memory and in
// sessionStorage (gone when the tab closes), never in the URL or a log.
import { TEST_TOKENS } from "@community-api/mock/kit";

export interface Settings {
  baseUrl: string;
  token: string;
  courseId: string;
}

const KEY = "course-dashboard-settings";

/**
 * The defaults: the local mock (`pnpm start` serves it; `?api=<url>` on the page's address names
 * another, as its banner does when the mock has another port) and its course manager's test
 * token. The demo build's service worker answers on the page's own origin.
 */
export function defaultSettings(): Settings {
  const api = new URLSearchParams(location.search).get("api");
  const baseUrl = import.meta.env.MODE === "demo" ? location.origin : (api ?? __DEFAULT_API_URL__);
  return { baseUrl, token: TEST_TOKENS.courseManager, courseId: "1" };
}

export function loadSettings(): Settings {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as Partial<Settings> | null;
    if (saved) return { ...defaultSettings(), ...saved };
  } catch {
    // Unreadable storage: the defaults.
  }
  return defaultSettings();
}

export function saveSettings(settings: Settings): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Storage refused (private mode, quota): the settings stay in memory.
  }
}
