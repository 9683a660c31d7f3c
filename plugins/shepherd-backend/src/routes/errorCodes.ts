import { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import {
  SHEPHERD_ERROR_CODES,
  ShepherdErrorBody,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ErrorRequestHandler } from 'express';
import { TooManyRequestsError } from '../service/errors';
import { randomBytes } from 'node:crypto';

/** The HTTP status of each @backstage/errors type the Shepherd API answers with. */
const STATUS_OF_BACKSTAGE_ERROR: Record<string, number> = {
  NotModifiedError: 304,
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  NotImplementedError: 501,
  ServiceUnavailableError: 503,
};

/** The Shepherd code of @backstage/errors types that carry none of their own. */
const CODE_OF_BACKSTAGE_ERROR: Record<string, string> = {
  InputError: SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
  AuthenticationError: SHEPHERD_ERROR_CODES.UNAUTHENTICATED,
  NotAllowedError: SHEPHERD_ERROR_CODES.PERMISSION_DENIED,
  NotFoundError: SHEPHERD_ERROR_CODES.NOT_FOUND,
};

const SHEPHERD_CODES: ReadonlySet<string> = new Set(
  Object.values(SHEPHERD_ERROR_CODES),
);

/**
 * The message of the OpenAPI validator's refusals of a path parameter: every path parameter
 * of the API is the id of a record, and an id that is no UUID names no record.
 */
const PATH_PARAMETER_REFUSAL = /^request\/params\//;

/** The answer to a request that failed: its status and the `error` member of the body. */
interface ErrorAnswer {
  statusCode: number;
  error: ShepherdErrorBody;
}

/**
 * Answers every error leaving the Shepherd router in Backstage's error format, with a stable
 * code and a message for people, and nothing else of the error: never a stack trace, a
 * cause, or the text of an error that is not one of the API's own.
 *
 * - The API's own errors (the @backstage/errors types, and errors carrying a Shepherd code)
 *   keep their status, message, code and details; schema validation failures and
 *   unparsable JSON become VALIDATION_FAILED (400), a path id that is no UUID NOT_FOUND
 *   (404, as for any id that names no record), authentication failures UNAUTHENTICATED,
 *   refusals PERMISSION_DENIED.
 * - Anything else (a database error with its SQL, a bug) is an INTERNAL_ERROR (500) with a
 *   generic message and a log id; the whole error is logged under that id.
 *
 * The router writes the body itself rather than leaving it to the backend's error handler,
 * which would put stack traces into bodies in development and pass SQLite errors (and
 * anything not a PostgreSQL DatabaseError) through with their text in production.
 */
export function answerErrors(logger: LoggerService): ErrorRequestHandler {
  return (rawError, req, res, next) => {
    const answer = answerOf(rawError, logger);
    if (res.headersSent) {
      next(rawError);
      return;
    }
    res.status(answer.statusCode).json({
      error: answer.error,
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: answer.statusCode },
    });
  };
}

/**
 * Tells a refused client when it may try again: a 429's `Retry-After` header, in seconds,
 * from the error's details. The backend's error handler then answers with the error.
 */
export function announceRetryAfter(): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (error instanceof TooManyRequestsError && !res.headersSent) {
      res.setHeader('Retry-After', String(error.details.retryAfterSeconds));
    }
    next(error);
  };
}

function answerOf(rawError: unknown, logger: LoggerService): ErrorAnswer {
  if (!isError(rawError)) {
    return internalError(rawError, logger);
  }
  const error = rawError as Error & {
    code?: unknown;
    details?: unknown;
    status?: unknown;
    statusCode?: unknown;
  };

  const backstageStatus = STATUS_OF_BACKSTAGE_ERROR[error.name];
  const ownCode =
    typeof error.code === 'string' && SHEPHERD_CODES.has(error.code)
      ? error.code
      : undefined;

  if (backstageStatus !== undefined || ownCode !== undefined) {
    if (
      error.name === 'InputError' &&
      !ownCode &&
      PATH_PARAMETER_REFUSAL.test(error.message)
    ) {
      return {
        statusCode: 404,
        error: {
          name: 'NotFoundError',
          message: `No record has this ${parameterOf(
            error.message,
          )}: it is not a UUID`,
          code: SHEPHERD_ERROR_CODES.NOT_FOUND,
        },
      };
    }
    const statusCode = httpStatusOf(error) ?? backstageStatus ?? 500;
    return {
      statusCode,
      error: {
        name: error.name,
        message: error.message,
        code: (ownCode ?? CODE_OF_BACKSTAGE_ERROR[error.name]) as
          | ShepherdErrorBody['code']
          | undefined,
        ...(isRecord(error.details) && { details: error.details }),
      },
    };
  }

  return internalError(rawError, logger);
}

/** The parameter a validator refusal names, e.g. `memberId` of `request/params/memberId …`. */
function parameterOf(message: string): string {
  const [, parameter = 'id'] =
    /^request\/params\/([A-Za-z0-9_]+)/.exec(message) ?? [];
  return parameter;
}

function internalError(rawError: unknown, logger: LoggerService): ErrorAnswer {
  const logId = randomBytes(10).toString('hex');
  logger.error(
    `Request failed with an internal error, logId=${logId}`,
    isError(rawError) ? rawError : new Error(String(rawError)),
  );
  return {
    statusCode: 500,
    error: {
      name: 'Error',
      message: `An internal error occurred; it was logged with logId=${logId}`,
      code: SHEPHERD_ERROR_CODES.INTERNAL_ERROR,
      details: { logId },
    },
  };
}

/** An explicit HTTP status of an error (`statusCode` or `status`), when it has a valid one. */
function httpStatusOf(error: {
  status?: unknown;
  statusCode?: unknown;
}): number | undefined {
  for (const value of [error.statusCode, error.status]) {
    if (
      typeof value === 'number' &&
      Number.isInteger(value) &&
      value >= 100 &&
      value <= 599
    ) {
      return value;
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
