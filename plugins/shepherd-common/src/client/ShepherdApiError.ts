import { ShepherdErrorCode } from '../model/errors';

const SHEPHERD_API_ERROR_NAME = 'ShepherdApiError';

/**
 * An error answer of the Shepherd backend. The backend answers
 * `{ error: { name, message, code, details }, request, response }`; `code` is the stable
 * machine code to switch on (never the message), `message` the human explanation.
 *
 * @public
 */
export class ShepherdApiError extends Error {
  /** The stable code of the error (`SHEPHERD_ERROR_CODES`); absent when the answer had none, e.g. from a proxy. */
  readonly code: ShepherdErrorCode | undefined;
  /** HTTP status of the answer. */
  readonly status: number;
  readonly statusText: string;
  /** Structured details of some codes, e.g. `ticketId` of DUPLICATE_PENDING_REQUEST. */
  readonly details: Record<string, unknown> | undefined;
  /** The backend's error type, e.g. `ConflictError`. */
  readonly errorName: string;

  constructor(options: {
    message: string;
    status: number;
    statusText?: string;
    code?: ShepherdErrorCode;
    details?: Record<string, unknown>;
    errorName?: string;
  }) {
    super(options.message);
    this.name = SHEPHERD_API_ERROR_NAME;
    this.code = options.code;
    this.status = options.status;
    this.statusText = options.statusText ?? '';
    this.details = options.details;
    this.errorName = options.errorName ?? 'Error';
  }

  /** Reads a failed response (consuming its body) into a ShepherdApiError. */
  static async fromResponse(response: Response): Promise<ShepherdApiError> {
    const text = await response.text().catch(() => '');
    return ShepherdApiError.fromAnswer(response, parseJson(text));
  }

  /**
   * A ShepherdApiError for a failed response whose body has been read already: `body` is
   * the parsed JSON, the text of a body that was not JSON, or undefined for none.
   */
  static fromAnswer(response: Response, body: unknown): ShepherdApiError {
    const error =
      isRecord(body) && isRecord(body.error) ? body.error : undefined;
    const fallbackMessage =
      `Request failed with ${response.status} ${response.statusText}`.trim();
    return new ShepherdApiError({
      message:
        typeof error?.message === 'string' && error.message
          ? error.message
          : fallbackMessage,
      status: response.status,
      statusText: response.statusText,
      code:
        typeof error?.code === 'string'
          ? (error.code as ShepherdErrorCode)
          : undefined,
      details: isRecord(error?.details) ? error?.details : undefined,
      errorName: typeof error?.name === 'string' ? error.name : undefined,
    });
  }
}

/** A body's JSON, or its text when it is something else (a proxy's HTML page, nothing). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Whether an error is a {@link ShepherdApiError}; by name, so that it also holds for errors
 * created by another copy of this package.
 *
 * @public
 */
export function isShepherdApiError(error: unknown): error is ShepherdApiError {
  return (
    error instanceof Error &&
    error.name === SHEPHERD_API_ERROR_NAME &&
    'status' in error
  );
}

/**
 * Whether an error is a Shepherd API error with the given code.
 *
 * @public
 */
export function hasShepherdErrorCode(
  error: unknown,
  code: ShepherdErrorCode,
): error is ShepherdApiError {
  return isShepherdApiError(error) && error.code === code;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
