import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import "./styles.css";

// Replaced at build time: the normal build leaves the demo's worker (and msw) out.
if (import.meta.env.MODE === "demo") {
  const { startDemoWorker } = await import("./demo.ts");
  await startDemoWorker();
}

const queryClient = new QueryClient({
  // A dashboard: what was fetched a minute ago is fresh enough.
  defaultOptions: { queries: { staleTime: 60_000 } },
});

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
