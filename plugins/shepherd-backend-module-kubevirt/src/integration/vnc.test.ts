import {
  KubevirtSimulator,
  isVncServerInstalled,
} from '@kubevirt-shepherd/kubevirt-sim';
import {
  ShepherdClusterConnection,
  ShepherdProviderError,
  ShepherdVncStream,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { definition } from '../__testUtils__/definitions';
import {
  connectionTo,
  createProvider,
  startSimulator,
} from '../__testUtils__/simulator';
import { KubeVirtVmProvider } from '../KubeVirtVmProvider';

/*
 * The VNC console through KubeVirt's `vnc` subresource on the simulator, which bridges the
 * websocket to a real VNC server (Xtigervnc). Without that binary the simulator answers 503
 * and these tests are skipped — loudly: install tigervnc-standalone-server to run them.
 */

/**
 * Whether the simulator will find its VNC server, looked up as it does (SHEPHERD_XTIGERVNC_PATH
 * or Xtigervnc on PATH). Jest decides what to skip before any simulator runs; beforeAll checks
 * that the simulator agrees.
 */
const VNC_INSTALLED = isVncServerInstalled();
const describeWithVncServer = VNC_INSTALLED ? describe : describe.skip;
if (!VNC_INSTALLED) {
  // eslint-disable-next-line no-console
  console.warn(
    '\n*** VNC TESTS SKIPPED: no VNC server (Xtigervnc) for the KubeVirt simulator. ***\n' +
      "*** Install Debian's tigervnc-standalone-server to run them.                ***\n",
  );
}

let sim: KubevirtSimulator;
let provider: KubeVirtVmProvider;
let cluster: ShepherdClusterConnection;
const open: ShepherdVncStream[] = [];

const vm = definition({ namespace: 'console', name: 'console-shop-web-01' });
const ref = { namespace: vm.namespace, name: vm.name };

beforeAll(async () => {
  sim = await startSimulator({ namespaces: ['console'] });
  provider = createProvider();
  cluster = connectionTo(sim);
  await provider.applyVirtualMachine(cluster, vm);
  if (!sim.vnc.available) {
    // eslint-disable-next-line no-console
    console.warn(
      '\n*** VNC TESTS SKIPPED: the KubeVirt simulator has no VNC server (Xtigervnc not found). ***\n' +
        "*** Install Debian's tigervnc-standalone-server to run them.                           ***\n",
    );
  }
});

afterEach(() => {
  for (const stream of open.splice(0)) stream.close();
});

afterAll(async () => {
  await sim?.close();
});

/** Collects bytes from a stream until `count` have arrived. */
function reader(stream: ShepherdVncStream) {
  let buffered = Buffer.alloc(0);
  let waiting: { count: number; resolve: (bytes: Buffer) => void } | undefined;
  const deliver = () => {
    if (waiting && buffered.length >= waiting.count) {
      const bytes = buffered.subarray(0, waiting.count);
      buffered = buffered.subarray(waiting.count);
      const { resolve } = waiting;
      waiting = undefined;
      resolve(bytes);
    }
  };
  stream.onData(chunk => {
    buffered = Buffer.concat([buffered, chunk]);
    deliver();
  });
  return (count: number) =>
    new Promise<Buffer>(resolve => {
      waiting = { count, resolve };
      deliver();
    });
}

function closed(stream: ShepherdVncStream): Promise<string | undefined> {
  return new Promise(resolve => stream.onClose(resolve));
}

async function openConsole(
  preserveSession: boolean,
): Promise<ShepherdVncStream> {
  const stream = await provider.openVncStream(cluster, ref, {
    preserveSession,
  });
  open.push(stream);
  return stream;
}

describe('openVncStream', () => {
  describeWithVncServer('with a VNC server', () => {
    it('reads the RFB greeting and completes the handshake with back-pressured writes', async () => {
      const stream = await openConsole(true);
      const read = reader(stream);

      expect((await read(12)).toString('latin1')).toBe('RFB 003.008\n');
      await stream.write(Buffer.from('RFB 003.008\n', 'latin1'));
      const [count] = await read(1);
      const types = [...(await read(count))];
      expect(types).toContain(1); // security type None
      await stream.write(Uint8Array.of(1));
      expect((await read(4)).readUInt32BE(0)).toBe(0); // SecurityResult OK
      await stream.write(Uint8Array.of(1)); // ClientInit, shared
      const init = await read(24);
      expect([init.readUInt16BE(0), init.readUInt16BE(2)]).toEqual([800, 600]);
      const name = (await read(init.readUInt32BE(20))).toString('utf8');
      expect(name).toContain(vm.name);
    });

    it('keeps an open session with preserveSession, and takes it over without', async () => {
      const first = await openConsole(false);
      const firstClosed = closed(first);
      await reader(first)(12);

      const error = await provider
        .openVncStream(cluster, ref, { preserveSession: true })
        .catch(e => e);
      expect(error).toBeInstanceOf(ShepherdProviderError);
      expect(error.kind).toBe('conflict');
      expect(error.message).toMatch(/in use by another session/);

      const second = await openConsole(false);
      expect((await reader(second)(12)).toString('latin1')).toBe(
        'RFB 003.008\n',
      );
      await expect(firstClosed).resolves.toEqual(expect.any(String));
      await expect(first.write(Uint8Array.of(0))).rejects.toThrow(/closed/);
    });

    it('ends the stream when the VM stops', async () => {
      const stream = await openConsole(false);
      const ended = closed(stream);
      await reader(stream)(12);
      await provider.stopVirtualMachine(cluster, ref);
      try {
        await expect(ended).resolves.toEqual(expect.any(String));
      } finally {
        await provider.startVirtualMachine(cluster, ref);
      }
    });
  });

  it('refuses the console of a VM that does not run as a permanent error', async () => {
    const stopped = definition({
      namespace: 'console',
      name: 'console-shop-off-01',
      running: false,
    });
    await provider.applyVirtualMachine(cluster, stopped);
    const error = await provider
      .openVncStream(
        cluster,
        { namespace: stopped.namespace, name: stopped.name },
        { preserveSession: true },
      )
      .catch(e => e);
    expect(error).toBeInstanceOf(ShepherdProviderError);
    expect(error.kind).toBe('permanent');
    expect(error.statusCode).toBe(404);
  });
});
