import { mockServices } from '@backstage/backend-test-utils';
import {
  KubevirtSimulator,
  start as startSimulator,
} from '@kubevirt-shepherd/kubevirt-sim';
import {
  ShepherdService,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdClusterConnection } from '@kubevirt-shepherd/plugin-shepherd-node';
import { KubeVirtVmProvider } from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt';
import { Fixtures } from '../__testUtils__/fixtures';
import { ManualClock } from '../__testUtils__/manualTime';
import { DatabaseShepherdStore } from '../database/DatabaseShepherdStore';
import { createMigratedStores } from '../database/__testUtils__/migratedStores';
import { VmProviderRegistry } from '../providers/VmProviderRegistry';
import { ClusterConnections } from '../providers/ClusterConnections';
import { ClusterHealthRefresher } from './ClusterHealthRefresher';
import { vmDefinition } from '../operations/vmCreation';
import { TEST_INSTALLATION } from '../__testUtils__/operations';
import {
  BOOTSTRAP_HOLD_MS,
  DEFAULT_POLL_INTERVALS,
  STUCK_AFTER_MS,
  VmStatusSync,
} from './VmStatusSync';

const { transitionalMs, stableMs } = DEFAULT_POLL_INTERVALS;

/*
 * The periodic tasks that keep Shepherd's records in step with its clusters, against a
 * simulated cluster through the real provider, on a clock the tests move.
 */
describe('status sync and cluster health', () => {
  const databases = createMigratedStores();
  let sim: KubevirtSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ timing: 'instant', vnc: false });
  });

  afterAll(async () => {
    await sim.close();
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let store: DatabaseShepherdStore;
    let fixtures: Fixtures;
    let clock: ManualClock;
    let provider: KubeVirtVmProvider;
    let connection: ShepherdClusterConnection;
    let connections: ClusterConnections;
    let service: ShepherdService;
    let sync: VmStatusSync;
    let namespace: string;

    beforeEach(async () => {
      ({ store, fixtures } = await databases.open(databaseId));
      clock = new ManualClock();
      provider = KubeVirtVmProvider.create({
        logger: mockServices.logger.mock(),
      });
      const registry = new VmProviderRegistry();
      registry.addProvider(provider);
      const cluster = await fixtures.cluster({
        name: 'sim',
        status: 'UNKNOWN',
        storageClasses: [],
        defaultStorageClass: undefined,
      });
      connection = { id: cluster.id, name: cluster.name, kubeconfig: '' };
      // The cipher has tests of its own; here the credentials are the simulator's.
      connections = new ClusterConnections(
        store,
        { getClusterKubeconfig: async () => sim.kubeconfig },
        registry,
      );
      connection.kubeconfig = sim.kubeconfig;
      service = await fixtures.service(await fixtures.system({ name: 'shop' }));
      // Each test works in a namespace of its own on the shared simulator.
      namespace = `sync${Math.random().toString(36).slice(2, 8)}`;
      await provider.ensureNamespace(connection, namespace, 'test');
      sync = new VmStatusSync(
        store,
        connections,
        TEST_INSTALLATION,
        mockServices.logger.mock(),
        clock.now,
      );
    });

    /** A VM running on the cluster and recorded in Shepherd `ageMs` ago. */
    async function runningVm(
      name: string,
      options: { ageMs?: number; status?: VmStatus; onCluster?: boolean } = {},
    ) {
      const createdAt = new Date(
        clock.now().getTime() - (options.ageMs ?? 10 * 60_000),
      ).toISOString();
      const vm = await fixtures.vm(service, {
        name,
        namespace,
        clusterId: connection.id,
        status: options.status ?? 'RUNNING',
        createdAt,
        updatedAt: createdAt,
      });
      if (options.onCluster !== false) {
        const template = await fixtures.template();
        const size = await fixtures.instanceSize();
        const stored = (await store.vms.get(vm.id))!;
        await provider.applyVirtualMachine(
          connection,
          vmDefinition(
            stored,
            {
              id: vm.ticketId,
              templateSnapshot: template,
              instanceSizeSnapshot: size,
            } as any,
            TEST_INSTALLATION,
          ),
        );
      }
      return vm;
    }

    const statusOf = async (id: string) => (await store.vms.get(id))?.status;

    it('polls stable VMs rarely and VMs on their way somewhere often', async () => {
      const stable = await runningVm('dev-shop-a-01');
      const starting = await runningVm('dev-shop-a-02', {
        status: 'STARTING',
      });

      // First sight of both: the starting VM is in fact running.
      expect(await sync.run()).toEqual({ polled: 2, changed: 1, failed: 0 });
      expect(await statusOf(starting.id)).toBe('RUNNING');

      clock.advance(transitionalMs);
      expect(await sync.run()).toEqual({ polled: 0, changed: 0, failed: 0 });

      // Stopped behind Shepherd's back: seen at the next stable poll, not before.
      await provider.stopVirtualMachine(connection, stable);
      clock.advance(stableMs - transitionalMs - 1);
      expect((await sync.run()).polled).toBe(0);
      clock.advance(1);
      expect(await sync.run()).toEqual({ polled: 2, changed: 1, failed: 0 });
      expect(await statusOf(stable.id)).toBe('STOPPED');
    });

    it('leaves VMs alone that create and delete jobs follow', async () => {
      await runningVm('dev-shop-b-01', { status: 'CREATING' });
      await runningVm('dev-shop-b-02', { status: 'DELETING' });
      expect(await sync.run()).toEqual({ polled: 0, changed: 0, failed: 0 });
    });

    /** The status sync as it runs beside the VM watches, counting the VM rows it reads. */
    function syncBesideWatches() {
      const listed: number[] = [];
      const listForStatusSync = store.vms.listForStatusSync.bind(store.vms);
      // The store's own VM store, but for the counted read.
      const vms: typeof store.vms = Object.create(store.vms);
      vms.listForStatusSync = async (...args) => {
        const page = await listForStatusSync(...args);
        listed.push(page.length);
        return page;
      };
      const counting = { vms, watchLeases: store.watchLeases };
      const besideWatches = new VmStatusSync(
        counting as typeof store,
        connections,
        TEST_INSTALLATION,
        mockServices.logger.mock(),
        clock.now,
        undefined,
        { leaveWatchedClusters: true },
      );
      return { run: () => besideWatches.run(), listed };
    }

    /** A replica's lease of the cluster's watch, for a minute from now. */
    async function leaseWatch(holder: string) {
      const now = clock.now().getTime();
      expect(
        await store.watchLeases.acquire(
          connection.id,
          holder,
          new Date(now).toISOString(),
          new Date(now + 60_000).toISOString(),
        ),
      ).toBe(true);
      return {
        synced: () =>
          store.watchLeases.markSynced(
            connection.id,
            holder,
            clock.now().toISOString(),
          ),
      };
    }

    it('does not even read the VMs of a cluster whose watch has listed them', async () => {
      const watched = await runningVm('dev-shop-w-01');
      await provider.stopVirtualMachine(connection, watched);
      const besideWatches = syncBesideWatches();
      await (await leaseWatch('replica-a')).synced();

      expect(await besideWatches.run()).toEqual({
        polled: 0,
        changed: 0,
        failed: 0,
      });
      expect(besideWatches.listed).toEqual([0]);
      // Without watches the same VM is polled.
      expect(await sync.run()).toEqual({ polled: 1, changed: 1, failed: 0 });
      expect(await statusOf(watched.id)).toBe('STOPPED');
    });

    it('polls the VMs of a cluster whose watch has not listed them, or whose lease ran out', async () => {
      const vm = await runningVm('dev-shop-w-02');
      await provider.stopVirtualMachine(connection, vm);
      const besideWatches = syncBesideWatches();

      // A watch that started but never listed (refused, unreachable) follows nothing.
      await leaseWatch('replica-a');
      expect(await besideWatches.run()).toEqual({
        polled: 1,
        changed: 1,
        failed: 0,
      });
      expect(await statusOf(vm.id)).toBe('STOPPED');

      // Synced: left to the watch, even when due, and while its holder renews the lease.
      clock.advance(stableMs);
      await provider.startVirtualMachine(connection, vm);
      await (await leaseWatch('replica-a')).synced();
      expect((await besideWatches.run()).polled).toBe(0);
      await leaseWatch('replica-a');
      expect((await besideWatches.run()).polled).toBe(0);

      // Its replica died: once the lease ran out, the VM is polled.
      clock.advance(60_000);
      expect(await besideWatches.run()).toEqual({
        polled: 1,
        changed: 1,
        failed: 0,
      });
      expect(await statusOf(vm.id)).toBe('RUNNING');

      // Another replica takes the lease over: its watch has not listed anything yet.
      clock.advance(stableMs);
      await leaseWatch('replica-b');
      expect((await besideWatches.run()).polled).toBe(1);
    });

    it('does not rewrite an object whose resourceVersion did not move', async () => {
      const vm = await runningVm('dev-shop-c-01');
      await sync.run();
      const before = await store.vms.get(vm.id);
      clock.advance(stableMs);
      expect(await sync.run()).toEqual({ polled: 1, changed: 0, failed: 0 });
      expect((await store.vms.get(vm.id))?.updatedAt).toBe(before?.updatedAt);
    });

    it('holds new VMs for two minutes before calling them NOT_FOUND', async () => {
      const young = await runningVm('dev-shop-d-01', {
        ageMs: 30_000,
        onCluster: false,
      });
      expect(await sync.run()).toEqual({ polled: 1, changed: 0, failed: 0 });
      expect(await statusOf(young.id)).toBe('RUNNING');

      clock.advance(BOOTSTRAP_HOLD_MS);
      // Stable VMs wait for their slot; a VM that vanished is found at the next one.
      clock.advance(stableMs);
      expect(await sync.run()).toEqual({ polled: 1, changed: 1, failed: 0 });
      expect(await statusOf(young.id)).toBe('NOT_FOUND');
    });

    it('marks VMs UNKNOWN while their cluster is unreachable, and recovers', async () => {
      const vm = await runningVm('dev-shop-e-01');
      await sync.run();
      await sim.faults.setReachable(false);
      try {
        clock.advance(stableMs);
        expect(await sync.run()).toEqual({ polled: 1, changed: 1, failed: 0 });
        expect(await statusOf(vm.id)).toBe('UNKNOWN');
      } finally {
        await sim.faults.setReachable(true);
      }
      // UNKNOWN is transitional: looked at again soon.
      clock.advance(transitionalMs);
      expect(await sync.run()).toEqual({ polled: 1, changed: 1, failed: 0 });
      expect(await statusOf(vm.id)).toBe('RUNNING');
    });

    it('polls every other VM when one cannot be read or its cluster reached, and counts them', async () => {
      const unreadable = await runningVm('dev-shop-h-01');
      const starting = await runningVm('dev-shop-h-02', { status: 'STARTING' });
      // A cluster no installed provider can reach.
      const elsewhere = await fixtures.cluster({
        name: 'elsewhere',
        providerType: 'not-installed',
      });
      await fixtures.vm(service, {
        name: 'dev-shop-h-03',
        namespace,
        clusterId: elsewhere.id,
        status: 'RUNNING',
      });
      // Reading this one VM fails for good (a webhook of the cluster denies it).
      const denied = sim.faults.inject({
        kind: 'denied',
        method: 'GET',
        path: `/virtualmachines/${unreadable.name}$`,
        message: 'x'.repeat(2_000),
      });
      try {
        expect(await sync.run()).toEqual({ polled: 3, changed: 1, failed: 2 });
      } finally {
        denied.remove();
      }
      expect(await statusOf(starting.id)).toBe('RUNNING');
      expect(await statusOf(unreadable.id)).toBe('RUNNING');

      // Not recorded as polled: the VM is read again at the next run, and now it answers.
      clock.advance(transitionalMs);
      expect(await sync.run()).toEqual({ polled: 2, changed: 0, failed: 1 });
      expect(denied.hits).toBe(1);
    });

    it('slows down for a VM stuck in a transitional state for half an hour', async () => {
      const vm = await runningVm('dev-shop-f-01', {
        status: 'PENDING',
        onCluster: false,
        ageMs: STUCK_AFTER_MS + 60_000,
      });
      await store.vms.recordPoll(vm.id, {
        lastPolledAt: clock.now().toISOString(),
        polledStatus: 'PENDING',
      } as any);
      clock.advance(transitionalMs);
      expect((await sync.run()).polled).toBe(0);
      clock.advance(stableMs);
      expect((await sync.run()).polled).toBe(1);
    });

    it('never overwrites a status an approval or a job set while it polled', async () => {
      const vm = await runningVm('dev-shop-g-01', { status: 'STARTING' });
      const [poll] = (
        await store.vms.listForStatusSync({ offset: 0, limit: 10 })
      ).filter(p => p.vm.id === vm.id);
      await store.vms.update(vm.id, {
        status: 'DELETING',
        updatedAt: clock.now().toISOString(),
      });
      expect(
        await store.vms.recordPoll(vm.id, {
          lastPolledAt: clock.now().toISOString(),
          polledStatus: poll.vm.status,
          status: 'RUNNING',
          updatedAt: clock.now().toISOString(),
        }),
      ).toBe(false);
      expect(await statusOf(vm.id)).toBe('DELETING');
    });

    it('refreshes cluster health and capabilities, keeping an administrator’s default', async () => {
      const refresher = new ClusterHealthRefresher(
        store,
        connections,
        mockServices.logger.mock(),
        clock.now,
      );
      expect(await refresher.run()).toBe(1);
      const cluster = await store.clusters.get(connection.id);
      expect(cluster).toMatchObject({
        status: 'HEALTHY',
        kubevirtVersion: 'v1.5.0',
        lastCheckedAt: clock.now().toISOString(),
      });
      expect(cluster?.featureGates.length).toBeGreaterThan(0);
      const [, other] = cluster!.storageClasses;
      await store.clusters.update(connection.id, {
        defaultStorageClass: other,
        updatedAt: clock.now().toISOString(),
      });

      await sim.faults.setReachable(false);
      try {
        clock.advance(60_000);
        await refresher.run();
        expect(await store.clusters.get(connection.id)).toMatchObject({
          status: 'UNREACHABLE',
          lastCheckedAt: clock.now().toISOString(),
        });
      } finally {
        await sim.faults.setReachable(true);
      }
      await refresher.run();
      expect(await store.clusters.get(connection.id)).toMatchObject({
        status: 'HEALTHY',
        defaultStorageClass: other,
      });
    });
  });
});
