/// <reference types="vite/client" />

/** The spec's facts the app shows, put in by vite.config.ts from the bundled spec's operation facts. */
declare const __SPEC_FACTS__: {
  /** The `JoinStatus` enum, as the dashboard's `statuses` filter takes it. */
  joinStatuses: import("@community-api/client").JoinStatus[];
  /** The dashboard's four orderings. */
  orderings: import("@community-api/client").DashboardOrdering[];
  /** The role each operation requires (`x-required-roles`), by operationId. */
  roles: Record<string, { resource: string; roles: string[] } | null>;
};

/** The API the app calls unless `?api=` or the settings say otherwise (scripts/serve.mjs). */
declare const __DEFAULT_API_URL__: string;
