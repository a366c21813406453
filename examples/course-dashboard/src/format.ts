/** A timestamp as a short local date and time, or "never". */
export const formatDate = (value: string | null): string =>
  value
    ? new Date(value).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
    : "never";

/** `-last_active_at` -> "Last active, newest first": a label for any ordering of the spec. */
export function orderingLabel(ordering: string): string {
  const field = ordering.replace(/^-/, "").replace(/_at$/, "").replaceAll("_", " ");
  const name = field.charAt(0).toUpperCase() + field.slice(1);
  return `${name}, ${ordering.startsWith("-") ? "newest first" : "oldest first"}`;
}

/** `payment_waiting` -> "payment waiting". */
export const statusLabel = (status: string | null): string =>
  status ? status.replaceAll("_", " ") : "none";
