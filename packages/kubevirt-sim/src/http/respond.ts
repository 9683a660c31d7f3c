import { ServerResponse } from 'node:http';
import { Duplex } from 'node:stream';
import { ApiError, errors } from '../api/status';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-cache, private',
  });
  res.end(payload);
}

export function sendError(res: ServerResponse, error: unknown): void {
  const apiError =
    error instanceof ApiError
      ? error
      : errors.internal(String((error as Error)?.message ?? error));
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, apiError.code, apiError.toStatus());
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** An HTTP answer written straight to a socket that asked to be upgraded. */
export function answerRaw(
  socket: Duplex,
  status: number,
  contentType: string,
  body: string,
): void {
  if (socket.destroyed) return;
  const head = [
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}`,
    `Content-Type: ${contentType}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ].join('\r\n');
  socket.end(`${head}\r\n\r\n${body}`);
}

export function answerRawError(socket: Duplex, error: unknown): void {
  const apiError =
    error instanceof ApiError
      ? error
      : errors.internal(String((error as Error)?.message ?? error));
  answerRaw(
    socket,
    apiError.code,
    'application/json',
    JSON.stringify(apiError.toStatus()),
  );
}
