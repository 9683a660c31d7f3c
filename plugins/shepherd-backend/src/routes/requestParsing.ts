import {
  SHEPHERD_ERROR_CODES,
  SHEPHERD_MAX_PAGE_SIZE,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { invalidInput } from '../service/errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = SHEPHERD_MAX_PAGE_SIZE;

/** Offset and limit from query strings already checked to be digits by the spec. */
export function parsePage(query: { offset?: string; limit?: string }) {
  const offset = query.offset === undefined ? 0 : Number(query.offset);
  const limit =
    query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
  if (limit < 1 || limit > MAX_PAGE_SIZE) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
      `limit must be between 1 and ${MAX_PAGE_SIZE}`,
    );
  }
  return { offset, limit };
}

/** A `true`/`false` query flag. */
export function parseFlag(value: string | undefined): boolean {
  return value === 'true';
}

/**
 * A comma-separated list of enum values from a query string, or undefined when absent.
 * Unknown values answer VALIDATION_FAILED naming the allowed ones.
 */
export function parseEnumList<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T[] | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  const values = value.split(',').map(v => v.trim());
  const unknown = values.filter(
    v => !(allowed as readonly string[]).includes(v),
  );
  if (unknown.length > 0) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
      `${name} must be one of ${allowed.join(', ')}; got ${unknown.join(', ')}`,
    );
  }
  return values as T[];
}
