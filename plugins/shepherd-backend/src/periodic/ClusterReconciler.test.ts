import { mockServices } from '@backstage/backend-test-utils';
import {
  KubevirtSimulator,
  start as startSimulator,
} from '@kubevirt-shepherd/kubevirt-sim';
import {
  ReconcileReport,
  ShepherdInstanceSize,
  ShepherdService,
  ShepherdTemplate,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import shepherdModuleKubevirt, {
  KubeVirtVmProvider,
} from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt';
import { ShepherdApi, startShepherdApi } from '../__testUtils__/apiHarness';
import { seedSimulatedCluster } from '../__testUtils__/simulatedCluster';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { eventually } from '../__testUtils__/eventually';
import { TEST_INSTALLATION } from '../__testUtils__/operations';
import { requestAndApproveVm } from '../__testUtils__/vmRequests';

/*
 * The reconciler end to end: the Shepherd plugin with its job worker and the real KubeVirt
 * provider module against simulated KubeVirt clusters. VMs are created through the API;
 * what happens behind Shepherd's back is done on the cluster with a provider of its own, as
 * an operator with kubectl would.
 */

const PLATFORM_TEAM = 'group:default/platform-team';

const CONFIG = {
  shepherd: {
    approvers: ['group:default/approvers'],
    platformAdmins: [PLATFORM_TEAM],
    credentials: {
      encryptionKeys: [
        { id: 'k1', secret: Buffer.alloc(32, 3).toString('base64') },
      ],
    },
    jobs: {
      concurrency: 2,
      pollIntervalSeconds: 1,
      followIntervalSeconds: 0.02,
    },
    // The schedule marks; runs on demand pick their own mode.
    reconciler: { mode: 'mark', gracePeriodMinutes: 10 },
    // The reconciler alone compares records and cluster here: a watch would record the
    // drift the tests make (a VM gone becomes NOT_FOUND) whenever its round came first.
    vmState: { watch: { enabled: false } },
  },
};

const RECONCILER_TASK = 'shepherd-reconciler';
const AN_HOUR_AGO = () => new Date(Date.now() - 60 * 60_000).toISOString();

describe('the reconciler against simulated KubeVirt clusters', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let sim: KubevirtSimulator;
    let api: ShepherdApi;
    let service: ShepherdService;
    let template: ShepherdTemplate;
    let size: ShepherdInstanceSize;
    let clusterId: string;
    /** The VMs Shepherd created, by name. */
    let vms: Map<string, string>;
    /** The cluster as an operator with kubectl reaches it, behind Shepherd's back. */
    let operator: KubeVirtVmProvider;

    beforeEach(async () => {
      sim = await startSimulator({
        timing: 'instant',
        vnc: false,
        name: 'sim-test',
      });
      api = await startShepherdApi({
        databases,
        databaseId,
        config: CONFIG,
        features: [shepherdModuleKubevirt],
        periodicTasksOnStartup: false,
      });
      ({ service, template, size, clusterId } = await seedSimulatedCluster(
        api,
        sim,
      ));
      operator = KubeVirtVmProvider.create({
        logger: mockServices.logger.mock(),
      });
      vms = new Map();
      for (let i = 0; i < 4; i++) {
        const vm = await provisionVm();
        vms.set(vm.name, vm.id);
      }
    });

    /** Requests and approves a VM, and waits until it runs: the VM's record. */
    async function provisionVm() {
      const { ticketId, vmId } = await requestAndApproveVm(api, {
        service,
        template,
        size,
        clusterId,
      });
      await eventually(async () => {
        const status = (await api.store.tickets.get(ticketId))?.status;
        if (status !== 'SUCCESS') {
          throw new Error(`Ticket ${ticketId} is ${status}, not SUCCESS yet`);
        }
      });
      return (await api.store.vms.get(vmId))!;
    }

    afterEach(async () => {
      await api.backend.stop();
      await sim.close();
    });

    const onSim = (target: KubevirtSimulator) => ({
      id: clusterId,
      name: target.name,
      kubeconfig: target.kubeconfig,
    });
    /** The VMs were created an hour ago: past the grace period. */
    const ageRecords = () =>
      api.knex('vms').update({ created_at: AN_HOUR_AGO() });

    const run = async (mode: string, persona = 'platform-admin') =>
      api
        .as(persona)
        .post('/v1/admin/reconciler/runs')
        .send({ mode, clusterId });
    const runReport = async (mode: string): Promise<ReconcileReport> => {
      const response = await run(mode);
      expect([response.status, response.body.error]).toEqual([200, undefined]);
      expect(response.body.items).toHaveLength(1);
      return response.body.items[0];
    };
    const marks = async () =>
      (
        await api
          .as('platform-admin')
          .get(`/v1/admin/reconciler/marks?clusterId=${clusterId}`)
      ).body.items;
    const cluster = async () =>
      (await api.as('platform-admin').get(`/v1/admin/clusters/${clusterId}`))
        .body;
    const auditActions = async () =>
      (
        await api.store.audit.list({
          offset: 0,
          limit: 100,
          resourceId: clusterId,
        })
      ).items
        .map(entry => entry.action)
        .filter(action => action.startsWith('reconcile.'));
    const alerts = () =>
      api.notifications.filter(sent =>
        sent.payload.title.startsWith('Reconciler halted'),
      );

    /**
     * Behind Shepherd's back: dev-shop-cart-01 is deleted on the cluster (a ghost), and the
     * record of dev-shop-cart-04 goes while its VM keeps running (an orphan).
     */
    async function drift() {
      await operator.deleteVirtualMachine(
        onSim(sim),
        { namespace: 'dev', name: 'dev-shop-cart-01' },
        {
          installationId: TEST_INSTALLATION.id,
          vmId: vms.get('dev-shop-cart-01')!,
        },
      );
      await api.store.vms.delete(vms.get('dev-shop-cart-04')!);
      await ageRecords();
    }

    it('reports ghosts and orphans in dry-run without marking, and marks them in mark mode', async () => {
      // Young records are not compared: the cluster may not show them yet.
      const young = await runReport('dry-run');
      expect(young).toMatchObject({
        status: 'COMPLETED',
        recordsCompared: 0,
        recordsSkipped: 4,
        objectsListed: 4,
        ghostCount: 0,
        orphanCount: 0,
      });

      await drift();
      const dryRun = await runReport('dry-run');
      expect(dryRun).toMatchObject({
        clusterId,
        clusterName: 'sim-test',
        mode: 'dry-run',
        trigger: 'ON_DEMAND',
        requestedBy: 'user:default/platform-admin',
        status: 'COMPLETED',
        recordsCompared: 3,
        recordsSkipped: 0,
        objectsListed: 3,
        ghostCount: 1,
        orphanCount: 1,
        ghosts: [
          {
            kind: 'GHOST',
            namespace: 'dev',
            name: 'dev-shop-cart-01',
            vmId: vms.get('dev-shop-cart-01'),
            vmStatus: 'RUNNING',
          },
        ],
        orphans: [
          { kind: 'ORPHAN', namespace: 'dev', name: 'dev-shop-cart-04' },
        ],
        marked: false,
      });
      expect(await marks()).toEqual([]);
      const stored = await api
        .as('platform-admin')
        .get(`/v1/admin/reconciler/reports/${dryRun.id}`);
      expect(stored.body).toEqual(dryRun);

      const marking = await runReport('mark');
      expect(marking).toMatchObject({
        mode: 'mark',
        status: 'COMPLETED',
        ghostCount: 1,
        orphanCount: 1,
        marked: true,
      });
      expect(await marks()).toEqual([
        expect.objectContaining({
          kind: 'GHOST',
          name: 'dev-shop-cart-01',
          vmId: vms.get('dev-shop-cart-01'),
          reportId: marking.id,
        }),
        expect.objectContaining({
          kind: 'ORPHAN',
          name: 'dev-shop-cart-04',
          reportId: marking.id,
        }),
      ]);
      // Marking a ghost never deletes its record; the orphan stays on the cluster.
      expect(
        await api.store.vms.get(vms.get('dev-shop-cart-01')!),
      ).toBeDefined();
      expect(
        sim.objects.get('virtualmachines', 'dev', 'dev-shop-cart-04'),
      ).toBeDefined();
      expect(await auditActions()).toEqual([
        'reconcile.run',
        'reconcile.run',
        'reconcile.run',
      ]);

      // The schedule runs in the configured mode (mark); a mark goes once it is resolved.
      await operator.deleteVirtualMachine(
        onSim(sim),
        { namespace: 'dev', name: 'dev-shop-cart-04' },
        {
          installationId: TEST_INSTALLATION.id,
          vmId: vms.get('dev-shop-cart-04')!,
        },
      );
      await api.scheduler.triggerTask(RECONCILER_TASK);
      const latest = await api
        .as('platform-admin')
        .get(`/v1/admin/reconciler/reports?latest=true`);
      expect(latest.body.items).toEqual([
        expect.objectContaining({
          trigger: 'SCHEDULED',
          requestedBy: 'service:shepherd',
          mode: 'mark',
          orphanCount: 0,
          ghostCount: 1,
          marked: true,
        }),
      ]);
      expect((await marks()).map((m: { name: string }) => m.name)).toEqual([
        'dev-shop-cart-01',
      ]);
      expect(
        (await api.as('platform-admin').get('/v1/admin/reconciler/reports'))
          .body.totalItems,
      ).toBe(4);
    });

    it('halts with an alert and marks nothing when the cluster is pointed at an empty simulator', async () => {
      await drift();
      await runReport('mark');
      const marked = await marks();
      expect(marked).toHaveLength(2);

      // The cluster's credentials now reach another, empty cluster.
      const empty = await startSimulator({
        timing: 'instant',
        vnc: false,
        name: 'sim-empty',
      });
      try {
        const rotated = await api
          .as('platform-admin')
          .put(`/v1/admin/clusters/${clusterId}/credentials`)
          .send({ kubeconfig: empty.kubeconfig });
        expect(rotated.status).toBe(200);

        await api.scheduler.triggerTask(RECONCILER_TASK);
        const [halted] = (
          await api
            .as('platform-admin')
            .get(`/v1/admin/reconciler/reports?clusterId=${clusterId}&limit=1`)
        ).body.items as ReconcileReport[];
        expect(halted).toMatchObject({
          trigger: 'SCHEDULED',
          mode: 'mark',
          status: 'HALTED',
          haltReason: 'GHOST_THRESHOLD_EXCEEDED',
          recordsCompared: 3,
          objectsListed: 0,
          ghostCount: 3,
          orphanCount: 0,
          marked: false,
          message: expect.stringContaining('3 of 3 VM records'),
        });
        // Nothing marked: the marks are those of the last run that completed.
        expect(await marks()).toEqual(marked);
        // The records are untouched.
        for (const name of ['dev-shop-cart-01', 'dev-shop-cart-02']) {
          expect(await api.store.vms.get(vms.get(name)!)).toBeDefined();
        }

        // The alert: the cluster needs attention, an audit row, a notification.
        expect((await cluster()).attention).toEqual({
          reason: 'GHOST_THRESHOLD_EXCEEDED',
          message: halted.message,
          since: halted.finishedAt,
          reportId: halted.id,
        });
        expect(await auditActions()).toContain('reconcile.halted');
        const halts = await api.store.audit.list({
          offset: 0,
          limit: 10,
          resourceId: clusterId,
          action: 'reconcile.halted',
        } as any);
        expect(halts.items[0]).toMatchObject({
          actor: 'service:shepherd',
          outcome: 'failure',
          resourceType: 'cluster',
          details: expect.objectContaining({ reportId: halted.id }),
        });
        expect(alerts()).toEqual([
          {
            recipients: { type: 'entity', entityRef: [PLATFORM_TEAM] },
            payload: expect.objectContaining({
              severity: 'critical',
              link: '/shepherd/admin/reconciler',
              topic: `shepherd-reconciler:${clusterId}`,
            }),
          },
        ]);

        // Halting again keeps the cluster flagged without alerting a second time.
        const again = await runReport('dry-run');
        expect(again.status).toBe('HALTED');
        expect(alerts()).toHaveLength(1);
        expect((await cluster()).attention).toMatchObject({
          since: halted.finishedAt,
          reportId: again.id,
        });
      } finally {
        await empty.close();
      }

      // Pointed back at the right cluster, a completed run clears the attention.
      await api
        .as('platform-admin')
        .put(`/v1/admin/clusters/${clusterId}/credentials`)
        .send({ kubeconfig: sim.kubeconfig });
      expect((await runReport('dry-run')).status).toBe('COMPLETED');
      expect((await cluster()).attention).toBeUndefined();
    });

    it('fails a run on a cluster it cannot list, finding no ghosts', async () => {
      await ageRecords();
      await sim.faults.setReachable(false);
      const failed = await runReport('mark');
      expect(failed).toMatchObject({
        status: 'FAILED',
        ghostCount: 0,
        orphanCount: 0,
        marked: false,
        message: expect.stringContaining('Could not list the VMs'),
      });
      expect(await marks()).toEqual([]);
      expect((await cluster()).attention).toBeUndefined();
      expect(alerts()).toEqual([]);
    });

    it('refuses the delete mode, unknown clusters, and callers without the permissions', async () => {
      const refused = await run('delete');
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('RECONCILE_MODE_NOT_SUPPORTED');
      expect((await run('purge')).body.error.code).toBe('VALIDATION_FAILED');
      const unknown = await api
        .as('platform-admin')
        .post('/v1/admin/reconciler/runs')
        .send({
          mode: 'dry-run',
          clusterId: '00000000-0000-4000-8000-000000000000',
        });
      expect(unknown.status).toBe(404);

      for (const persona of ['approver', 'engineer-test', 'viewer']) {
        const denied = await run('dry-run', persona);
        expect([persona, denied.status, denied.body.error.code]).toEqual([
          persona,
          403,
          'PERMISSION_DENIED',
        ]);
        for (const path of [
          '/v1/admin/reconciler/reports',
          '/v1/admin/reconciler/marks',
        ]) {
          expect([persona, (await api.as(persona).get(path)).status]).toEqual([
            persona,
            403,
          ]);
        }
      }
      // Nothing ran for them.
      expect(
        (await api.as('platform-admin').get('/v1/admin/reconciler/reports'))
          .body.totalItems,
      ).toBe(0);
    });
  });
});
