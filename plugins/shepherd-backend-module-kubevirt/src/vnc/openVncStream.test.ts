import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { stringify } from 'yaml';
import { connectionTo, createProvider } from '../__testUtils__/simulator';
import { VNC_MAX_FRAME_BYTES } from '../constants';

/*
 * What the VNC opener sends, seen from a bare websocket server: the path of the VMI's `vnc`
 * subresource, `preserveSession`, the kubeconfig's bearer token and the `plain.kubevirt.io`
 * subprotocol — which KubeVirt's virt-api needs and the simulator does not insist on. The
 * server sends its RFB version the moment the upgrade completes, as a VNC server does; that
 * frame reaches the client together with the upgrade answer and must not be lost.
 */

const TOKEN = 'vnc-test-token';

describe('openVncStream', () => {
  let server: Server;
  let wss: WebSocketServer;
  let kubeconfig: string;
  const upgrades: IncomingMessage[] = [];
  /** How the server's side of each connection closed. */
  const serverCloses: Array<Promise<number>> = [];

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(404);
      res.end();
    });
    wss = new WebSocketServer({
      server,
      handleProtocols: protocols =>
        protocols.has('plain.kubevirt.io') ? 'plain.kubevirt.io' : false,
    });
    wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
      upgrades.push(request);
      serverCloses.push(
        new Promise(resolve => socket.once('close', code => resolve(code))),
      );
      socket.send(Buffer.from('RFB 003.008\n'));
      socket.on('message', data =>
        // Asked to, it sends a frame beyond what the provider reads.
        data.toString() === 'flood'
          ? socket.send(Buffer.alloc(VNC_MAX_FRAME_BYTES + 1))
          : socket.send(data as Buffer),
      );
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    kubeconfig = stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'c',
          // client-node sends plain HTTP only with TLS verification turned off.
          cluster: {
            server: `http://127.0.0.1:${port}`,
            'insecure-skip-tls-verify': true,
          },
        },
      ],
      users: [{ name: 'u', user: { token: TOKEN } }],
      contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'ctx',
    });
  });

  afterAll(async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise(resolve => wss.close(resolve));
    await new Promise(resolve => server.close(resolve));
  });

  it('asks for plain.kubevirt.io on the vnc subresource with the token, and keeps what the server sends first', async () => {
    const provider = createProvider();
    const cluster = {
      ...connectionTo({ name: 'bare' } as never),
      kubeconfig,
    };
    const stream = await provider.openVncStream(
      cluster,
      { namespace: 'dev', name: 'dev-shop-web-01' },
      { preserveSession: true },
    );
    // The server's first frame was sent with the upgrade; it must not be lost.
    const expected = 'RFB 003.008\nhello';
    const received: Buffer[] = [];
    const echoed = new Promise<void>(resolve =>
      stream.onData(chunk => {
        received.push(Buffer.from(chunk));
        if (Buffer.concat(received).length >= expected.length) resolve();
      }),
    );
    await stream.write(Buffer.from('hello'));
    await echoed;
    const closed = new Promise<string | undefined>(resolve =>
      stream.onClose(resolve),
    );
    stream.close();
    expect(await closed).toBeUndefined();
    expect(Buffer.concat(received).toString()).toBe(expected);

    expect(upgrades).toHaveLength(1);
    const [upgrade] = upgrades;
    expect(upgrade.headers['sec-websocket-protocol']).toBe('plain.kubevirt.io');
    expect(upgrade.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const url = new URL(upgrade.url!, 'http://localhost');
    expect(url.pathname).toBe(
      '/apis/subresources.kubevirt.io/v1/namespaces/dev/virtualmachineinstances/dev-shop-web-01/vnc',
    );
    expect(url.searchParams.get('preserveSession')).toBe('true');
  });

  it('closes the stream with 1009 when the VNC server sends a frame beyond its limit', async () => {
    const provider = createProvider();
    const cluster = {
      ...connectionTo({ name: 'bare' } as never),
      kubeconfig,
    };
    const stream = await provider.openVncStream(
      cluster,
      { namespace: 'dev', name: 'dev-shop-web-01' },
      { preserveSession: false },
    );
    const closed = new Promise<string | undefined>(resolve =>
      stream.onClose(resolve),
    );
    await stream.write(Buffer.from('flood'));
    expect(await closed).toBe(
      `the VNC server sent a frame larger than ${VNC_MAX_FRAME_BYTES} bytes`,
    );
    expect(await serverCloses[serverCloses.length - 1]).toBe(1009);
  });
});
