// Timestamps as the API writes them: local time with an explicit UTC offset and microseconds,
// e.g. `2026-03-04T10:11:12.123456+01:00`. Ordering must compare instants, not strings, since
// two members may carry different offsets.

const pad = (value: number, width: number): string => String(value).padStart(width, "0");

/** Formats an instant (microseconds since the epoch) as seen at `offsetMinutes` east of UTC. */
export function formatTimestamp(epochMicros: number, offsetMinutes: number): string {
  const localMicros = epochMicros + offsetMinutes * 60_000_000;
  const micros = ((localMicros % 1_000_000) + 1_000_000) % 1_000_000;
  const date = new Date((localMicros - micros) / 1000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` +
    `T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}` +
    `.${pad(micros, 6)}${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`
  );
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** The instant of an API timestamp in microseconds since the epoch (exact, unlike Date.parse). */
export function timestampToEpochMicros(value: string): number {
  const m = TIMESTAMP.exec(value);
  if (!m) throw new RangeError(`not an API timestamp: ${value}`);
  const [, y, mo, d, h, mi, s, frac = "", sign, oh = "0", om = "0"] = m;
  const utcMillis = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
  );
  const offsetMinutes = (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return utcMillis * 1000 + Number(frac.padEnd(6, "0")) - offsetMinutes * 60_000_000;
}
