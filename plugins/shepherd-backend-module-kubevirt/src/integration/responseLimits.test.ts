import { KubevirtSimulator } from '@kubevirt-shepherd/kubevirt-sim';
import {
  ShepherdClusterConnection,
  ShepherdProviderError,
  ShepherdVmWatchEvent,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { CONTENT_TYPES } from '../constants';
import { definition } from '../__testUtils__/definitions';
import { OutOfBand } from '../__testUtils__/outOfBand';
import {
  connectionTo,
  createProvider,
  startSimulator,
} from '../__testUtils__/simulator';
import { KubeVirtVmProvider } from '../KubeVirtVmProvider';
import { virtualMachinePath } from '../operations/paths';
import { systemClock } from '../resilience/clock';

/*
 * The provider reads no more of an API server's answer than its limits allow, for the typed
 * client-node calls, its plain requests and its watches. The limits are made small here so
 * that objects the simulator accepts, as an API server would (an annotation of 100 KiB; the
 * API server allows 256 KiB of annotations per object), pass them.
 */

const KIB = 1024;
const NAMESPACE = 'limits';
const OBJECT_LIMIT = 160 * KIB;
const LIST_LIMIT = 256 * KIB;
const BULK = 'example.com/bulk';

const vmA = definition({ namespace: NAMESPACE, name: 'limits-shop-web-01' });
const vmB = definition({ namespace: NAMESPACE, name: 'limits-shop-web-02' });
const vmC = definition({ namespace: NAMESPACE, name: 'limits-shop-web-03' });
const refOf = (vm: { namespace: string; name: string }) => ({
  namespace: vm.namespace,
  name: vm.name,
});

let sim: KubevirtSimulator;
let outOfBand: OutOfBand;
let cluster: ShepherdClusterConnection;
let provider: KubeVirtVmProvider;

/** `kubectl annotate vm … example.com/bulk=<kib KiB of text> --overwrite` */
function annotate(vm: { namespace: string; name: string }, kib: number) {
  return outOfBand.send<{
    metadata: { uid: string; resourceVersion: string };
  }>({
    method: 'PATCH',
    path: virtualMachinePath(vm),
    contentType: CONTENT_TYPES.mergePatch,
    body: { metadata: { annotations: { [BULK]: 'x'.repeat(kib * KIB) } } },
  });
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    e => e,
  );
  expect(error).toBeInstanceOf(ShepherdProviderError);
  return error as ShepherdProviderError;
}

beforeEach(async () => {
  sim = await startSimulator({ namespaces: [NAMESPACE], vnc: false });
  outOfBand = new OutOfBand(sim);
  cluster = connectionTo(sim);
  provider = createProvider(
    {
      maxObjectResponseBytes: OBJECT_LIMIT,
      maxListResponseBytes: LIST_LIMIT,
      watchRetryInitialMs: 20,
      watchRetryMaxMs: 200,
    },
    systemClock,
  );
  for (const vm of [vmA, vmB, vmC]) {
    await provider.applyVirtualMachine(cluster, vm);
  }
});

afterEach(async () => {
  await sim.close();
});

describe('response limits', () => {
  it('reads an object within the object limit', async () => {
    await annotate(vmA, 100);
    expect(await provider.getVirtualMachine(cluster, refOf(vmA))).toMatchObject(
      { status: 'RUNNING' },
    );
  });

  it('fails a read (typed API) of an object beyond the limit as a permanent cluster error', async () => {
    await annotate(vmA, 200);
    const error = await failure(
      provider.getVirtualMachine(cluster, refOf(vmA)),
    );
    expect(error.kind).toBe('permanent');
    expect(error.message).toMatch(
      /^Read VirtualMachine limits\/limits-shop-web-01 on cluster .* failed: the answer is larger than the 163840 bytes/,
    );
    // The cluster answered: its circuit stays closed and other objects are read.
    expect(await provider.getVirtualMachine(cluster, refOf(vmB))).toMatchObject(
      { status: 'RUNNING' },
    );
  });

  it('fails a plain request whose answer is beyond the limit', async () => {
    const annotated = await annotate(vmA, 200);
    // A label is a merge patch, answered with the whole object.
    const error = await failure(
      provider.labelVirtualMachine(
        cluster,
        refOf(vmA),
        { team: 'shop' },
        {
          uid: annotated!.metadata.uid,
          resourceVersion: annotated!.metadata.resourceVersion,
        },
      ),
    );
    expect(error.kind).toBe('permanent');
    expect(error.message).toMatch(/larger than the 163840 bytes/);
  });

  it('fails a list page beyond the list limit, although each object is within the object limit', async () => {
    for (const vm of [vmA, vmB, vmC]) await annotate(vm, 100);
    const error = await failure(provider.listManagedVirtualMachines(cluster));
    expect(error.kind).toBe('permanent');
    expect(error.message).toMatch(/larger than the 262144 bytes/);
    // Two of them make a list within the limit.
    await annotate(vmC, 1);
    expect(await provider.listManagedVirtualMachines(cluster)).toHaveLength(3);
  });

  it('ends a watch whose event is beyond the limit, and lists again', async () => {
    const events: ShepherdVmWatchEvent[] = [];
    const waiters: Array<() => boolean> = [];
    const next = (matches: (event: ShepherdVmWatchEvent) => boolean) =>
      new Promise<ShepherdVmWatchEvent>(resolve => {
        const check = () => {
          const found = events.find(matches);
          if (!found) return false;
          resolve(found);
          return true;
        };
        if (!check()) waiters.push(check);
      });
    const stop = new AbortController();
    const firstSync = next(event => event.type === 'synced');
    const watching = provider.watchVirtualMachines(
      cluster,
      event => {
        events.push(event);
        waiters.splice(0, waiters.length, ...waiters.filter(w => !w()));
      },
      { signal: stop.signal, resyncIntervalMs: 60 * 60_000 },
    );
    await firstSync;
    // Only the watch's event for vmA is too large; a list of three VMs, one of them large,
    // is within the list limit.
    events.length = 0;
    const interrupted = next(event => event.type === 'interrupted');
    const relisted = next(
      event =>
        event.type === 'synced' &&
        event.states.some(state => state.name === vmA.name),
    );
    await annotate(vmA, 200);
    expect(await interrupted).toMatchObject({
      error: {
        kind: 'permanent',
        message: expect.stringMatching(
          /watch event is larger than the 163840 bytes/,
        ),
      },
    });
    await relisted;
    // The watch goes on after the list: a later change arrives as an event.
    const stopped = next(
      event =>
        event.type === 'upsert' &&
        event.state.name === vmB.name &&
        event.state.status === 'STOPPED',
    );
    await outOfBand.setRunStrategy(refOf(vmB), 'Halted');
    await stopped;
    stop.abort();
    await watching;
  });
});
