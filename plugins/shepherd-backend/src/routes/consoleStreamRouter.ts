import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  CONSOLE_PROTOCOL_PREFIXES,
  CONSOLE_WEBSOCKET_PROTOCOL,
  normalizeEntityRef,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { IncomingMessage, STATUS_CODES, Server } from 'node:http';
import { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import { ConsoleRefusal } from '../service/console/ConsoleRefusal';
import { ConsoleSessionRelay } from '../service/console/ConsoleSessionRelay';

/** The relay's websocket route, relative to the plugin's base path. */
export const CONSOLE_STREAM_ROUTE = '/v1/vms/:vmId/console/stream';
const STREAM_PATH = /^\/v1\/vms\/([^/]+)\/console\/stream$/;

/**
 * The largest frame a browser may send. noVNC, the portal's RFB client, queues what it sends
 * in a 10 KiB buffer and sends it in frames of at most that; RFB's client messages (keys,
 * pointer, update requests, clipboard text in 10 KiB pieces) never need more. 64 KiB leaves
 * room for any sane client. A larger frame closes the socket with 1009 (message too big) and
 * ends the session. What the VM sends (framebuffer updates) is bounded by the provider.
 */
export const CONSOLE_MAX_BROWSER_FRAME_BYTES = 64 * 1024;

/** The subprotocols of a websocket request, as offered (comma-separated, possibly repeated). */
function offeredProtocols(req: IncomingMessage): string[] {
  return (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map(protocol => protocol.trim())
    .filter(Boolean);
}

function protocolValue(protocols: string[], prefix: string) {
  return protocols
    .find(protocol => protocol.startsWith(prefix))
    ?.slice(prefix.length);
}

/** Answers a websocket request that is not upgraded, and closes its connection. */
function refuse(socket: Duplex, status: number, message: string) {
  const body = JSON.stringify({ error: { message } });
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}

/**
 * The console relay's websocket endpoint. Browsers cannot send an Authorization header on
 * a websocket, so the route is unauthenticated for Backstage's barrier and authenticates
 * itself: the user's Backstage token and the console session token arrive as subprotocols
 * (never in the URL, which access logs keep).
 *
 * The root HTTP server has no `upgrade` listener, so upgrade requests reach this Express
 * route like any request. Another plugin may add such a listener later (signals does, on its
 * first websocket); from then on upgrades no longer reach Express, and the router listens to
 * the server's upgrades itself, for its own path only.
 */
export function createConsoleStreamRouter(deps: {
  auth: AuthService;
  relay: ConsoleSessionRelay;
  logger: LoggerService;
}): express.Router {
  const { auth, relay, logger } = deps;
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: CONSOLE_MAX_BROWSER_FRAME_BYTES,
    handleProtocols: protocols =>
      protocols.has(CONSOLE_WEBSOCKET_PROTOCOL)
        ? CONSOLE_WEBSOCKET_PROTOCOL
        : false,
  });

  async function userOf(protocols: string[]): Promise<string> {
    const encoded = protocolValue(
      protocols,
      CONSOLE_PROTOCOL_PREFIXES.backstageToken,
    );
    const token = encoded && Buffer.from(encoded, 'base64url').toString('utf8');
    if (!token) {
      throw new ConsoleRefusal(401, 'Sign in to open the console');
    }
    try {
      const credentials = await auth.authenticate(token);
      if (auth.isPrincipal(credentials, 'user')) {
        return normalizeEntityRef(credentials.principal.userEntityRef);
      }
    } catch {
      // Refused below, without the reason: it could describe the token.
    }
    throw new ConsoleRefusal(401, 'Sign in to open the console');
  }

  async function handle(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    vmId: string,
  ): Promise<void> {
    try {
      if (req.headers.upgrade?.toLowerCase() !== 'websocket') {
        refuse(socket, 426, 'The console is a websocket');
        return;
      }
      const protocols = offeredProtocols(req);
      const token = protocolValue(protocols, CONSOLE_PROTOCOL_PREFIXES.token);
      if (!token || !protocols.includes(CONSOLE_WEBSOCKET_PROTOCOL)) {
        throw new ConsoleRefusal(
          401,
          `Offer the subprotocols ${CONSOLE_WEBSOCKET_PROTOCOL} and ${CONSOLE_PROTOCOL_PREFIXES.token}<token>`,
        );
      }
      const userRef = await userOf(protocols);
      await relay.serve(
        { token, vmId, userRef },
        () =>
          new Promise<WebSocket>(resolve =>
            wss.handleUpgrade(req, socket, head, resolve),
          ),
      );
    } catch (error) {
      if (error instanceof ConsoleRefusal) {
        refuse(socket, error.status, error.message);
        return;
      }
      logger.error(`The console relay failed: ${error}`);
      if (socket.writable) refuse(socket, 500, 'The console relay failed');
      else socket.destroy();
    }
  }

  let listeningTo: Server | undefined;
  /**
   * Listens to the server's upgrades once another listener took them away from Express.
   * Seen from any request of this plugin, e.g. the one that created the console session.
   */
  function followServerUpgrades(req: Request) {
    const server = (req.socket as unknown as { server?: Server }).server;
    if (!server || server === listeningTo) return;
    if (server.listenerCount('upgrade') === 0) return;
    listeningTo = server;
    const basePath = req.baseUrl;
    server.on(
      'upgrade',
      (upgrade: IncomingMessage, socket: Duplex, head: Buffer) => {
        const path = new URL(upgrade.url ?? '/', 'http://relay').pathname;
        if (!path.startsWith(`${basePath}/`)) return;
        const match = STREAM_PATH.exec(path.slice(basePath.length));
        if (match)
          void handle(upgrade, socket, head, decodeURIComponent(match[1]));
      },
    );
  }

  const router = Router();
  router.use((req, _res, next) => {
    followServerUpgrades(req);
    next();
  });
  router.get(CONSOLE_STREAM_ROUTE, async (req, res) => {
    if (req.headers.upgrade === undefined) {
      res
        .status(426)
        .json({ error: { message: 'The console is a websocket' } });
      return;
    }
    // The request is taken over as a websocket; Express answers nothing.
    await handle(req, req.socket, Buffer.alloc(0), req.params.vmId);
  });
  return router;
}
