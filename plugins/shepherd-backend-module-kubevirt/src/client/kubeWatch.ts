import type { KubeConfig } from '@kubernetes/client-node';
import * as http from 'node:http';
import * as https from 'node:https';
import { CONTENT_TYPES } from '../constants';
import {
  KubernetesHttpError,
  RequestTimeoutError,
  ResponseTooLargeError,
} from '../errors';
import { apiUrl, asStatus, parseJson } from './kubeHttp';

/** One raw watch event as the API server streams it. */
export interface RawWatchEvent {
  type: string;
  object: unknown;
}

/** An open watch stream: `closed` settles when it ends, with the error if it failed. */
export interface OpenWatch {
  closed: Promise<Error | undefined>;
  abort(): void;
}

/** Cap on how much of a refusal's answer is read and kept as its message. */
const MAX_ERROR_BYTES = 64 * 1024;
const MAX_ERROR_TEXT = 512;
const NEWLINE = 0x0a;

/**
 * Opens a watch (`?watch=true`) with the kubeconfig's TLS settings and credentials
 * (`applyToHTTPSOptions`) and streams its events, one JSON object per line, to `onEvent`.
 * Resolves once the server answered 200; rejects with a {@link KubernetesHttpError} (its
 * Status read from at most 64 KiB of the answer) when it refused, or with a
 * {@link RequestTimeoutError} when no answer came within `timeoutMs`. An event (one line)
 * longer than `maxEventBytes` ends the stream with a {@link ResponseTooLargeError} as soon as
 * that many bytes of it arrived: the line is never held whole. The request belongs to
 * this function from the first byte: `signal`, the deadline and `abort()` all end the very
 * connection, so a server that never answers leaves no socket behind.
 */
export async function openKubeWatch(
  kubeConfig: KubeConfig,
  server: string,
  path: string,
  query: Record<string, string | number | boolean | undefined>,
  onEvent: (event: RawWatchEvent) => void,
  options: { signal: AbortSignal; timeoutMs: number; maxEventBytes: number },
): Promise<OpenWatch> {
  const url = apiUrl(server, path, {
    ...Object.fromEntries(
      Object.entries(query).map(([key, value]) => [
        key,
        value === undefined ? undefined : String(value),
      ]),
    ),
    watch: 'true',
  });
  const requestOptions: https.RequestOptions = {
    method: 'GET',
    headers: { Accept: CONTENT_TYPES.json },
  };
  await kubeConfig.applyToHTTPSOptions(requestOptions);
  const transport = url.protocol === 'http:' ? http : https;
  options.signal.throwIfAborted();

  const connection = new AbortController();
  const stopWith = () => connection.abort(options.signal.reason);
  options.signal.addEventListener('abort', stopWith);
  const deadline = setTimeout(
    () => connection.abort(new RequestTimeoutError(options.timeoutMs)),
    options.timeoutMs,
  );
  const release = () => {
    clearTimeout(deadline);
    options.signal.removeEventListener('abort', stopWith);
  };

  return new Promise<OpenWatch>((resolve, reject) => {
    let answered = false;
    const failToOpen = (error: Error) => {
      // Once answered, the stream's own handlers report what happens to the connection.
      if (answered) return;
      release();
      reject(connection.signal.aborted ? connection.signal.reason : error);
    };
    const request = transport.request(
      url,
      { ...requestOptions, signal: connection.signal },
      response => {
        answered = true;
        clearTimeout(deadline);
        const statusCode = response.statusCode ?? 0;
        if (statusCode !== 200) {
          readRefusal(response).then(
            text => {
              release();
              reject(
                new KubernetesHttpError(
                  statusCode,
                  asStatus(parseJson(text)),
                  text.slice(0, MAX_ERROR_TEXT).trim() || undefined,
                ),
              );
            },
            error => {
              release();
              reject(error);
            },
          );
          return;
        }
        let settle: (error: Error | undefined) => void = () => {};
        const closed = new Promise<Error | undefined>(done => {
          settle = error => {
            release();
            done(error);
          };
        });
        let oversized = false;
        /** The start of the line that has not ended yet, and its size in bytes. */
        let pending: Buffer[] = [];
        let pendingBytes = 0;
        const deliver = (line: Buffer) => {
          const event = parseJson(line.toString('utf8')) as
            | RawWatchEvent
            | undefined;
          if (event && typeof event.type === 'string') onEvent(event);
        };
        response.on('data', (chunk: Buffer) => {
          let start = 0;
          while (!oversized && start < chunk.length) {
            const end = chunk.indexOf(NEWLINE, start);
            const piece = chunk.subarray(start, end === -1 ? undefined : end);
            if (pendingBytes + piece.length > options.maxEventBytes) {
              oversized = true;
              pending = [];
              connection.abort();
              return;
            }
            if (end === -1) {
              pending.push(piece);
              pendingBytes += piece.length;
              return;
            }
            const line = Buffer.concat([...pending, piece]);
            pending = [];
            pendingBytes = 0;
            start = end + 1;
            deliver(line);
          }
        });
        // The reset that follows a stream closed on purpose is no failure of the stream.
        const ending = (error: Error | undefined): Error | undefined => {
          if (oversized) {
            return new ResponseTooLargeError(
              options.maxEventBytes,
              'watch event',
            );
          }
          return connection.signal.aborted ? connection.signal.reason : error;
        };
        response.on('error', error => settle(ending(error)));
        response.on('close', () => settle(ending(undefined)));
        resolve({ closed, abort: () => connection.abort() });
      },
    );
    request.on('error', failToOpen);
    request.end();
  });
}

/** The start of a refusal's answer; the connection is closed once that much arrived. */
function readRefusal(response: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () =>
      resolve(
        Buffer.concat(chunks).subarray(0, MAX_ERROR_BYTES).toString('utf8'),
      );
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= MAX_ERROR_BYTES) {
        done();
        response.destroy();
      }
    });
    response.on('error', reject);
    response.on('end', done);
  });
}
