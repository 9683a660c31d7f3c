import { WebSocket } from 'ws';
import { KubevirtSimulator, start } from '../simulator';
import {
  clientsFor,
  FIELD_MANAGER,
  KUBEVIRT,
  rawRequest,
  serverSideApply,
  vmAction,
  vmManifest,
} from '../__testUtils__/clients';
import { VNC_CLOSE_CODES } from './vncProxy';
import { VncServers } from './vncServers';

const vncInstalled = new VncServers().available;
if (!vncInstalled) {
  // eslint-disable-next-line no-console
  console.warn(
    '\n⚠⚠⚠ SKIPPED: the VNC console tests need Xtigervnc (Debian tigervnc-standalone-server).\n' +
      '    Run packages/kubevirt-sim/scripts/ensure-vnc.sh, or `yarn test`, which does. ⚠⚠⚠\n',
  );
}
/** Tests that need the real VNC server: skipped (and reported above) without it. */
const describeWithVnc = vncInstalled ? describe : describe.skip;

const VNC_PATH = (namespace: string, name: string) =>
  `/apis/subresources.kubevirt.io/v1/namespaces/${namespace}/virtualmachineinstances/${name}/vnc`;

interface Opened {
  ws: WebSocket;
  protocol: string;
  greeting: string;
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens the VNC websocket like noVNC/our backend would and waits for the RFB greeting. */
function openVnc(
  sim: KubevirtSimulator,
  path: string,
  options: {
    protocols?: string[];
    auth?: 'header' | 'subprotocol' | 'none';
  } = {},
): Promise<Opened> {
  const auth = options.auth ?? 'header';
  const protocols = [...(options.protocols ?? ['plain.kubevirt.io'])];
  if (auth === 'subprotocol') {
    protocols.unshift(
      `base64url.bearer.authorization.k8s.io.${Buffer.from(sim.token).toString(
        'base64url',
      )}`,
    );
  }
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(
      `${sim.url.replace('https:', 'wss:')}${path}`,
      protocols,
      {
        ca: sim.caCertPem,
        headers:
          auth === 'header' ? { Authorization: `Bearer ${sim.token}` } : {},
      },
    );
    const closed = new Promise<{ code: number; reason: string }>(done =>
      ws.once('close', (code, reason) =>
        done({ code, reason: reason.toString() }),
      ),
    );
    ws.once('message', data =>
      resolve({ ws, protocol: ws.protocol, greeting: data.toString(), closed }),
    );
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', chunk => (body += chunk));
      res.on('end', () =>
        reject(
          Object.assign(new Error(`HTTP ${res.statusCode}`), {
            status: res.statusCode,
            body,
            contentType: res.headers['content-type'],
          }),
        ),
      );
    });
    ws.once('error', reject);
  });
}

describeWithVnc('VNC consoles (real Xtigervnc)', () => {
  let sim: KubevirtSimulator;

  beforeAll(async () => {
    sim = await start({ namespaces: ['consoles'] });
    const { custom } = clientsFor(sim);
    for (const name of ['vm-a', 'vm-b']) {
      await custom.patchNamespacedCustomObject(
        {
          ...KUBEVIRT,
          namespace: 'consoles',
          plural: 'virtualmachines',
          name,
          body: vmManifest(name, 'consoles'),
          fieldManager: FIELD_MANAGER,
          force: true,
        },
        serverSideApply,
      );
    }
  });
  afterAll(() => sim.close());

  it('bridges the websocket to a real RFB server and echoes plain.kubevirt.io', async () => {
    const console1 = await openVnc(sim, VNC_PATH('consoles', 'vm-a'));
    expect(console1.protocol).toBe('plain.kubevirt.io');
    expect(console1.greeting).toBe('RFB 003.008\n');

    // The client's half of the handshake goes through too: the server offers security type None (1).
    const securityTypes = new Promise<Buffer>(resolve =>
      console1.ws.once('message', data => resolve(data as Buffer)),
    );
    console1.ws.send(Buffer.from('RFB 003.008\n'));
    expect([...(await securityTypes)]).toEqual([1, 1]);
    console1.ws.close();
    await console1.closed;
  });

  it('refuses a second connection that asks to preserve the session, and lets a takeover disconnect the first', async () => {
    const first = await openVnc(sim, VNC_PATH('consoles', 'vm-a'));
    await expect(
      openVnc(sim, `${VNC_PATH('consoles', 'vm-a')}?preserveSession=true`),
    ).rejects.toMatchObject({
      status: 503,
      body: 'Active VNC connection. Request denied.',
    });
    const second = await openVnc(
      sim,
      `${VNC_PATH('consoles', 'vm-a')}?preserveSession=false`,
    );
    expect(second.greeting).toBe('RFB 003.008\n');
    expect(await first.closed).toEqual({
      code: VNC_CLOSE_CODES.takenOver,
      reason: 'VNC session taken over by a new connection',
    });
    expect(sim.vnc.activeSessions()).toBe(1);

    // Another VMI's console is independent.
    const other = await openVnc(
      sim,
      `${VNC_PATH('consoles', 'vm-b')}?preserveSession=true`,
    );
    expect(other.greeting).toBe('RFB 003.008\n');
    expect(sim.vnc.runningServers()).toBe(2);
    second.ws.close();
    other.ws.close();
    await Promise.all([second.closed, other.closed]);

    // Once the session ended, preserveSession connects.
    const third = await openVnc(
      sim,
      `${VNC_PATH('consoles', 'vm-a')}?preserveSession=true`,
    );
    third.ws.close();
    await third.closed;
  });

  it('authenticates with a bearer subprotocol and upgrades without plain.kubevirt.io', async () => {
    const viaProtocol = await openVnc(sim, VNC_PATH('consoles', 'vm-b'), {
      auth: 'subprotocol',
    });
    expect(viaProtocol.protocol).toBe('plain.kubevirt.io');
    viaProtocol.ws.close();
    await viaProtocol.closed;
    const noProtocol = await openVnc(sim, VNC_PATH('consoles', 'vm-b'), {
      protocols: [],
    });
    expect(noProtocol.protocol).toBe('');
    expect(noProtocol.greeting).toBe('RFB 003.008\n');
    noProtocol.ws.close();
    await noProtocol.closed;
    await expect(
      openVnc(sim, VNC_PATH('consoles', 'vm-b'), { auth: 'none' }),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('ends the session and stops the VNC server when the VMI stops', async () => {
    const session = await openVnc(sim, VNC_PATH('consoles', 'vm-b'));
    const before = sim.vnc.runningServers();
    expect((await vmAction(sim, 'consoles', 'vm-b', 'stop')).status).toBe(202);
    expect((await session.closed).code).toBe(VNC_CLOSE_CODES.vmiStopped);
    expect(sim.vnc.runningServers()).toBe(before - 1);
    await expect(
      openVnc(sim, VNC_PATH('consoles', 'vm-b')),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('answers like virt-api for missing and not-running VMIs and plain GETs', async () => {
    await expect(
      openVnc(sim, VNC_PATH('consoles', 'nope')),
    ).rejects.toMatchObject({ status: 404 });
    sim.controllers.failVirtualMachine('consoles', 'stuck', 'ErrImagePull');
    await clientsFor(sim).custom.createNamespacedCustomObject({
      ...KUBEVIRT,
      namespace: 'consoles',
      plural: 'virtualmachines',
      body: vmManifest('stuck', 'consoles'),
    });
    const notRunning = await openVnc(sim, VNC_PATH('consoles', 'stuck')).catch(
      error => error,
    );
    expect(notRunning.status).toBe(400);
    expect(JSON.parse(notRunning.body)).toMatchObject({
      kind: 'Status',
      reason: 'BadRequest',
      message: 'VMI is not running',
    });
    const plain = await rawRequest(sim, 'GET', VNC_PATH('consoles', 'vm-a'));
    expect(plain.status).toBe(400);
  });
});

describe('VNC consoles without a VNC server', () => {
  it('answers 503 with a clear message', async () => {
    const sim = await start({ vnc: false, namespaces: ['consoles'] });
    try {
      expect(sim.vnc.available).toBe(false);
      await clientsFor(sim).custom.createNamespacedCustomObject({
        ...KUBEVIRT,
        namespace: 'consoles',
        plural: 'virtualmachines',
        body: vmManifest('vm', 'consoles'),
      });
      const error = await openVnc(sim, VNC_PATH('consoles', 'vm')).catch(
        e => e,
      );
      expect(error.status).toBe(503);
      expect(JSON.parse(error.body)).toMatchObject({
        kind: 'Status',
        reason: 'ServiceUnavailable',
        message: expect.stringContaining('tigervnc-standalone-server'),
      });
    } finally {
      await sim.close();
    }
  });
});
