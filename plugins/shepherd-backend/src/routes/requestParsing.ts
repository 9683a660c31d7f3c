import {
  SHEPHERD_ERROR_CODES,
  SHEPHERD_INPUT_LIMITS,
  SHEPHERD_MAX_PAGE_SIZE,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { RequestHandler } from 'express';
import { invalidInput } from '../service/errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = SHEPHERD_MAX_PAGE_SIZE;

/**
 * Offset and limit from the query, already checked to be integers within their bounds by the
 * spec; checked again here, since an offset beyond a database's integers fails the query.
 */
export function parsePage(query: { offset?: number; limit?: number }) {
  const offset = query.offset === undefined ? 0 : Number(query.offset);
  const limit =
    query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
  if (limit < 1 || limit > MAX_PAGE_SIZE) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
      `limit must be between 1 and ${MAX_PAGE_SIZE}`,
    );
  }
  if (offset < 0 || offset > SHEPHERD_INPUT_LIMITS.pageOffsetMax) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
      `offset must be between 0 and ${SHEPHERD_INPUT_LIMITS.pageOffsetMax}`,
    );
  }
  return { offset, limit };
}

/** A boolean query flag (`true`/`false` on the wire); absent is false. */
export function parseFlag(value: boolean | undefined): boolean {
  return value === true;
}

/**
 * A list of enum values from the query (the spec's comma-separated arrays, which the
 * validator has split already), or undefined when absent or empty. Unknown values answer
 * VALIDATION_FAILED naming the allowed ones.
 */
export function parseEnumList<T extends string>(
  name: string,
  value: readonly string[] | string | undefined,
  allowed: readonly T[],
): T[] | undefined {
  if (value === undefined || value === '' || value.length === 0) {
    return undefined;
  }
  const values = (typeof value === 'string' ? value.split(',') : value).map(v =>
    v.trim(),
  );
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

/** Whether a parsed JSON value or query holds a string with a NUL character anywhere. */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  // Parsed bodies are bounded by the body limit; the depth only guards the recursion.
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(
    ([key, item]) => key.includes('\u0000') || holdsNul(item, depth + 1),
  );
}

/**
 * Refuses text with NUL characters (U+0000) in the body or the query: PostgreSQL cannot store
 * them in text columns, and no name, reason or description needs one. Without this check
 * such a request would fail in the database, after the checks that should have refused it.
 */
export function refuseNulCharacters(): RequestHandler {
  return (req, _res, next) => {
    if (holdsNul(req.body) || holdsNul(req.query)) {
      next(
        invalidInput(
          SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
          'Text may not contain NUL characters (U+0000)',
        ),
      );
      return;
    }
    next();
  };
}
