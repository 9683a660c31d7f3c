import type { KubeConfig } from '@kubernetes/client-node';
import * as http from 'node:http';
import * as https from 'node:https';
import { CONTENT_TYPES } from '../constants';
import {
  KubernetesHttpError,
  KubernetesStatus,
  RequestTimeoutError,
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

/**
 * Sends one request with the kubeconfig's TLS settings and credentials
 * (`applyToHTTPSOptions`), giving up after `timeoutMs`. A non-2xx answer rejects with a
 * {@link KubernetesHttpError} that carries the Kubernetes Status.
 */
export async function sendKubeRequest<T>(
  kubeConfig: KubeConfig,
  server: string,
  request: KubeRequest,
  timeoutMs: number,
): Promise<KubeResponse<T>> {
  const url = apiUrl(server, request.path, request.query);
  const payload =
    request.body === undefined ? undefined : JSON.stringify(request.body);
  const options: https.RequestOptions = {
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
  await kubeConfig.applyToHTTPSOptions(options);
  const transport = url.protocol === 'http:' ? http : https;

  return new Promise<KubeResponse<T>>((resolve, reject) => {
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new RequestTimeoutError(timeoutMs)),
      timeoutMs,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      // An aborted request fails with a generic AbortError; the deadline says why.
      reject(deadline.signal.aborted ? deadline.signal.reason : error);
    };
    const req = transport.request(
      url,
      { ...options, signal: deadline.signal },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.on('end', () => {
          clearTimeout(timer);
          const statusCode = res.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString('utf8');
          const body = parseJson(text);
          if (statusCode >= 200 && statusCode < 300) {
            resolve({ statusCode, body: body as T | undefined });
          } else {
            reject(
              new KubernetesHttpError(
                statusCode,
                asStatus(body),
                text.slice(0, MAX_ERROR_TEXT).trim() || undefined,
              ),
            );
          }
        });
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}
