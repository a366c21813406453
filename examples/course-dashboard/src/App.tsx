// The app: a settings panel, then two tabs on one course: its dashboard users and its invited
// users. One client and one set of query options per settings; a new token gets a new scope, so
// no answer given to one token is shown for another (the keys never hold the token).
import { createCommunityClient } from "@community-api/client";
import { createCommunityQueries } from "@community-api/query";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { DashboardUsers } from "./DashboardUsers.tsx";
import { InvitedUsers } from "./InvitedUsers.tsx";
import { SettingsPanel } from "./SettingsPanel.tsx";
import { loadSettings, type Settings, saveSettings } from "./settings.ts";

const TABS = [
  { id: "dashboard", label: "Dashboard users" },
  { id: "invited", label: "Invited users" },
] as const;
type Tab = (typeof TABS)[number]["id"];

export function App() {
  const [settings, setSettings] = useState<Settings>(loadSettings);
  const [tab, setTab] = useState<Tab>("dashboard");
  const queryClient = useQueryClient();
  // One scope per token this page has used: a number, never the token itself.
  const scopes = useRef(new Map<string, string>());
  const queries = useMemo(() => {
    let scope = scopes.current.get(settings.token);
    if (scope === undefined) {
      scope = `session-${scopes.current.size + 1}`;
      scopes.current.set(settings.token, scope);
    }
    try {
      const client = createCommunityClient({ baseUrl: settings.baseUrl, token: settings.token });
      return { queries: createCommunityQueries(client, { scope }) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [settings.baseUrl, settings.token]);

  const apply = (next: Settings) => {
    saveSettings(next);
    setSettings(next);
  };
  const refresh = () => {
    if (queries.queries) void queryClient.invalidateQueries({ queryKey: queries.queries.keys.all });
  };

  return (
    <>
      <header>
        <h1>Course dashboard</h1>
        <SettingsPanel settings={settings} onApply={apply} />
      </header>
      <main>
        <div className="tabs">
          <div role="tablist" aria-label="Lists">
            {TABS.map(({ id, label }) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`tab-${id}`}
                aria-selected={tab === id}
                aria-controls={`panel-${id}`}
                onClick={() => setTab(id)}
              >
                {label}
              </button>
            ))}
          </div>
          <button type="button" className="refresh" onClick={refresh}>
            Refresh
          </button>
        </div>
        <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {queries.queries === undefined ? (
            <p role="alert" className="problem">
              The settings are not usable: {queries.error}
            </p>
          ) : tab === "dashboard" ? (
            <DashboardUsers
              queries={queries.queries}
              courseId={settings.courseId}
              baseUrl={settings.baseUrl}
            />
          ) : (
            <InvitedUsers
              queries={queries.queries}
              courseId={settings.courseId}
              baseUrl={settings.baseUrl}
            />
          )}
        </section>
      </main>
    </>
  );
}
