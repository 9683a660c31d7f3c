import {
  ShepherdProviderError,
  ShepherdProviderErrorKind,
} from '@kubevirt-shepherd/plugin-shepherd-node';

/** A Kubernetes `Status` answer, as the API server sends it with every error. */
export interface KubernetesStatus {
  kind?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
}

/** An answer of the API server with a non-2xx status, from the provider's plain requests. */
export class KubernetesHttpError extends Error {
  readonly statusCode: number;
  readonly status?: KubernetesStatus;

  constructor(statusCode: number, status?: KubernetesStatus, text?: string) {
    super(status?.message || text || `HTTP ${statusCode}`);
    this.name = 'KubernetesHttpError';
    this.statusCode = statusCode;
    this.status = status;
  }
}

/** A request that got no answer within the configured timeout. */
export class RequestTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'RequestTimeoutError';
  }
}

/**
 * An answer of the API server larger than Shepherd reads (`responseLimits` of the provider's
 * configuration): the connection is cut as soon as the limit is passed, so an oversized or
 * endless answer never sits in memory. Asking again gets the same answer, so it is no
 * transient failure; the cluster answered, so it is no failure of the cluster either.
 */
export class ResponseTooLargeError extends Error {
  constructor(
    readonly limitBytes: number,
    /** What was too large: `answer` or `watch event`. */
    readonly what: string = 'answer',
  ) {
    super(`the ${what} is larger than the ${limitBytes} bytes Shepherd reads`);
    this.name = 'ResponseTooLargeError';
  }
}

/**
 * Socket-level error codes that say "the cluster could not be reached right now": worth a
 * retry, and counted by the circuit breaker.
 */
const TRANSIENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ESOCKETTIMEDOUT',
  'ABORT_ERR',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
]);

/** Answers that say the server is overloaded or failing, not that the request was wrong. */
function isTransientHttpStatus(statusCode: number): boolean {
  return statusCode >= 500 || statusCode === 429;
}

function parseStatus(body: unknown): KubernetesStatus | undefined {
  if (typeof body === 'string') {
    try {
      return parseStatus(JSON.parse(body));
    } catch {
      return undefined;
    }
  }
  if (body && typeof body === 'object') {
    const candidate = body as KubernetesStatus;
    if (candidate.kind === 'Status' || typeof candidate.message === 'string') {
      return candidate;
    }
  }
  return undefined;
}

interface HttpFailure {
  statusCode: number;
  status?: KubernetesStatus;
}

/**
 * The HTTP status and Status body of a failed call: the provider's own
 * {@link KubernetesHttpError}, or client-node's `ApiException` (`code` and a `body` that is
 * the Status as JSON text).
 */
export function httpFailureOf(error: unknown): HttpFailure | undefined {
  if (error instanceof KubernetesHttpError) {
    return { statusCode: error.statusCode, status: error.status };
  }
  if (error && typeof error === 'object') {
    const candidate = error as { code?: unknown; body?: unknown };
    if (
      typeof candidate.code === 'number' &&
      candidate.code >= 100 &&
      candidate.code <= 599
    ) {
      return {
        statusCode: candidate.code,
        status: parseStatus(candidate.body),
      };
    }
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  if (error instanceof RequestTimeoutError) return true;
  const name = (error as { name?: unknown } | undefined)?.name;
  // Requests are only ever aborted by their timeout signal, so an abort is a timeout.
  return name === 'AbortError' || name === 'TimeoutError';
}

function networkCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  // node-fetch and undici wrap the socket error; look one level into the cause too.
  for (let depth = 0; depth < 3 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT_NETWORK_CODES.has(code)) {
      return code;
    }
    const errno = (current as { errno?: unknown }).errno;
    if (typeof errno === 'string' && TRANSIENT_NETWORK_CODES.has(errno)) {
      return errno;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The kind of a failure: what the caller should do about it. */
export function classifyError(error: unknown): ShepherdProviderErrorKind {
  if (error instanceof ShepherdProviderError) return error.kind;
  if (error instanceof ResponseTooLargeError) return 'permanent';
  const http = httpFailureOf(error);
  if (http) {
    if (http.statusCode === 409) return 'conflict';
    return isTransientHttpStatus(http.statusCode) ? 'transient' : 'permanent';
  }
  if (isTimeout(error) || networkCodeOf(error)) return 'transient';
  return 'permanent';
}

/**
 * Whether a failure says the cluster is unhealthy, which is what the circuit breaker counts:
 * no answer, a timeout, a 5xx or a 429. An answer such as 404, 409 or 422 means the cluster
 * works and refused this one request.
 */
export function isClusterFailure(error: unknown): boolean {
  if (error instanceof ShepherdProviderError) return false;
  if (error instanceof ResponseTooLargeError) return false;
  const http = httpFailureOf(error);
  if (http) return isTransientHttpStatus(http.statusCode);
  return isTimeout(error) || networkCodeOf(error) !== undefined;
}

function describe(error: unknown): string {
  const http = httpFailureOf(error);
  if (http) {
    const reason = http.status?.reason ? ` ${http.status.reason}` : '';
    const message = http.status?.message ? `: ${http.status.message}` : '';
    return `HTTP ${http.statusCode}${reason}${message}`;
  }
  if (isTimeout(error)) {
    return error instanceof RequestTimeoutError
      ? `timed out (${error.message})`
      : 'timed out';
  }
  if (error instanceof ResponseTooLargeError) return error.message;
  const code = networkCodeOf(error);
  if (code) return `cluster unreachable (${code})`;
  // Anything else is shown by its class only: messages of configuration and parser errors
  // can quote the kubeconfig they choked on.
  const name = (error as { name?: unknown } | undefined)?.name;
  return `unexpected ${typeof name === 'string' ? name : 'error'}`;
}

/**
 * The error a provider method throws for a failed cluster call: classified for retries,
 * with the HTTP status and Kubernetes' own message, and never the request (which carries the
 * credentials) as its cause.
 */
export function toProviderError(
  error: unknown,
  action: string,
): ShepherdProviderError {
  if (error instanceof ShepherdProviderError) return error;
  return new ShepherdProviderError(
    classifyError(error),
    `${action} failed: ${describe(error)}`,
    { statusCode: httpFailureOf(error)?.statusCode },
  );
}
