/**
 * Conversions between database rows and domain values that behave the same on SQLite and
 * PostgreSQL: timestamps (Date on PostgreSQL, text on SQLite), booleans (0/1 on SQLite), JSON
 * stored as text, and CPU/memory stored as integers.
 */

/** A timestamp column value as an RFC 3339 string. */
export function toIso(value: unknown): string {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (typeof value === 'number') {
    return new Date(value).toISOString();
  }
  if (typeof value === 'string') {
    // SQLite defaults look like "2026-11-23 10:00:00"; everything the app writes is ISO.
    const normalized = value.includes('T')
      ? value
      : `${value.replace(' ', 'T')}Z`;
    return new Date(normalized).toISOString();
  }
  throw new Error(`Not a timestamp: ${String(value)}`);
}

export function toIsoOrUndefined(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : toIso(value);
}

/** The current time as written to timestamp columns. */
export function nowIso(clock: () => Date = () => new Date()): string {
  return clock().toISOString();
}

export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function fromJson<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string' || value === '') {
    return fallback;
  }
  return JSON.parse(value) as T;
}

export function fromJsonOrUndefined<T>(value: unknown): T | undefined {
  return typeof value === 'string' && value !== ''
    ? (JSON.parse(value) as T)
    : undefined;
}

/** Nullable text column to an optional value. */
export function optional<T>(value: T | null | undefined): T | undefined {
  return value === null ? undefined : value;
}

export const coresToMillicores = (cores: number) => Math.round(cores * 1000);
export const millicoresToCores = (millicores: number) => millicores / 1000;
export const gibToMib = (gib: number) => Math.round(gib * 1024);
export const mibToGib = (mib: number) => mib / 1024;

/** Count from `count(*)`: a number on SQLite, a string on PostgreSQL. */
export function toCount(value: unknown): number {
  return Number(value ?? 0);
}

const UUID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a value can be an id. Ids are UUIDs; PostgreSQL refuses to compare a uuid column
 * with anything else, and a value that is no UUID names no row on any engine, so callers
 * answer "not found" without asking the database.
 */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
