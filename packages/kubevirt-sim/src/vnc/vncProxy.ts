import { IncomingMessage } from 'node:http';
import { Socket, connect } from 'node:net';
import { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { virtualMachineInstances } from '../api/resources';
import { ApiError, errors } from '../api/status';
import { VNC_SESSION_IN_USE_MESSAGE, VNC_SUBPROTOCOL } from '../constants';
import { ObjectStore } from '../store/objectStore';
import { VncServers } from './vncServers';

/** Close codes the simulator uses on console websockets. */
export const VNC_CLOSE_CODES = {
  /** A newer connection took the console over (no `preserveSession`). */
  takenOver: 4000,
  /** The VMI stopped. */
  vmiStopped: 4001,
  /** The VNC server went away. */
  serverGone: 4002,
} as const;

/** Above this many buffered bytes towards the client, reading from the VNC server pauses. */
const HIGH_WATER_MARK = 1 << 20;

export type RawHttpAnswer = (
  status: number,
  contentType: string,
  body: string,
) => void;

/**
 * KubeVirt's VNC subresource: a websocket carrying the raw RFB stream of the VMI's
 * console (here: a real Xtigervnc per VMI), with `plain.kubevirt.io` echoed, one
 * session per VMI — a new connection disconnects the old one unless it asked for
 * `preserveSession=true`, which is then refused like virt-api does (503, text).
 */
export class VncProxy {
  private readonly wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    // Echo the subprotocol browsers must offer; upgrade anyway when none is offered.
    handleProtocols: protocols =>
      protocols.has(VNC_SUBPROTOCOL) ? VNC_SUBPROTOCOL : false,
  });
  private readonly sessions = new Map<string, { ws: WebSocket; tcp: Socket }>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: ObjectStore,
    readonly servers: VncServers,
  ) {
    // Consoles end with their VMI: stop sessions and servers when it stops running.
    this.unsubscribe = store.subscribe(event => {
      if (event.resource !== virtualMachineInstances) return;
      const key = `${event.object.metadata.namespace}/${event.object.metadata.name}`;
      const running =
        event.type !== 'DELETED' &&
        event.object.status?.phase === 'Running' &&
        !event.object.metadata.deletionTimestamp;
      if (!running)
        this.end(key, VNC_CLOSE_CODES.vmiStopped, 'VMI is not running');
    });
  }

  /** Number of open console sessions, for tests and the CLI. */
  get activeSessions(): number {
    return this.sessions.size;
  }

  private end(key: string, code: number, reason: string): void {
    const session = this.sessions.get(key);
    if (session) {
      this.sessions.delete(key);
      session.tcp.destroy();
      if (session.ws.readyState === WebSocket.OPEN)
        session.ws.close(code, reason);
    }
    if (this.servers.isRunning(key)) void this.servers.stop(key);
  }

  /**
   * Checks the VMI and the session rules; throws an ApiError (answered as a Status) or
   * calls `refuse` for virt-api's plain-text answers. Otherwise upgrades and bridges.
   */
  async handle(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    namespace: string,
    name: string,
    preserveSession: boolean,
    refuse: RawHttpAnswer,
  ): Promise<void> {
    const vmi = this.store.get(virtualMachineInstances, namespace, name);
    if (!vmi) throw errors.notFound(virtualMachineInstances, name);
    if (vmi.status?.phase !== 'Running' || vmi.metadata.deletionTimestamp) {
      throw errors.badRequest('VMI is not running');
    }
    if (!this.servers.available) {
      throw new ApiError(
        503,
        'ServiceUnavailable',
        "VNC is not available in this simulator: the Xtigervnc binary was not found. Install Debian's tigervnc-standalone-server (packages/kubevirt-sim/scripts/ensure-vnc.sh) or set SHEPHERD_XTIGERVNC_PATH.",
      );
    }
    const key = `${namespace}/${name}`;
    if (preserveSession && this.sessions.has(key)) {
      refuse(503, 'text/plain; charset=utf-8', VNC_SESSION_IN_USE_MESSAGE);
      return;
    }
    let port: number;
    try {
      ({ port } = await this.servers.acquire(
        key,
        name,
        `KubeVirt Shepherd simulator\n\nVirtualMachineInstance ${namespace}/${name}\nnode ${
          vmi.status?.nodeName ?? '-'
        }  ip ${vmi.status?.interfaces?.[0]?.ipAddress ?? '-'}`,
      ));
    } catch (error) {
      throw errors.internal(
        `can't start the VNC server: ${(error as Error).message}`,
      );
    }
    const tcp = await new Promise<Socket>((resolve, reject) => {
      const connection = connect(port, '127.0.0.1');
      connection.once('connect', () => resolve(connection));
      connection.once('error', reject);
    }).catch(error => {
      throw errors.internal(
        `can't connect to the VNC server: ${(error as Error).message}`,
      );
    });
    if (socket.destroyed) {
      tcp.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, ws => this.bridge(key, ws, tcp));
  }

  private bridge(key: string, ws: WebSocket, tcp: Socket): void {
    const previous = this.sessions.get(key);
    if (previous) {
      this.sessions.delete(key);
      previous.tcp.destroy();
      previous.ws.close(
        VNC_CLOSE_CODES.takenOver,
        'VNC session taken over by a new connection',
      );
    }
    const session = { ws, tcp };
    this.sessions.set(key, session);
    const finish = () => {
      if (this.sessions.get(key) === session) this.sessions.delete(key);
      tcp.destroy();
      if (
        ws.readyState === WebSocket.OPEN ||
        ws.readyState === WebSocket.CONNECTING
      ) {
        ws.close(
          VNC_CLOSE_CODES.serverGone,
          'VNC server closed the connection',
        );
      }
    };
    tcp.on('data', chunk => {
      ws.send(chunk, { binary: true });
      if (ws.bufferedAmount > HIGH_WATER_MARK) {
        tcp.pause();
        const drain = setInterval(() => {
          if (
            ws.bufferedAmount <= HIGH_WATER_MARK ||
            ws.readyState !== WebSocket.OPEN
          ) {
            clearInterval(drain);
            tcp.resume();
          }
        }, 10);
      }
    });
    tcp.on('close', finish);
    tcp.on('error', finish);
    ws.on('message', data => {
      const chunks = Array.isArray(data)
        ? data
        : [Buffer.from(data as ArrayBuffer)];
      for (const chunk of chunks) tcp.write(chunk);
    });
    ws.on('close', () => {
      if (this.sessions.get(key) === session) this.sessions.delete(key);
      tcp.destroy();
    });
    ws.on('error', () => tcp.destroy());
  }

  async close(): Promise<void> {
    this.unsubscribe();
    for (const key of [...this.sessions.keys()])
      this.end(key, 1001, 'simulator shutting down');
    for (const client of this.wss.clients) client.terminate();
    await this.servers.stopAll();
    await new Promise<void>(resolve => this.wss.close(() => resolve()));
  }
}
