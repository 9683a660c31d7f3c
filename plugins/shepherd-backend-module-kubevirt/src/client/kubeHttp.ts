import type { KubeConfig } from '@kubernetes/client-node';
import * as http from 'node:http';
import * as https from 'node:https';
import { CONTENT_TYPES } from '../constants';
import {
  KubernetesHttpError,
  KubernetesStatus,
  RequestTimeoutError,
  ResponseTooLargeError,
} from '../errors';

export type KubeRequestMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request the typed client-node APIs make awkward: apply patches, subresources. */
export interface KubeRequest {
  method: KubeRequestMethod;
  /** Absolute API path, e.g. `/apis/kubevirt.io/v1/namespaces/ns/virtualmachines/vm`. */
  path: string;
  query?: Record<string, string | undefined>;
  /** Sent as JSON (which is also valid YAML, so it serves apply patches too). */
  body?: unknown;
  contentType?: string;
}

export interface KubeResponse<T> {
  statusCode: number;
  body: T | undefined;
}

/** Cap on how much of an error answer is kept as its message. */
const MAX_ERROR_TEXT = 512;

/** The URL of an API path on a server whose URL may carry a path prefix (proxies, Rancher). */
export function apiUrl(
  server: string,
  path: string,
  query?: Record<string, string | undefined>,
): URL {
  const url = new URL(`${server.replace(/\/+$/, '')}${path}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url;
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function asStatus(body: unknown): KubernetesStatus | undefined {
  if (
    body &&
    typeof body === 'object' &&
    (body as KubernetesStatus).kind === 'Status'
  ) {
    return body as KubernetesStatus;
  }
  return undefined;
}

/** How much of an API server's answers Shepherd reads. */
export interface ResponseLimits {
  /** An answer that carries one object (get, the answer to a write), or one watch event. */
  objectBytes: number;
  /** One page of a list. */
  listBytes: number;
}

/**
 * Whether a path names a collection (`/api/v1/namespaces`,
 * `/apis/kubevirt.io/v1/namespaces/dev/virtualmachines`): a GET of it answers a list.
 * Anything below a collection is one object or its subresource.
 */
export function isCollectionPath(path: string): boolean {
  const segments = path.split('/').filter(Boolean);
  let rest: string[];
  if (segments[0] === 'api') rest = segments.slice(2);
  else if (segments[0] === 'apis') rest = segments.slice(3);
  else return false;
  if (rest[0] === 'namespaces' && rest.length >= 3) rest = rest.slice(2);
  return rest.length === 1;
}

/** The most Shepherd reads of the answer to a request (`path` without the server's prefix). */
export function responseLimitFor(
  method: string,
  path: string,
  limits: ResponseLimits,
): number {
  return method.toUpperCase() === 'GET' && isCollectionPath(path)
    ? limits.listBytes
    : limits.objectBytes;
}

/**
 * Reads an answer's body up to `maxBytes`. Past that (or when `Content-Length` announces
 * more) the response is destroyed at once, so its connection closes and nothing more of it is
 * read, and the promise rejects with a {@link ResponseTooLargeError}.
 */
export function readBoundedBody(
  response: http.IncomingMessage,
  maxBytes: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      reject(new ResponseTooLargeError(maxBytes));
      response.destroy();
    };
    const announced = Number(response.headers['content-length']);
    if (announced > maxBytes) {
      tooLarge();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        tooLarge();
        return;
      }
      chunks.push(chunk);
    });
    response.on('error', reject);
    response.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** An answer read in full (within its limit). */
export interface HttpAnswer {
  statusCode: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Sends one request and reads its answer up to `maxBytes`. `options` carry the TLS settings
 * and credentials (as options or an agent) and the signal that ends the request; an aborted
 * request rejects with the signal's reason.
 */
export function exchange(
  url: URL,
  options: https.RequestOptions & { signal: AbortSignal },
  payload: string | undefined,
  maxBytes: number,
): Promise<HttpAnswer> {
  const transport = url.protocol === 'http:' ? http : https;
  return new Promise<HttpAnswer>((resolve, reject) => {
    const fail = (error: Error) =>
      // An aborted request fails with a generic AbortError; the signal's reason says why.
      reject(options.signal.aborted ? options.signal.reason : error);
    const req = transport.request(url, options, res => {
      readBoundedBody(res, maxBytes).then(
        body =>
          resolve({
            statusCode: res.statusCode ?? 0,
            headers: res.headers,
            body,
          }),
        fail,
      );
    });
    req.on('error', fail);
    req.end(payload);
  });
}

/**
 * Sends one request with the kubeconfig's TLS settings and credentials
 * (`applyToHTTPSOptions`), giving up after `timeoutMs` and cutting off an answer beyond its
 * limit. A non-2xx answer rejects with a {@link KubernetesHttpError} that carries the
 * Kubernetes Status.
 */
export async function sendKubeRequest<T>(
  kubeConfig: KubeConfig,
  server: string,
  request: KubeRequest,
  options: { timeoutMs: number; limits: ResponseLimits },
): Promise<KubeResponse<T>> {
  const url = apiUrl(server, request.path, request.query);
  const payload =
    request.body === undefined ? undefined : JSON.stringify(request.body);
  const requestOptions: https.RequestOptions = {
    method: request.method,
    headers: {
      Accept: CONTENT_TYPES.json,
      ...(payload === undefined
        ? {}
        : {
            'Content-Type': request.contentType ?? CONTENT_TYPES.json,
            'Content-Length': Buffer.byteLength(payload),
          }),
    },
  };
  await kubeConfig.applyToHTTPSOptions(requestOptions);

  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new RequestTimeoutError(options.timeoutMs)),
    options.timeoutMs,
  );
  try {
    const answer = await exchange(
      url,
      { ...requestOptions, signal: deadline.signal },
      payload,
      responseLimitFor(request.method, request.path, options.limits),
    );
    const text = answer.body.toString('utf8');
    const body = parseJson(text);
    if (answer.statusCode >= 200 && answer.statusCode < 300) {
      return { statusCode: answer.statusCode, body: body as T | undefined };
    }
    throw new KubernetesHttpError(
      answer.statusCode,
      asStatus(body),
      text.slice(0, MAX_ERROR_TEXT).trim() || undefined,
    );
  } finally {
    clearTimeout(timer);
  }
}
