import { createServer, Server } from 'node:https';
import { Socket } from 'node:net';
import { Router } from './router';

export interface ListenOptions {
  host: string;
  port: number;
  certPem: string;
  keyPem: string;
}

/**
 * The HTTPS listener. Knows its sockets so it can become unreachable on demand (stop
 * listening and cut open connections) and come back on the same port.
 */
export class SimulatorServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private port = 0;
  private listening = false;

  constructor(private readonly options: ListenOptions, router: Router) {
    this.server = createServer(
      { cert: options.certPem, key: options.keyPem },
      (req, res) => {
        void router.handleRequest(req, res);
      },
    );
    this.server.on('upgrade', (req, socket, head) => {
      void router.handleUpgrade(req, socket, head);
    });
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    // A client that goes away mid-handshake is not the simulator's problem.
    this.server.on('tlsClientError', () => {});
    this.server.on('clientError', (_error, socket) => socket.destroy());
    // kubectl and client-node keep connections alive between requests.
    this.server.keepAliveTimeout = 60_000;
  }

  get boundPort(): number {
    return this.port;
  }

  get isListening(): boolean {
    return this.listening;
  }

  listen(): Promise<number> {
    const wanted = this.port || this.options.port;
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.server.once('error', onError);
      this.server.listen(wanted, this.options.host, () => {
        this.server.off('error', onError);
        const address = this.server.address();
        this.port =
          typeof address === 'object' && address ? address.port : wanted;
        this.listening = true;
        resolve(this.port);
      });
    });
  }

  /** Stops accepting and destroys every open connection. */
  stopListening(): Promise<void> {
    if (!this.listening) return Promise.resolve();
    this.listening = false;
    return new Promise(resolve => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
      this.sockets.clear();
    });
  }
}
