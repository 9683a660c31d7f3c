import {
  KubevirtSimulator,
  start as startSimulator,
} from '@kubevirt-shepherd/kubevirt-sim';
import shepherdModuleKubevirt from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt';
import { ShepherdApi, startShepherdApi } from '../__testUtils__/apiHarness';
import { eventually } from '../__testUtils__/eventually';
import {
  SimulatedClusterWorld,
  seedSimulatedCluster,
} from '../__testUtils__/simulatedCluster';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { requestAndApproveVm } from '../__testUtils__/vmRequests';
import {
  ERROR_MESSAGE_MAX_LENGTH,
  STATUS_MESSAGE_MAX_LENGTH,
} from '../database/columns';
import { CREATE_VM_JOB } from '../operations/vmCreation';

const JOBS = {
  concurrency: 2,
  pollIntervalSeconds: 1,
  followIntervalSeconds: 0.02,
};

const CONFIG = {
  shepherd: {
    approvers: ['group:default/approvers'],
    credentials: {
      encryptionKeys: [
        { id: 'k1', secret: Buffer.alloc(32, 3).toString('base64') },
      ],
    },
  },
};

const VM_NAME = 'dev-shop-cart-01';

/*
 * Failures of VM operations end cleanly, however they happen: the Shepherd plugin with its
 * job worker and sweeper, the real KubeVirt provider module, and a simulated cluster.
 */
describe('failures of VM operations against a simulated KubeVirt cluster', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let sim: KubevirtSimulator;
    let api: ShepherdApi;
    let world: SimulatedClusterWorld;

    /** A backend replica on the shared database; `concurrency: 0` runs no jobs. */
    const startReplica = async (jobs: object) => {
      const knex = api?.knex;
      api = await startShepherdApi({
        databases,
        databaseId,
        knex,
        config: { shepherd: { ...CONFIG.shepherd, jobs } },
        features: [shepherdModuleKubevirt],
        periodicTasksOnStartup: false,
      });
    };

    beforeEach(async () => {
      sim = await startSimulator({
        timing: 'instant',
        vnc: false,
        name: 'sim-test',
      });
      api = undefined as unknown as ShepherdApi;
      // The request and its approval (with the cluster's dry run) happen on a replica that
      // runs no jobs, before anything goes wrong.
      await startReplica({ concurrency: 0 });
      world = await seedSimulatedCluster(api, sim);
    });

    afterEach(async () => {
      await api.backend.stop();
      await sim.close();
    });

    const auditOf = async (ticketId: string) =>
      (await api.store.audit.list({ offset: 0, limit: 100, ticketId })).items;

    it('fails the ticket cleanly on a 2,000-character admission webhook denial', async () => {
      const { ticketId, eventId, vmId } = await requestAndApproveVm(api, world);
      const reason =
        `spec.template.spec.domain: ${'the policy forbids this '.repeat(
          84,
        )}`.slice(0, 2_000);
      expect(reason).toHaveLength(2_000);
      // A validating webhook denies the object whether it is created or applied.
      const denial = sim.faults.inject({
        kind: 'denied',
        method: 'POST',
        path: '/namespaces/dev/virtualmachines$',
        message: reason,
      });
      sim.faults.inject({
        kind: 'denied',
        method: 'PATCH',
        path: `/virtualmachines/${VM_NAME}$`,
        message: reason,
      });

      await api.backend.stop();
      await startReplica(JOBS);
      await eventually(async () =>
        expect((await api.store.tickets.get(ticketId))?.status).toBe('FAILED'),
      );

      expect(denial.hits).toBe(1);
      const event = (await api.store.events.get(eventId))!;
      expect(event.status).toBe('FAILED');
      expect(event.errorMessage).toContain('admission webhook');
      expect(event.errorMessage!.length).toBeGreaterThan(2_000);
      expect(event.errorMessage!.length).toBeLessThanOrEqual(
        ERROR_MESSAGE_MAX_LENGTH,
      );
      const vm = (await api.store.vms.get(vmId))!;
      expect(vm.status).toBe('FAILED');
      expect(vm.statusMessage).toContain('admission webhook');
      expect(Array.from(vm.statusMessage!)).toHaveLength(
        STATUS_MESSAGE_MAX_LENGTH,
      );
      expect(vm.statusMessage!.endsWith('…')).toBe(true);
      const failure = (await auditOf(ticketId)).find(
        entry => entry.action === 'execution.failed',
      );
      expect(failure?.details.error).toBe(event.errorMessage);
      expect(api.notifications.at(-1)).toMatchObject({
        recipients: { type: 'entity', entityRef: 'user:default/engineer-test' },
      });
      const [job] = (await api.knex('jobs').select('id')) as Array<{
        id: string;
      }>;
      expect(await api.store.jobs.get(job.id)).toMatchObject({
        kind: CREATE_VM_JOB,
        status: 'failed',
        attempt: 1,
      });
      expect(
        sim.objects.get('virtualmachines', 'dev', VM_NAME),
      ).toBeUndefined();
    });

    it('creates a VM when the cluster could not be asked about it, instead of taking it for another object', async () => {
      const { ticketId, vmId } = await requestAndApproveVm(api, world);
      // The create job's first look at the VM fails as a flaky cluster's would.
      const flake = sim.faults.inject({
        kind: 'error',
        status: 503,
        method: 'GET',
        path: `/namespaces/dev/virtualmachines/${VM_NAME}$`,
        times: 1,
      });

      await api.backend.stop();
      await startReplica(JOBS);
      await eventually(async () =>
        expect((await api.store.tickets.get(ticketId))?.status).toBe('SUCCESS'),
      );

      expect(flake.hits).toBe(1);
      expect((await api.store.vms.get(vmId))?.status).toBe('RUNNING');
      expect(sim.objects.get('virtualmachines', 'dev', VM_NAME)).toBeDefined();
    });

    it('repairs a ticket left EXECUTING by a job that ended without recording its outcome', async () => {
      const { ticketId, eventId, vmId } = await requestAndApproveVm(api, world);
      // A worker took the job and started the ticket, then its job ended failed while its
      // failure was never written to the domain (a crash between the two).
      const now = () => new Date().toISOString();
      const claimed = await api.store.jobs.claimNext({
        workerId: 'crashed-worker',
        kinds: [CREATE_VM_JOB],
        now: now(),
        leaseExpiresAt: new Date(Date.now() + 60_000).toISOString(),
        perKeyLimit: 10,
      });
      expect(claimed).toBeDefined();
      await api.store.tickets.transition(ticketId, ['APPROVED'], {
        status: 'EXECUTING',
        updatedAt: now(),
      });
      await api.store.jobs.finish(
        claimed!.id,
        'crashed-worker',
        { status: 'failed', error: `quota exceeded: ${'q'.repeat(10_000)}` },
        now(),
      );

      await api.scheduler.triggerTask('shepherd-job-sweeper');
      await eventually(async () =>
        expect((await api.store.tickets.get(ticketId))?.status).toBe('FAILED'),
      );

      const event = (await api.store.events.get(eventId))!;
      expect(event.status).toBe('FAILED');
      expect(event.errorMessage).toMatch(
        /^The job of this operation ended \(failed\) without recording its outcome: quota exceeded: q+…$/,
      );
      expect(Array.from(event.errorMessage!)).toHaveLength(
        ERROR_MESSAGE_MAX_LENGTH,
      );
      expect(await api.store.vms.get(vmId)).toMatchObject({
        status: 'FAILED',
        statusMessage: expect.stringMatching(
          /^The job of this operation ended/,
        ),
      });
      expect((await auditOf(ticketId)).map(entry => entry.action)).toContain(
        'execution.failed',
      );
      expect(api.notifications.at(-1)).toMatchObject({
        recipients: { type: 'entity', entityRef: 'user:default/engineer-test' },
        payload: expect.objectContaining({ severity: 'high' }),
      });

      // Repaired once: the next sweep finds nothing left to repair.
      const audited = (await auditOf(ticketId)).length;
      await api.scheduler.triggerTask('shepherd-job-sweeper');
      await eventually(async () =>
        expect(await api.store.events.listStranded(10)).toEqual([]),
      );
      expect(await auditOf(ticketId)).toHaveLength(audited);
    });
  });
});
