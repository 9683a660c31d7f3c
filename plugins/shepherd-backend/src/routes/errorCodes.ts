import { InputError } from '@backstage/errors';
import { SHEPHERD_ERROR_CODES } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ErrorRequestHandler } from 'express';
import { TooManyRequestsError } from '../service/errors';

/**
 * Gives every error leaving the Shepherd router a stable code: schema validation failures
 * and unparsable JSON become VALIDATION_FAILED (400), authentication failures
 * UNAUTHENTICATED, refusals PERMISSION_DENIED. Errors already carrying a code pass as they are;
 * the backend's error handler then serialises them.
 */
export function assignErrorCodes(): ErrorRequestHandler {
  return (error, _req, _res, next) => {
    if (
      error &&
      typeof error === 'object' &&
      !('code' in error && error.code)
    ) {
      // express.json() reports unparsable bodies as a SyntaxError with status 400.
      if (error.type === 'entity.parse.failed') {
        const input = new InputError('The request body is not valid JSON');
        Object.assign(input, { code: SHEPHERD_ERROR_CODES.VALIDATION_FAILED });
        next(input);
        return;
      }
      const codeByName: Record<string, string> = {
        InputError: SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
        AuthenticationError: SHEPHERD_ERROR_CODES.UNAUTHENTICATED,
        NotAllowedError: SHEPHERD_ERROR_CODES.PERMISSION_DENIED,
        NotFoundError: SHEPHERD_ERROR_CODES.NOT_FOUND,
      };
      const code = codeByName[error.name];
      if (code) {
        Object.assign(error, { code });
      }
    }
    next(error);
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
