// Base URL, token and course id. The token field is a password field; its value goes to the
// client and to sessionStorage, nowhere else.
import { type FormEvent, useState } from "react";
import type { Settings } from "./settings.ts";

export function SettingsPanel(props: { settings: Settings; onApply: (next: Settings) => void }) {
  const [draft, setDraft] = useState(props.settings);
  const field = (name: keyof Settings) => ({
    value: draft[name],
    onChange: (event: { target: { value: string } }) =>
      setDraft({ ...draft, [name]: event.target.value }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onApply({ ...draft, baseUrl: draft.baseUrl.trim(), courseId: draft.courseId.trim() });
  };
  return (
    <details className="settings">
      <summary>Settings</summary>
      <form onSubmit={submit}>
        <label>
          Base URL
          <input type="url" required {...field("baseUrl")} />
        </label>
        <label>
          Token
          <input type="password" autoComplete="off" {...field("token")} />
        </label>
        <label>
          Course id
          <input inputMode="numeric" required {...field("courseId")} />
        </label>
        <button type="submit">Apply</button>
      </form>
    </details>
  );
}
