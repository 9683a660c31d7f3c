import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  CustomErrorBase,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  SHEPHERD_ERROR_CODES,
  ShepherdErrorCode,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/*
 * Errors of the Shepherd API: the @backstage/errors types (so the backend's error handler
 * picks the HTTP status), each carrying a stable `code` and optional `details`, which the
 * error handler serialises into the response next to the message.
 */

type ErrorClass = new (message: string) => Error;

function withCode<T extends Error>(
  ErrorType: ErrorClass,
  code: ShepherdErrorCode,
  message: string,
  details?: Record<string, unknown>,
): T {
  const error = new ErrorType(message) as T & {
    code: ShepherdErrorCode;
    details?: Record<string, unknown>;
  };
  error.code = code;
  if (details) {
    error.details = details;
  }
  return error;
}

/** 400: the request is malformed or breaks a rule. */
export const invalidInput = (
  code: ShepherdErrorCode,
  message: string,
  details?: Record<string, unknown>,
) => withCode<InputError>(InputError, code, message, details);

/** 404: the resource does not exist, or the caller may not see it. */
export const notFound = (what: string) =>
  withCode<NotFoundError>(
    NotFoundError,
    SHEPHERD_ERROR_CODES.NOT_FOUND,
    `${what} was not found`,
  );

/** The record a lookup found; 404 naming `what` when it found none. */
export function found<T>(record: T | undefined, what: string): T {
  if (!record) throw notFound(what);
  return record;
}

/** 403: the caller may see the resource but not do this. */
export const notAllowed = (
  message: string,
  code: ShepherdErrorCode = SHEPHERD_ERROR_CODES.PERMISSION_DENIED,
) => withCode<NotAllowedError>(NotAllowedError, code, message);

/** 409: the request conflicts with the current state. */
export const conflict = (
  code: ShepherdErrorCode,
  message: string,
  details?: Record<string, unknown>,
) => withCode<ConflictError>(ConflictError, code, message, details);

/** 503: a dependency (a cluster, the key store) is not available. */
export const unavailable = (code: ShepherdErrorCode, message: string) =>
  withCode<ServiceUnavailableError>(ServiceUnavailableError, code, message);

/**
 * 429: the caller sent too many requests of a kind. `retryAfterSeconds` becomes the answer's
 * `Retry-After` header (see `routes/errorCodes.ts`) and is in its details.
 */
export class TooManyRequestsError extends CustomErrorBase {
  name = 'TooManyRequestsError' as const;
  readonly code = SHEPHERD_ERROR_CODES.RATE_LIMITED;
  declare readonly statusCode: number;

  constructor(
    message: string,
    readonly details: { retryAfterSeconds: number } & Record<string, unknown>,
  ) {
    super(message);
    // The status the backend's error handler answers with; not enumerable, so that it stays
    // out of the serialised error.
    Object.defineProperty(this, 'statusCode', { value: 429 });
  }
}

/** 429 RATE_LIMITED, with the seconds after which the caller may try again. */
export const tooManyRequests = (
  message: string,
  details: { retryAfterSeconds: number } & Record<string, unknown>,
) => new TooManyRequestsError(message, details);

/**
 * Runs `write`, answering a unique constraint it breaks with the conflict `taken` makes: a
 * name in use, a member added twice, a second pending request for the same target.
 */
export async function writeUnique<T>(
  write: () => Promise<T>,
  taken: () => Error | Promise<Error>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isDatabaseConflictError(error)) {
      throw await taken();
    }
    throw error;
  }
}

/** Runs an insert, answering a taken name with NAME_ALREADY_EXISTS. */
export async function insertUniquelyNamed<T>(
  what: string,
  name: string,
  insert: () => Promise<T>,
): Promise<T> {
  return writeUnique(insert, () =>
    conflict(
      SHEPHERD_ERROR_CODES.NAME_ALREADY_EXISTS,
      `A ${what} named '${name}' already exists`,
    ),
  );
}
