/*
 * The audit log's time range: RFC 3339 timestamps in the URL and the API, local date and
 * time in the inputs (`<input type="datetime-local">`, e.g. `2026-11-23T10:00`).
 */

const pad = (value: number) => String(value).padStart(2, '0');

/** A timestamp as a datetime-local input shows it, in the reader's time zone; '' if invalid. */
export function toLocalInput(timestamp: string | undefined): string {
  if (!timestamp) return '';
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local input's value (local time) as an RFC 3339 timestamp in UTC. */
export function fromLocalInput(value: string): string | undefined {
  return normalizeTimestamp(value);
}

/** Any parseable time as an RFC 3339 timestamp in UTC, or undefined. */
export function normalizeTimestamp(
  value: string | null | undefined,
): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Quick ranges: entries of the last hour, day, week. */
export const TIME_PRESETS: ReadonlyArray<{ label: string; ms: number }> = [
  { label: 'Last hour', ms: 60 * 60 * 1000 },
  { label: 'Last 24 hours', ms: 24 * 60 * 60 * 1000 },
  { label: 'Last 7 days', ms: 7 * 24 * 60 * 60 * 1000 },
];

/** Why a range cannot be asked for, or undefined: `from` must come before `to`. */
export function rangeError(
  from: string | undefined,
  to: string | undefined,
): string | undefined {
  if (from && to && new Date(from).getTime() >= new Date(to).getTime()) {
    return '“To” must be later than “From”';
  }
  return undefined;
}
