/*
 * Times as people read them: "5 minutes ago", "in 2 hours", "3 days". Every helper takes
 * "now" as a parameter (default `Date.now()`) so that tests can pin it.
 */

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 60 * 60 * 1000],
  ['month', 30 * 24 * 60 * 60 * 1000],
  ['week', 7 * 24 * 60 * 60 * 1000],
  ['day', 24 * 60 * 60 * 1000],
  ['hour', 60 * 60 * 1000],
  ['minute', 60 * 1000],
  ['second', 1000],
];

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

function toMillis(timestamp: string | Date): number {
  return typeof timestamp === 'string'
    ? new Date(timestamp).getTime()
    : timestamp.getTime();
}

/** The largest whole unit of a duration, e.g. [3, 'day']; seconds below a minute. */
function largestUnit(ms: number): [number, Intl.RelativeTimeFormatUnit] {
  const abs = Math.abs(ms);
  for (const [unit, size] of UNITS) {
    if (abs >= size) {
      return [Math.trunc(ms / size), unit];
    }
  }
  return [0, 'second'];
}

/** `5 minutes ago`, `in 2 hours`, `now`. */
export function formatRelativeTime(
  timestamp: string | Date,
  now: number = Date.now(),
): string {
  const [value, unit] = largestUnit(toMillis(timestamp) - now);
  return relativeFormat.format(value, unit);
}

/** How long ago something happened, without "ago": `3 days`, `less than a minute`. */
export function formatAge(
  timestamp: string | Date,
  now: number = Date.now(),
): string {
  const [value, unit] = largestUnit(now - toMillis(timestamp));
  if (unit === 'second') {
    return 'less than a minute';
  }
  return `${Math.abs(value)} ${unit}${Math.abs(value) === 1 ? '' : 's'}`;
}

/** The absolute time in the reader's locale, e.g. for tooltips. */
export function formatTimestamp(timestamp: string | Date): string {
  return new Date(toMillis(timestamp)).toLocaleString();
}

/** Whether a time (e.g. a grant's expiry) has passed. */
export function isPast(
  timestamp: string | Date,
  now: number = Date.now(),
): boolean {
  return toMillis(timestamp) <= now;
}
