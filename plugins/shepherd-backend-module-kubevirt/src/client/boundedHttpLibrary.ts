import type { HttpLibrary, RequestContext } from '@kubernetes/client-node';
import type { IncomingHttpHeaders } from 'node:http';
import type { ClientNodeModule } from './clientNode';
import { ResponseLimits, exchange, responseLimitFor } from './kubeHttp';

function headersOf(headers: IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) {
      result[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return result;
}

/**
 * The transport of client-node's typed APIs. Its default (node-fetch) buffers an answer of
 * any size before it is parsed; this one sends the request the same way (the agent that
 * carries the kubeconfig's TLS settings, the headers with its credentials, the signal of the
 * request's deadline) and reads the answer only up to its limit, cutting the connection as
 * soon as more arrives. `serverPath` is the path prefix of the server's URL (a proxy such as
 * Rancher's), left out when the request path is classified as list or object.
 */
export function boundedHttpLibrary(
  k8s: ClientNodeModule,
  serverPath: string,
  limits: ResponseLimits,
): HttpLibrary {
  const prefix = serverPath.replace(/\/+$/, '');
  return k8s.wrapHttpLibrary({
    async send(request: RequestContext) {
      const url = new URL(request.getUrl());
      const method = request.getHttpMethod().toString();
      const body = request.getBody();
      if (body !== undefined && typeof body !== 'string') {
        // The typed APIs send JSON text; forms are for file uploads no call here makes.
        throw new Error('Only JSON request bodies are supported');
      }
      const path = url.pathname.startsWith(prefix)
        ? url.pathname.slice(prefix.length)
        : url.pathname;
      const headers: Record<string, string | number> = {
        ...request.getHeaders(),
      };
      if (body !== undefined)
        headers['Content-Length'] = Buffer.byteLength(body);
      const answer = await exchange(
        url,
        {
          method,
          headers,
          agent: request.getAgent(),
          signal: request.getSignal() ?? new AbortController().signal,
        },
        body,
        responseLimitFor(method, path, limits),
      );
      return new k8s.ResponseContext(
        answer.statusCode,
        headersOf(answer.headers),
        new k8s.SelfDecodingBody(Promise.resolve(answer.body)),
      );
    },
  });
}
