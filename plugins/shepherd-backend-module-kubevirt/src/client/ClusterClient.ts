import type {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  StorageV1Api,
  VersionApi,
} from '@kubernetes/client-node';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { ShepherdProviderError } from '@kubevirt-shepherd/plugin-shepherd-node';
import WebSocket from 'ws';
import {
  KubernetesHttpError,
  KubernetesStatus,
  toProviderError,
} from '../errors';
import { ClusterGuard } from './clusterGuard';
import {
  KubeRequest,
  KubeResponse,
  ResponseLimits,
  apiUrl,
  sendKubeRequest,
} from './kubeHttp';
import { OpenWatch, RawWatchEvent, openKubeWatch } from './kubeWatch';

/** The typed client-node APIs of one cluster. */
export interface ClusterApis {
  core: CoreV1Api;
  storage: StorageV1Api;
  custom: CustomObjectsApi;
  version: VersionApi;
}

const MAX_ERROR_TEXT = 512;

export type { OpenWatch, RawWatchEvent } from './kubeWatch';

/**
 * One cluster as the provider talks to it: client-node's typed APIs and plain requests
 * built from the same kubeconfig, every call passing through the cluster's guard
 * (concurrency limit, circuit breaker) and failing as a classified ShepherdProviderError.
 */
export class ClusterClient {
  constructor(
    /** Shown in error messages; never the kubeconfig. */
    readonly clusterName: string,
    private readonly kubeConfig: KubeConfig,
    private readonly server: string,
    private readonly apis: ClusterApis,
    private readonly guard: ClusterGuard,
    private readonly transport: { timeoutMs: number; limits: ResponseLimits },
  ) {}

  /** Runs a typed API call; `action` names it in the error, e.g. `Get VM ns/name`. */
  async call<T>(
    action: string,
    fn: (apis: ClusterApis) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.guard.run(() => fn(this.apis));
    } catch (error) {
      throw this.waitingForCircuit(
        toProviderError(error, `${action} on cluster ${this.clusterName}`),
      );
    }
  }

  /**
   * Opens a watch stream with the kubeconfig's credentials. Only the opening runs inside the
   * guard, as for websockets: a stream that stays open for minutes must not hold a slot of
   * the concurrency limit, but a cluster that refuses or drops new watches counts towards
   * its circuit breaker. Events reach `onEvent` in stream order.
   */
  async openWatch(
    action: string,
    path: string,
    query: Record<string, string | number | boolean | undefined>,
    onEvent: (event: RawWatchEvent) => void,
    signal: AbortSignal,
  ): Promise<OpenWatch> {
    return this.call(action, async () => {
      try {
        return await openKubeWatch(
          this.kubeConfig,
          this.server,
          path,
          query,
          onEvent,
          {
            signal,
            timeoutMs: this.transport.timeoutMs,
            maxEventBytes: this.transport.limits.objectBytes,
          },
        );
      } catch (error) {
        // Stopping is no failure of the cluster: not an error its breaker counts.
        if (signal.aborted) {
          throw new ShepherdProviderError('transient', 'The watch was stopped');
        }
        throw error;
      }
    });
  }

  /**
   * A transient failure after which the cluster's circuit is open (the failure that opened
   * it, or a failed trial) tells, like the calls the open circuit turns away, how long the
   * cluster is not asked again: callers wait for the circuit instead of retrying on their own.
   */
  private waitingForCircuit(
    error: ShepherdProviderError,
  ): ShepherdProviderError {
    const openForMs = this.guard.breaker.openForMs;
    if (
      error.kind !== 'transient' ||
      error.retryAfterMs !== undefined ||
      openForMs === 0
    ) {
      return error;
    }
    return new ShepherdProviderError(error.kind, error.message, {
      statusCode: error.statusCode,
      cause: error.cause,
      retryAfterMs: openForMs,
    });
  }

  /** Sends a plain request (apply patches, merge patches, KubeVirt subresources). */
  async request<T>(
    action: string,
    request: KubeRequest,
  ): Promise<KubeResponse<T>> {
    return this.call(action, () =>
      sendKubeRequest<T>(this.kubeConfig, this.server, request, this.transport),
    );
  }

  /**
   * Opens a websocket to an API path with the kubeconfig's TLS settings and credentials.
   * Only the handshake runs inside the guard: an open console must not hold a slot of the
   * concurrency limit for as long as someone looks at it. `attach` receives the socket as
   * soon as it exists, before the handshake: frames the server sends right after the
   * upgrade (often in the same TCP segment) are emitted before an awaiting caller could add
   * a listener, so whoever reads them must be listening from the start. Its result is the
   * answer once the socket is open. `mapRefusal` may turn a refused upgrade into a more
   * specific error before the breaker sees it. A frame larger than `maxFrameBytes` closes the
   * socket with 1009 (message too big) instead of being read.
   */
  async openWebSocket<T>(
    action: string,
    path: string,
    query: Record<string, string>,
    protocols: string[],
    maxFrameBytes: number,
    attach: (socket: WebSocket) => T,
    mapRefusal: (refusal: KubernetesHttpError) => Error = refusal => refusal,
  ): Promise<T> {
    return this.call(action, async () => {
      const url = apiUrl(this.server, path, query);
      url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:';
      const options: WebSocket.ClientOptions = {
        handshakeTimeout: this.transport.timeoutMs,
        perMessageDeflate: false,
        maxPayload: maxFrameBytes,
      };
      await this.kubeConfig.applyToHTTPSOptions(options);
      const socket = new WebSocket(url, protocols, options);
      const attached = attach(socket);
      try {
        await waitForOpen(socket);
      } catch (error) {
        throw error instanceof KubernetesHttpError ? mapRefusal(error) : error;
      }
      return attached;
    });
  }
}

function parseStatus(text: string): KubernetesStatus | undefined {
  try {
    const parsed = JSON.parse(text);
    return parsed?.kind === 'Status' ? (parsed as KubernetesStatus) : undefined;
  } catch {
    return undefined;
  }
}

function waitForOpen(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    function cleanup(): void {
      socket.off('open', onOpen);
      socket.off('error', onError);
      socket.off('unexpected-response', onRefused);
    }
    function onOpen(): void {
      cleanup();
      resolve();
    }
    function onError(error: Error): void {
      cleanup();
      reject(error);
    }
    function onRefused(
      request: ClientRequest,
      response: IncomingMessage,
    ): void {
      cleanup();
      // ws emits an error for the request destroyed below; the refusal is the answer.
      socket.on('error', () => {});
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const settle = () => {
        if (settled) return;
        settled = true;
        const text = Buffer.concat(chunks)
          .toString('utf8')
          .slice(0, MAX_ERROR_TEXT);
        reject(
          new KubernetesHttpError(
            response.statusCode ?? 0,
            parseStatus(text),
            text.trim() || undefined,
          ),
        );
        request.destroy();
      };
      response.on('data', (chunk: Buffer) => {
        // Only the start of a refusal becomes its message; the rest is not kept.
        if (size < MAX_ERROR_TEXT) chunks.push(chunk);
        size += chunk.length;
        if (size >= MAX_ERROR_TEXT) settle();
      });
      response.on('error', settle);
      response.on('end', settle);
      response.on('close', settle);
    }
    socket.on('open', onOpen);
    socket.on('error', onError);
    socket.on('unexpected-response', onRefused);
  });
}
