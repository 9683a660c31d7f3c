import { KubevirtSimulator } from '@kubevirt-shepherd/kubevirt-sim';
import {
  ShepherdClusterConnection,
  ShepherdVmWatchEvent,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { definition } from '../__testUtils__/definitions';
import { OutOfBand } from '../__testUtils__/outOfBand';
import {
  connectionTo,
  createProvider,
  startSimulator,
} from '../__testUtils__/simulator';
import { KubeVirtVmProvider } from '../KubeVirtVmProvider';
import { systemClock } from '../resilience/clock';

/*
 * The provider's VM watch against the simulator through client-node: changes made behind
 * Shepherd's back arrive as events, and the watch comes back by itself after dropped
 * connections, an unreachable cluster and 410 Gone. Every wait is for an event.
 */

/** The events of a watch, and promises of those still to come. */
class EventLog {
  readonly events: ShepherdVmWatchEvent[] = [];
  private waiters: Array<{
    matches: (event: ShepherdVmWatchEvent) => boolean;
    resolve: (event: ShepherdVmWatchEvent) => void;
  }> = [];

  readonly push = (event: ShepherdVmWatchEvent) => {
    this.events.push(event);
    this.waiters = this.waiters.filter(waiter => {
      if (!waiter.matches(event)) return true;
      waiter.resolve(event);
      return false;
    });
  };

  /** The next event (from now on) that matches. */
  next<E extends ShepherdVmWatchEvent>(
    matches: (event: ShepherdVmWatchEvent) => event is E,
  ): Promise<E>;
  next(
    matches: (event: ShepherdVmWatchEvent) => boolean,
  ): Promise<ShepherdVmWatchEvent>;
  next(matches: (event: ShepherdVmWatchEvent) => boolean) {
    return new Promise(resolve => this.waiters.push({ matches, resolve }));
  }
}

const NAMESPACE = 'watched';
const vmA = definition({ namespace: NAMESPACE, name: 'watched-shop-web-01' });
const vmB = definition({ namespace: NAMESPACE, name: 'watched-shop-web-02' });
const refA = { namespace: NAMESPACE, name: vmA.name };

/** The path of the VM list and watch across all namespaces. */
const VM_WATCHES = /^\/apis\/kubevirt\.io\/v1\/virtualmachines$/;

const isUpsertOf =
  (name: string, status?: string) => (event: ShepherdVmWatchEvent) =>
    event.type === 'upsert' &&
    event.state.name === name &&
    (!status || event.state.status === status);
const isSynced = (
  event: ShepherdVmWatchEvent,
): event is Extract<ShepherdVmWatchEvent, { type: 'synced' }> =>
  event.type === 'synced';

let sim: KubevirtSimulator;
let provider: KubeVirtVmProvider;
let cluster: ShepherdClusterConnection;
let outOfBand: OutOfBand;
let log: EventLog;
let stop: AbortController;
let watching: Promise<void>;

beforeEach(async () => {
  sim = await startSimulator({ namespaces: [NAMESPACE], vnc: false });
  outOfBand = new OutOfBand(sim);
  // The breaker runs on the real clock: a watch must come back once the cluster does.
  provider = createProvider(
    {
      watchRetryInitialMs: 20,
      watchRetryMaxMs: 200,
      breakerOpenDurationMs: 200,
    },
    systemClock,
  );
  cluster = connectionTo(sim);
  await provider.applyVirtualMachine(cluster, vmA);
  log = new EventLog();
  stop = new AbortController();
  const synced = log.next(isSynced);
  watching = provider.watchVirtualMachines(cluster, log.push, {
    signal: stop.signal,
    resyncIntervalMs: 60 * 60_000,
  });
  await synced;
});

afterEach(async () => {
  stop.abort();
  await watching;
  await sim.close();
});

describe('watchVirtualMachines', () => {
  it('reports every VM of the cluster once all three resources are listed', () => {
    const [synced] = log.events.filter(isSynced);
    expect(synced.states).toEqual([
      expect.objectContaining({
        ...refA,
        status: 'RUNNING',
        uid: expect.any(String),
        revision: expect.stringMatching(/^\d+$/),
        labels: expect.objectContaining({
          'kubevirt-shepherd.io/managed-by': 'kubevirt-shepherd',
        }),
      }),
    ]);
    expect(synced.revision).toEqual(synced.states[0].revision);
  });

  it('reports a stop, a start and a delete made behind its back', async () => {
    const stopped = log.next(isUpsertOf(vmA.name, 'STOPPED'));
    await outOfBand.setRunStrategy(refA, 'Halted');
    const stoppedState = await stopped;

    // Running again, on a node and with an address once its instance reports them.
    const running = log.next(
      event =>
        isUpsertOf(vmA.name, 'RUNNING')(event) &&
        event.type === 'upsert' &&
        !!event.state.nodeName &&
        !!event.state.ipAddress,
    );
    await outOfBand.setRunStrategy(refA, 'Always');
    await running;

    const deleted = log.next(event => event.type === 'deleted');
    await outOfBand.delete(refA);
    expect(await deleted).toMatchObject({
      type: 'deleted',
      vm: { ...refA, uid: expect.any(String) },
    });

    // Revisions only move forward.
    const revisions = log.events
      .filter(event => event.type !== 'interrupted')
      .map(event =>
        event.type === 'upsert' ? event.state.revision : event.revision,
      )
      .map(Number);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    expect(stoppedState).toMatchObject({
      state: { status: 'STOPPED', uid: expect.any(String) },
    });
  });

  it('comes back after the cluster was unreachable, with what changed meanwhile', async () => {
    const interrupted = log.next(event => event.type === 'interrupted');
    await sim.faults.setReachable(false);
    await interrupted;
    await sim.faults.setReachable(true);
    // What happens right after the cluster is back is reported all the same.
    const created = log.next(isUpsertOf(vmB.name, 'RUNNING'));
    await provider.applyVirtualMachine(cluster, vmB);
    await created;
  });

  it('comes back after its connections are dropped mid-stream', async () => {
    await sim.watches.whenOpen(3);
    expect(sim.faults.dropWatches()).toBe(3);
    const stopped = log.next(isUpsertOf(vmA.name, 'STOPPED'));
    await outOfBand.setRunStrategy(refA, 'Halted');
    await stopped;
  });

  it('comes back when reconnecting fails a few times', async () => {
    const dropped = sim.faults.inject({
      kind: 'drop',
      method: 'GET',
      path: VM_WATCHES,
      times: 3,
    });
    sim.faults.dropWatches({ path: VM_WATCHES });
    const stopped = log.next(isUpsertOf(vmA.name, 'STOPPED'));
    await outOfBand.setRunStrategy(refA, 'Halted');
    await stopped;
    expect(dropped.hits).toBe(3);
  });

  it('lists again after 410 Gone and reports the state it missed', async () => {
    // Keep the VM watch away while the cluster compacts its history.
    const away = sim.faults.inject({
      kind: 'error',
      status: 503,
      method: 'GET',
      path: VM_WATCHES,
    });
    sim.faults.dropWatches({ path: VM_WATCHES });
    await outOfBand.setRunStrategy(refA, 'Halted');
    sim.watches.compact();
    const relisted = log.next(isSynced);
    away.remove();
    const snapshot = await relisted;
    expect(snapshot.states).toEqual([
      expect.objectContaining({ ...refA, status: 'STOPPED' }),
    ]);
  });

  it('stops when aborted', async () => {
    stop.abort();
    await watching;
    const before = log.events.length;
    await outOfBand.setRunStrategy(refA, 'Halted');
    await provider.getVirtualMachine(cluster, refA);
    expect(log.events.length).toBe(before);
  });
});
