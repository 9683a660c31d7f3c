import { mockServices } from '@backstage/backend-test-utils';
import {
  KubevirtSimulator,
  start as startSimulator,
} from '@kubevirt-shepherd/kubevirt-sim';
import {
  ShepherdCluster,
  ShepherdService,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { KubeVirtVmProvider } from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt';
// The provider's own helper for changes made behind Shepherd's back, as kubectl sends them.
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { OutOfBand } from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt/src/__testUtils__/outOfBand';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../__testUtils__/eventually';
import { TEST_INSTALLATION } from '../__testUtils__/operations';
import { Fixtures } from '../__testUtils__/fixtures';
import { DatabaseShepherdStore } from '../database/DatabaseShepherdStore';
import { createMigratedStores } from '../database/__testUtils__/migratedStores';
import { NewVm } from '../database/stores/vms/VmsStore';
import { vmDefinition } from '../operations/vmCreation';
import { ClusterConnections } from '../providers/ClusterConnections';
import { VmProviderRegistry } from '../providers/VmProviderRegistry';
import { AuditRecorder } from '../service/audit/AuditRecorder';
import { VmStateChange } from '../service/changes/recordChanges';
import { GovernanceContext } from '../service/GovernanceContext';
import { ClusterVmWatches } from './ClusterVmWatches';
import { DEFAULT_VM_WATCH_OPTIONS } from './vmWatchOptions';

/*
 * Live VM state: the VM watches of two backend replicas on one database, against simulated
 * clusters through the real KubeVirt provider and client-node. Changes are made on the
 * clusters behind Shepherd's back; every wait is for a condition.
 */
describe('VM watches', () => {
  const databases = createMigratedStores();
  let sims: KubevirtSimulator[];

  beforeAll(async () => {
    sims = await Promise.all(
      ['east', 'west'].map(name =>
        startSimulator({
          name,
          timing: 'instant',
          vnc: false,
          namespaces: ['dev'],
        }),
      ),
    );
  });

  afterAll(async () => {
    await Promise.all(sims.map(sim => sim.close()));
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let store: DatabaseShepherdStore;
    let fixtures: Fixtures;
    let provider: KubeVirtVmProvider;
    let connections: ClusterConnections;
    let context: GovernanceContext;
    let stateChanges: VmStateChange[];
    let service: ShepherdService;
    let replicas: ClusterVmWatches[];
    let clusters: ShepherdCluster[];
    const kubeconfigs = new Map<string, string>();

    beforeEach(async () => {
      ({ store, fixtures } = await databases.open(databaseId));
      provider = KubeVirtVmProvider.create({
        logger: mockServices.logger.mock(),
        // Retries and the breaker's open period are short: the test waits for recovery.
        options: {
          watchRetryInitialMs: 20,
          watchRetryMaxMs: 200,
          breakerOpenDurationMs: 200,
        },
      });
      const registry = new VmProviderRegistry();
      registry.addProvider(provider);
      connections = new ClusterConnections(
        store,
        // The cipher has tests of its own; here the credentials are the simulators'.
        { getClusterKubeconfig: async id => kubeconfigs.get(id)! },
        registry,
      );
      stateChanges = [];
      const logger = mockServices.logger.mock();
      context = new GovernanceContext({
        store,
        auditRecorder: new AuditRecorder(mockServices.auditor.mock(), logger),
        logger,
        onVmStateChanged: changes => stateChanges.push(...changes),
      });
      clusters = [];
      for (const sim of sims) {
        const cluster = await fixtures.cluster({ name: sim.name });
        kubeconfigs.set(cluster.id, sim.kubeconfig);
        clusters.push(cluster);
      }
      service = await fixtures.service(await fixtures.system({ name: 'shop' }));
      replicas = [];
    });

    afterEach(async () => {
      await Promise.all(replicas.map(watches => watches.stop()));
      await Promise.all(sims.map(sim => sim.faults.setReachable(true)));
      sims.forEach(sim => sim.faults.clear());
    });

    /** A backend replica's watches; its rounds run when the test says. */
    function replica(holder: string) {
      const watches = new ClusterVmWatches({
        store,
        connections,
        context,
        logger: mockServices.logger.mock(),
        // Rounds run when the test says: leases outlast the longest test.
        options: {
          ...DEFAULT_VM_WATCH_OPTIONS,
          resyncIntervalMs: 60 * 60_000,
          leaseDurationMs: 60 * 60_000,
        },
        holder,
        installationId: TEST_INSTALLATION.id,
      });
      replicas.push(watches);
      return watches;
    }

    let counter = 0;
    /** A VM recorded by Shepherd and running on the cluster of `sim`. */
    async function runningVm(
      sim: KubevirtSimulator,
      overrides: Partial<NewVm> = {},
      cluster: ShepherdCluster = clusters[sims.indexOf(sim)],
    ) {
      counter += 1;
      const createdAt = new Date(Date.now() - 10 * 60_000).toISOString();
      const vm = await fixtures.vm(service, {
        name: `dev-shop-${databaseId
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')}-${counter}`,
        namespace: 'dev',
        clusterId: cluster.id,
        status: 'RUNNING',
        createdAt,
        updatedAt: createdAt,
        ...overrides,
      });
      const stored = (await store.vms.get(vm.id))!;
      await provider.applyVirtualMachine(
        { id: cluster.id, name: cluster.name, kubeconfig: sim.kubeconfig },
        vmDefinition(
          stored,
          {
            id: vm.ticketId,
            templateSnapshot: await fixtures.template(),
            instanceSizeSnapshot: await fixtures.instanceSize(),
          } as any,
          TEST_INSTALLATION,
        ),
      );
      return vm;
    }

    const statusOf = async (id: string) => (await store.vms.get(id))?.status;
    const clusterOf = (sim: KubevirtSimulator) => clusters[sims.indexOf(sim)];
    const expectStatus = (id: string, status: VmStatus) =>
      eventually(async () => expect(await statusOf(id)).toBe(status));

    it('follows a stop, a start and a delete made on the cluster behind its back', async () => {
      const [east] = sims;
      const vm = await runningVm(east, { status: 'STARTING' });
      const watches = replica('replica-a');
      await watches.tick();
      await expectStatus(vm.id, 'RUNNING');

      const outOfBand = new OutOfBand(east);
      await outOfBand.setRunStrategy(vm, 'Halted');
      await expectStatus(vm.id, 'STOPPED');
      await outOfBand.setRunStrategy(vm, 'Always');
      await expectStatus(vm.id, 'RUNNING');
      await outOfBand.delete(vm);
      await expectStatus(vm.id, 'NOT_FOUND');

      // The row stays for the reconciler; every change went through the unit of work.
      expect(await store.vms.get(vm.id)).toBeDefined();
      const statuses = stateChanges
        .filter(change => change.id === vm.id)
        .map(change => change.status)
        .filter(status => ['RUNNING', 'STOPPED', 'NOT_FOUND'].includes(status));
      expect(statuses).toEqual(['RUNNING', 'STOPPED', 'RUNNING', 'NOT_FOUND']);
    });

    it('records where the running instance is, and that a stopped VM runs nowhere', async () => {
      const [east] = sims;
      const vm = await runningVm(east, { status: 'STARTING' });
      const watches = replica('replica-a');
      await watches.tick();
      await eventually(async () => {
        const vmi = east.objects.get(
          'virtualmachineinstances',
          'dev',
          vm.name,
        ) as any;
        expect((await store.vms.get(vm.id))?.access).toEqual({
          ipAddresses: [vmi.status.interfaces[0].ipAddress],
          nodeName: vmi.status.nodeName,
        });
      });

      await new OutOfBand(east).setRunStrategy(vm, 'Halted');
      await expectStatus(vm.id, 'STOPPED');
      await eventually(async () =>
        expect((await store.vms.get(vm.id))?.access).toBeUndefined(),
      );
    });

    it('leaves the statuses of running jobs to the jobs', async () => {
      const [east] = sims;
      const creating = await runningVm(east, { status: 'CREATING' });
      const running = await runningVm(east, { status: 'RUNNING' });
      const watches = replica('replica-a');
      await watches.tick();
      const outOfBand = new OutOfBand(east);
      await outOfBand.setRunStrategy(running, 'Halted');
      await expectStatus(running.id, 'STOPPED');
      await watches.recorderOf(clusters[0].id)!.settled();
      expect(await statusOf(creating.id)).toBe('CREATING');
    });

    it('marks a recorded VM that is not on its cluster NOT_FOUND at the first list', async () => {
      const [east] = sims;
      const present = await runningVm(east, { status: 'STARTING' });
      const ghost = await fixtures.vm(service, {
        name: `dev-shop-ghost-${databaseId
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')}`,
        namespace: 'dev',
        clusterId: clusters[0].id,
        status: 'RUNNING',
        createdAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      });
      const watches = replica('replica-a');
      await watches.tick();
      await expectStatus(present.id, 'RUNNING');
      await expectStatus(ghost.id, 'NOT_FOUND');
    });

    it('never takes a foreign VM of the same name for its record', async () => {
      const [east] = sims;
      const watches = replica('replica-a');
      const name = `dev-shop-foreign-${databaseId
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '')}`;
      const record = await fixtures.vm(service, {
        name,
        namespace: 'dev',
        clusterId: clusters[0].id,
        status: 'STOPPED',
        createdAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      });
      // kubectl apply of someone else's VM under the name Shepherd recorded.
      await new OutOfBand(east).send({
        method: 'POST',
        path: '/apis/kubevirt.io/v1/namespaces/dev/virtualmachines',
        body: {
          apiVersion: 'kubevirt.io/v1',
          kind: 'VirtualMachine',
          metadata: { name, namespace: 'dev', labels: { team: 'other' } },
          spec: {
            runStrategy: 'Always',
            template: {
              spec: {
                domain: { devices: {}, memory: { guest: '1Gi' } },
              },
            },
          },
        },
      });
      await watches.tick();
      // Its VM is not on the cluster: the foreign one running there is not it.
      await expectStatus(record.id, 'NOT_FOUND');
      expect((await store.vms.get(record.id))?.statusMessage).toMatch(
        new RegExp(`^VM_NAME_CONFLICT: the object named dev/${name}`),
      );
    });

    it('survives dropped connections and 410 Gone', async () => {
      const [east] = sims;
      const vm = await runningVm(east);
      const watches = replica('replica-a');
      await watches.tick();
      await expectStatus(vm.id, 'RUNNING');
      const outOfBand = new OutOfBand(east);
      const vmWatches = /^\/apis\/kubevirt\.io\/v1\/virtualmachines$/;
      await eventually(() => expect(east.watches.open(vmWatches)).toBe(1));

      expect(east.faults.dropWatches()).toBeGreaterThan(0);
      await outOfBand.setRunStrategy(vm, 'Halted');
      await expectStatus(vm.id, 'STOPPED');

      // Away while the cluster compacts its history: resumes with 410 Gone and lists again.
      const away = east.faults.inject({
        kind: 'error',
        status: 503,
        method: 'GET',
        path: vmWatches,
      });
      east.faults.dropWatches({ path: vmWatches });
      await outOfBand.setRunStrategy(vm, 'Always');
      east.watches.compact();
      away.remove();
      await expectStatus(vm.id, 'RUNNING');
    });

    it('survives a restart of the cluster', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'shepherd-watch-restart-'));
      const options = {
        name: 'restarting',
        timing: 'instant' as const,
        vnc: false,
        namespaces: ['dev'],
        stateDir: dir,
      };
      let sim = await startSimulator(options);
      try {
        const cluster = await fixtures.cluster({ name: 'restarting' });
        kubeconfigs.set(cluster.id, sim.kubeconfig);
        const vm = await runningVm(sim, { status: 'STARTING' }, cluster);
        const watches = replica('replica-a');
        await watches.tick();
        await expectStatus(vm.id, 'RUNNING');

        await sim.close();
        sim = await startSimulator({ ...options, port: sim.port });
        await new OutOfBand(sim).setRunStrategy(vm, 'Halted');
        await expectStatus(vm.id, 'STOPPED');
      } finally {
        await sim.close();
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('keeps following one cluster while another fails', async () => {
      const [east, west] = sims;
      const onEast = await runningVm(east);
      const onWest = await runningVm(west);
      const watches = replica('replica-a');
      await watches.tick();
      await eventually(() =>
        expect(watches.watchedClusterIds().sort()).toEqual(
          clusters.map(c => c.id).sort(),
        ),
      );
      await east.faults.setReachable(false);
      await new OutOfBand(west).setRunStrategy(onWest, 'Halted');
      await expectStatus(onWest.id, 'STOPPED');
      await watches.tick();
      expect(await statusOf(onEast.id)).toBe('RUNNING');
    });

    it("tells the status poll which clusters' watches have listed their VMs", async () => {
      const [east, west] = sims;
      await east.faults.setReachable(false);
      const synced = () =>
        store.watchLeases.listSyncedClusterIds(new Date().toISOString());
      const watches = replica('replica-a');
      try {
        await watches.tick();
        // The unreachable cluster's watch runs, but has listed nothing: it stays polled.
        await eventually(async () =>
          expect(await synced()).toEqual([clusterOf(west).id]),
        );
      } finally {
        await east.faults.setReachable(true);
      }
      await eventually(async () =>
        expect((await synced()).sort()).toEqual(clusters.map(c => c.id).sort()),
      );
      // A disabled cluster's VMs go back to the poll.
      await store.clusters.update(clusterOf(east).id, {
        enabled: false,
        updatedAt: new Date().toISOString(),
      });
      await watches.tick();
      expect(await synced()).toEqual([clusterOf(west).id]);
    });

    it('watches each cluster on one replica only, and hands over when it stops', async () => {
      const [east] = sims;
      const vm = await runningVm(east);
      const a = replica('replica-a');
      const b = replica('replica-b');
      await a.tick();
      await b.tick();
      expect(a.watchedClusterIds().sort()).toEqual(
        clusters.map(c => c.id).sort(),
      );
      expect(b.watchedClusterIds()).toEqual([]);

      await a.stop();
      await b.tick();
      expect(b.watchedClusterIds().sort()).toEqual(
        clusters.map(c => c.id).sort(),
      );
      await new OutOfBand(east).setRunStrategy(vm, 'Halted');
      await expectStatus(vm.id, 'STOPPED');
    });

    it('stops watching a cluster that is disabled, and starts again when enabled', async () => {
      const watches = replica('replica-a');
      await watches.tick();
      expect(watches.watchedClusterIds()).toContain(clusters[1].id);
      await store.clusters.update(clusters[1].id, {
        enabled: false,
        updatedAt: new Date().toISOString(),
      });
      await watches.tick();
      expect(watches.watchedClusterIds()).toEqual([clusters[0].id]);
      await store.clusters.update(clusters[1].id, {
        enabled: true,
        updatedAt: new Date().toISOString(),
      });
      await watches.tick();
      expect(watches.watchedClusterIds()).toContain(clusters[1].id);
    });
  });
});
