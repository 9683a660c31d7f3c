import { KubeConfig } from '@kubernetes/client-node';
import { once } from 'node:events';
import * as http from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import {
  KubernetesHttpError,
  RequestTimeoutError,
  ResponseTooLargeError,
} from '../errors';
import { RawWatchEvent, openKubeWatch } from './kubeWatch';

/*
 * The watch stream against a plain HTTP server the test controls: what it answers, when, and
 * whether the client's connection is gone afterwards.
 */

let server: http.Server;
let serverUrl: string;
let handle: (req: http.IncomingMessage, res: http.ServerResponse) => void;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    // The client going away mid-answer is what several tests do.
    req.on('error', () => {});
    res.on('error', () => {});
    handle(req, res);
  });
  server.on('connection', socket => {
    socket.on('error', () => {});
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  sockets.forEach(socket => socket.destroy());
  server.close();
  await once(server, 'close');
});

function kubeConfig(): KubeConfig {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'c', server: serverUrl, skipTLSVerify: true }],
    users: [{ name: 'u', token: 'a-token' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return config;
}

/** Resolves once the server has no open connection left. */
async function connectionsClosed() {
  // Not events.once: a socket the client reset emits 'error' before 'close'.
  while (sockets.size > 0) {
    await Promise.all(
      [...sockets].map(
        socket => new Promise(resolve => socket.once('close', resolve)),
      ),
    );
  }
}

const MAX_EVENT_BYTES = 8 * 1024 * 1024;

const open = (
  onEvent: (event: RawWatchEvent) => void = () => {},
  options: {
    signal?: AbortSignal;
    timeoutMs?: number;
    maxEventBytes?: number;
  } = {},
) =>
  openKubeWatch(
    kubeConfig(),
    serverUrl,
    '/apis/kubevirt.io/v1/virtualmachines',
    { resourceVersion: '7', allowWatchBookmarks: true },
    onEvent,
    {
      signal: options.signal ?? new AbortController().signal,
      timeoutMs: options.timeoutMs ?? 60_000,
      maxEventBytes: options.maxEventBytes ?? MAX_EVENT_BYTES,
    },
  );

describe('openKubeWatch', () => {
  it('asks for a watch with the credentials and streams its events line by line', async () => {
    const asked = new Promise<http.IncomingMessage>(resolve => {
      handle = (req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const added = JSON.stringify({
          type: 'ADDED',
          object: { metadata: { name: 'a', resourceVersion: '8' } },
        });
        // One event split across two chunks, then two in one.
        res.write(added.slice(0, 10));
        res.write(`${added.slice(10)}\n`);
        res.write(
          `${JSON.stringify({
            type: 'BOOKMARK',
            object: { metadata: { resourceVersion: '9' } },
          })}\n${JSON.stringify({
            type: 'DELETED',
            object: { metadata: { name: 'a' } },
          })}\n`,
        );
        resolve(req);
      };
    });
    const events: RawWatchEvent[] = [];
    const watch = await open(event => events.push(event));
    const req = await asked;
    expect(req.url).toBe(
      '/apis/kubevirt.io/v1/virtualmachines?resourceVersion=7&allowWatchBookmarks=true&watch=true',
    );
    expect(req.headers.authorization).toBe('Bearer a-token');
    while (events.length < 3) await new Promise(setImmediate);
    expect(events.map(event => event.type)).toEqual([
      'ADDED',
      'BOOKMARK',
      'DELETED',
    ]);

    watch.abort();
    expect(await watch.closed).toMatchObject({ name: 'AbortError' });
    await connectionsClosed();
  });

  it('ends with the stream when the server closes it', async () => {
    handle = (_req, res) => {
      res.writeHead(200);
      res.end(`${JSON.stringify({ type: 'ADDED', object: {} })}\n`);
    };
    const events: RawWatchEvent[] = [];
    const watch = await open(event => events.push(event));
    expect(await watch.closed).toBeUndefined();
    expect(events).toHaveLength(1);
  });

  it('rejects a refusal with the Status the server answered', async () => {
    handle = (_req, res) => {
      res.writeHead(403, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'Status',
          reason: 'Forbidden',
          message: 'virtualmachines is forbidden: cannot watch',
          code: 403,
        }),
      );
    };
    const refused = await open().catch(error => error);
    expect(refused).toBeInstanceOf(KubernetesHttpError);
    expect(refused).toMatchObject({ statusCode: 403 });
    expect(refused.status).toMatchObject({ reason: 'Forbidden' });
  });

  it('gives up a server that never answers, and leaves no connection behind', async () => {
    const arrived = new Promise<void>(resolve => {
      handle = () => resolve();
    });
    const opening = open(undefined, { timeoutMs: 50 }).catch(error => error);
    await arrived;
    expect(await opening).toBeInstanceOf(RequestTimeoutError);
    await connectionsClosed();
  });

  it('is stopped by its signal while it waits for an answer, and leaves no connection behind', async () => {
    const stop = new AbortController();
    const arrived = new Promise<void>(resolve => {
      handle = () => resolve();
    });
    const opening = open(undefined, { signal: stop.signal }).catch(
      error => error,
    );
    await arrived;
    stop.abort();
    expect(await opening).toMatchObject({ name: 'AbortError' });
    await connectionsClosed();
  });

  it('cuts a stream whose event grows beyond any real object', async () => {
    handle = (_req, res) => {
      res.writeHead(200);
      // No newline ever comes: a broken or hostile server.
      const chunk = 'x'.repeat(1024 * 1024);
      for (let i = 0; i < 9; i += 1) res.write(chunk);
    };
    const watch = await open();
    expect(await watch.closed).toMatchObject({
      message: expect.stringContaining('larger than'),
    });
    await connectionsClosed();
  });

  it('cuts a stream at an event beyond its limit, also when the event arrives whole', async () => {
    const small = JSON.stringify({ type: 'ADDED', object: { n: 1 } });
    handle = (_req, res) => {
      res.writeHead(200);
      // One chunk: an event within the limit, then one twice the limit, newline and all.
      res.write(
        `${small}\n${JSON.stringify({
          type: 'ADDED',
          object: { bulk: 'x'.repeat(2048) },
        })}\n`,
      );
    };
    const events: RawWatchEvent[] = [];
    const watch = await open(event => events.push(event), {
      maxEventBytes: 1024,
    });
    const ended = await watch.closed;
    expect(ended).toBeInstanceOf(ResponseTooLargeError);
    expect(ended?.message).toBe(
      'the watch event is larger than the 1024 bytes Shepherd reads',
    );
    expect(events).toEqual([JSON.parse(small)]);
    await connectionsClosed();
  });

  it('keeps a character whose bytes arrive in two chunks', async () => {
    const line = Buffer.from(
      `${JSON.stringify({ type: 'ADDED', object: { name: 'größe' } })}\n`,
    );
    const split = line.indexOf(Buffer.from('ö')) + 1;
    handle = (_req, res) => {
      res.writeHead(200);
      res.write(line.subarray(0, split));
      setImmediate(() => res.end(line.subarray(split)));
    };
    const events: RawWatchEvent[] = [];
    const watch = await open(event => events.push(event));
    expect(await watch.closed).toBeUndefined();
    expect(events).toEqual([{ type: 'ADDED', object: { name: 'größe' } }]);
  });
});
