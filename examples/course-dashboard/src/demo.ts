// The demo build: MSW's service worker answers every API call with the mock's realistic dataset
// (the same handler the HTTP mock runs), so the app needs no server.
import { createMswHandlers } from "@community-api/mock/msw";
import { setupWorker } from "msw/browser";

export async function startDemoWorker(): Promise<void> {
  await setupWorker(...createMswHandlers({ baseUrl: location.origin })).start({
    serviceWorker: { url: "./mockServiceWorker.js" },
    onUnhandledRequest: "bypass",
    quiet: true,
  });
}
