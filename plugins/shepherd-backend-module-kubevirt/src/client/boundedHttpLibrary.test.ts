import type * as ClientNode from '@kubernetes/client-node';
import { once } from 'node:events';
import * as http from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { ResponseTooLargeError } from '../errors';
import { boundedHttpLibrary } from './boundedHttpLibrary';
import { loadClientNode } from './clientNode';

/*
 * client-node's typed APIs over the bounded transport, against a plain HTTP server the test
 * controls: an answer beyond its limit is cut off while it streams, not read and then refused.
 */

const LIMITS = { objectBytes: 64 * 1024, listBytes: 256 * 1024 };

let k8s: typeof ClientNode;
let server: http.Server;
let serverUrl: string;
let handle: (req: http.IncomingMessage, res: http.ServerResponse) => void;
const sockets = new Set<Socket>();

beforeAll(async () => {
  k8s = await loadClientNode();
  server = http.createServer((req, res) => {
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

function customObjects(): ClientNode.CustomObjectsApi {
  const kubeConfig = new k8s.KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'c', server: serverUrl, skipTLSVerify: true }],
    users: [{ name: 'u', token: 'a-token' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return new k8s.CustomObjectsApi(
    k8s.createConfiguration({
      baseServer: new k8s.ServerConfiguration(serverUrl, {}),
      httpApi: boundedHttpLibrary(k8s, '/', LIMITS),
      authMethods: { default: kubeConfig },
    }),
  );
}

const getVm = () =>
  customObjects().getNamespacedCustomObject({
    group: 'kubevirt.io',
    version: 'v1',
    namespace: 'dev',
    plural: 'virtualmachines',
    name: 'vm',
  });

const listVms = () =>
  customObjects().listClusterCustomObject({
    group: 'kubevirt.io',
    version: 'v1',
    plural: 'virtualmachines',
  });

/** An object of about `bytes` bytes as JSON. */
function objectOf(bytes: number): string {
  return JSON.stringify({
    kind: 'VirtualMachine',
    metadata: { name: 'vm', annotations: { bulk: 'x'.repeat(bytes) } },
  });
}

/** Streams an answer that never ends, as fast as the client reads it. */
function endlessAnswer(res: http.ServerResponse): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write('{"kind":"VirtualMachine","metadata":{"name":"');
  const chunk = 'x'.repeat(16 * 1024);
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
  };
  res.on('drain', pump);
  pump();
  return once(res, 'close').then(() => undefined);
}

describe('boundedHttpLibrary', () => {
  it('sends the request with its credentials and reads an answer within the limit', async () => {
    let asked: http.IncomingMessage | undefined;
    handle = (req, res) => {
      asked = req;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(objectOf(60 * 1024));
    };
    const vm = (await getVm()) as { metadata: { name: string } };
    expect(vm.metadata.name).toBe('vm');
    expect(asked?.url).toBe(
      '/apis/kubevirt.io/v1/namespaces/dev/virtualmachines/vm',
    );
    expect(asked?.headers.authorization).toBe('Bearer a-token');
  });

  it('cuts off an endless answer as soon as it passes the limit', async () => {
    let closed: Promise<void> = Promise.resolve();
    handle = (_req, res) => {
      closed = endlessAnswer(res);
    };
    const error = await getVm().catch(e => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.limitBytes).toBe(LIMITS.objectBytes);
    // The server sees its connection go: nothing more is read.
    await closed;
  });

  it('refuses an answer whose Content-Length is beyond the limit before reading it', async () => {
    handle = (_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': LIMITS.objectBytes + 1,
      });
      // Nothing follows: the announced length alone decides.
      res.flushHeaders();
    };
    expect(await getVm().catch(e => e)).toBeInstanceOf(ResponseTooLargeError);
  });

  it('gives a list the larger limit of lists', async () => {
    const list = JSON.stringify({
      kind: 'VirtualMachineList',
      items: [
        JSON.parse(objectOf(100 * 1024)),
        JSON.parse(objectOf(100 * 1024)),
      ],
    });
    handle = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(list);
    };
    expect(((await listVms()) as { items: unknown[] }).items).toHaveLength(2);

    const tooLong = JSON.stringify({
      kind: 'VirtualMachineList',
      items: [1, 2, 3].map(() => JSON.parse(objectOf(100 * 1024))),
    });
    handle = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(tooLong);
    };
    const error = await listVms().catch(e => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.limitBytes).toBe(LIMITS.listBytes);
  });
});
