import { mockServices } from '@backstage/backend-test-utils';
import { KubevirtSimulator } from '@kubevirt-shepherd/kubevirt-sim';
import {
  ShepherdInstanceSize,
  ShepherdService,
  ShepherdTemplate,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import shepherdModuleKubevirt, {
  KubeVirtVmProvider,
} from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt';
import { ShepherdApi, startShepherdApi } from '../__testUtils__/apiHarness';
import {
  SIMULATED_CLUSTER_CONFIG,
  startSimulatedShepherd,
} from '../__testUtils__/simulatedCluster';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { eventually } from '../__testUtils__/eventually';
import { requestAndApproveVm, requestVm } from '../__testUtils__/vmRequests';
import { MODIFY_VM_JOB } from '../operations/vmModification';
import { vmDefinition } from '../operations/vmCreation';
import { TEST_INSTALLATION } from '../__testUtils__/operations';
import { vmJob } from './vmJob';

/*
 * Provisioning end to end: the Shepherd plugin with its job worker, the real KubeVirt
 * provider module, and a simulated KubeVirt cluster reached over HTTPS with the kubeconfig
 * an administrator registered. Every step goes through the API, as the portal would.
 */

const VM_NAME = 'dev-shop-cart-01';

describe('provisioning against a simulated KubeVirt cluster', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let sim: KubevirtSimulator;
    let api: ShepherdApi;
    let service: ShepherdService;
    let template: ShepherdTemplate;
    let size: ShepherdInstanceSize;
    let clusterId: string;

    beforeEach(async () => {
      ({ sim, api, service, template, size, clusterId } =
        await startSimulatedShepherd({
          databases,
          databaseId,
        }));
    });

    afterEach(async () => {
      await api.backend.stop();
      await sim.close();
    });

    const ticketStatus = async (ticketId: string) =>
      (await api.store.tickets.get(ticketId))?.status;
    const eventStatus = async (eventId: string) =>
      (await api.store.events.get(eventId))?.status;
    const vmOnCluster = () =>
      sim.objects.get('virtualmachines', 'dev', VM_NAME) as any;
    const auditOf = async (filter: {
      ticketId?: string;
      resourceId?: string;
    }) =>
      (
        await api.store.audit.list({ offset: 0, limit: 100, ...filter })
      ).items.map(entry => entry.action);

    const requestAndApprove = () =>
      requestAndApproveVm(api, { service, template, size, clusterId });

    async function power(vmId: string, action: 'start' | 'stop' | 'restart') {
      const response = await api
        .as('engineer-test')
        .post(`/v1/vms/${vmId}/power`)
        .send({ action });
      expect(response.status).toBe(202);
      expect(response.body.status).toBe('ACCEPTED');
      return response.body.eventId as string;
    }

    it('learns the cluster: health, KubeVirt version, storage classes', async () => {
      await api.scheduler.triggerTask('shepherd-cluster-health');
      const cluster = await api.store.clusters.get(clusterId);
      expect(cluster).toMatchObject({
        status: 'HEALTHY',
        kubevirtVersion: 'v1.5.0',
        lastCheckedAt: expect.any(String),
      });
      expect(cluster?.storageClasses.length).toBeGreaterThan(0);
      expect(cluster?.storageClasses).toContain(cluster?.defaultStorageClass);

      await sim.faults.setReachable(false);
      await api.scheduler.triggerTask('shepherd-cluster-health');
      expect(await api.store.clusters.get(clusterId)).toMatchObject({
        status: 'UNREACHABLE',
      });
      await sim.faults.setReachable(true);
      await api.scheduler.triggerTask('shepherd-cluster-health');
      expect((await api.store.clusters.get(clusterId))?.status).toBe('HEALTHY');
    });

    it('shows the approver the VirtualMachine the approval then applies', async () => {
      await api.scheduler.triggerTask('shepherd-cluster-health');
      const { ticketId } = await requestVm(api, { service, template, size });

      const preview = await api
        .as('approver')
        .post(`/v1/approval-tasks/${ticketId}/manifest`)
        .send({ clusterId });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        vmName: VM_NAME,
        provider: 'kubevirt',
        manifest: {
          kind: 'VirtualMachine',
          metadata: { name: VM_NAME, namespace: 'dev' },
        },
      });
      // Rendering touches neither the cluster nor Shepherd's records.
      expect(vmOnCluster()).toBeUndefined();
      expect(await ticketStatus(ticketId)).toBe('PENDING');

      const approved = await api
        .as('approver')
        .post(`/v1/approval-tasks/${ticketId}/approve`)
        .send({ clusterId });
      expect(approved.status).toBe(200);
      await eventually(async () =>
        expect(await ticketStatus(ticketId)).toBe('SUCCESS'),
      );
      const applied = vmOnCluster();
      expect(applied.spec).toEqual(preview.body.manifest.spec);
      expect(applied.metadata.labels).toEqual(
        preview.body.manifest.metadata.labels,
      );
    });

    it('request → approve → Running → stop → start → delete, every state recorded', async () => {
      const { ticketId, eventId, vmId } = await requestAndApprove();

      // Approved: the worker takes the ticket to EXECUTING and then SUCCESS.
      await eventually(async () =>
        expect(await ticketStatus(ticketId)).toBe('SUCCESS'),
      );
      expect(await eventStatus(eventId)).toBe('COMPLETED');
      expect(await api.store.vms.get(vmId)).toMatchObject({
        name: VM_NAME,
        status: 'RUNNING',
        clusterId,
      });
      const namespace = sim.objects.get('namespaces', undefined, 'dev');
      expect(namespace?.metadata.labels).toMatchObject({
        'kubevirt-shepherd.io/environment': 'test',
        'kubevirt-shepherd.io/managed-by': 'kubevirt-shepherd',
      });
      expect(vmOnCluster()).toMatchObject({
        metadata: {
          labels: expect.objectContaining({
            'kubevirt-shepherd.io/system': 'shop',
            'kubevirt-shepherd.io/service': 'cart',
            'kubevirt-shepherd.io/instance': '01',
            'kubevirt-shepherd.io/ticket-id': ticketId,
          }),
        },
        spec: { runStrategy: 'Always' },
        status: { printableStatus: 'Running' },
      });
      expect(sim.objects.list('virtualmachineinstances', 'dev')).toHaveLength(
        1,
      );
      expect((await auditOf({ ticketId })).sort()).toEqual([
        'approval.approve',
        'execution.completed',
        'execution.started',
        'vm.request',
      ]);
      expect(api.notifications.at(-1)).toMatchObject({
        recipients: { type: 'entity', entityRef: 'user:default/engineer-test' },
      });
      // The queue marks the job done just after its last step wrote the ticket.
      await eventually(async () =>
        expect(await api.store.jobs.countByStatus()).toMatchObject({
          succeeded: 1,
        }),
      );

      // Stop: in test, a direct operation with no ticket.
      const stopEvent = await power(vmId, 'stop');
      await eventually(async () =>
        expect(await eventStatus(stopEvent)).toBe('COMPLETED'),
      );
      expect((await api.store.vms.get(vmId))?.status).toBe('STOPPED');
      expect(vmOnCluster()).toMatchObject({
        spec: { runStrategy: 'Halted' },
        status: { printableStatus: 'Stopped' },
      });
      expect(sim.objects.list('virtualmachineinstances', 'dev')).toHaveLength(
        0,
      );

      const startEvent = await power(vmId, 'start');
      await eventually(async () =>
        expect(await eventStatus(startEvent)).toBe('COMPLETED'),
      );
      expect((await api.store.vms.get(vmId))?.status).toBe('RUNNING');
      expect(vmOnCluster().status.printableStatus).toBe('Running');
      expect(
        (await auditOf({ resourceId: vmId })).filter(
          action => action === 'execution.completed',
        ),
      ).toHaveLength(2);

      // Delete: approved in every environment; the row goes, the history stays.
      const deletion = await api
        .as('engineer-test')
        .delete(`/v1/vms/${vmId}?confirm=true&reason=done`);
      expect(deletion.status).toBe(202);
      const deleteTicket = deletion.body.ticketId as string;
      expect(
        (
          await api
            .as('approver')
            .post(`/v1/approval-tasks/${deleteTicket}/approve`)
            .send({})
        ).status,
      ).toBe(200);
      await eventually(async () =>
        expect(await ticketStatus(deleteTicket)).toBe('SUCCESS'),
      );
      expect(await api.store.vms.get(vmId)).toBeUndefined();
      expect(vmOnCluster()).toBeUndefined();
      expect(await eventStatus(deletion.body.eventId)).toBe('COMPLETED');
      expect(await ticketStatus(ticketId)).toBe('SUCCESS');
      expect((await auditOf({ ticketId: deleteTicket })).sort()).toEqual([
        'approval.approve',
        'execution.completed',
        'execution.started',
        'vm.delete_submitted',
      ]);
      // The queue marks the job done just after its last step wrote the ticket.
      await eventually(async () =>
        expect(await api.store.jobs.countByStatus()).toMatchObject({
          succeeded: 4,
          failed: 0,
          queued: 0,
          running: 0,
        }),
      );
    });

    it('modify → restart: the exact resize is patched, the restart it needs is reported and done', async () => {
      const { ticketId, vmId } = await requestAndApprove();
      await eventually(async () =>
        expect(await ticketStatus(ticketId)).toBe('SUCCESS'),
      );
      const firstInstance = sim.objects.get(
        'virtualmachineinstances',
        'dev',
        VM_NAME,
      )?.metadata.uid;

      const modification = await api
        .as('engineer-test')
        .post(`/v1/vms/${vmId}/modify-requests`)
        .send({ targetCpuCores: 4, targetMemoryGi: 8, reason: 'More load' });
      expect(modification.status).toBe(202);
      const modifyTicket = modification.body.ticketId as string;
      const approved = await api
        .as('approver')
        .post(`/v1/approval-tasks/${modifyTicket}/approve`)
        .send({});
      expect([approved.status, approved.body.error]).toEqual([200, undefined]);
      await eventually(async () =>
        expect(await ticketStatus(modifyTicket)).toBe('SUCCESS'),
      );
      expect(await api.store.vms.get(vmId)).toMatchObject({
        cpuCores: 4,
        memoryGi: 8,
        status: 'RUNNING',
        statusMessage: expect.stringContaining('Restart the VM'),
      });
      expect(
        (await api.store.revisions.listForVm(vmId)).map(r => r.revision),
      ).toEqual(expect.arrayContaining([1, 2]));
      const domain = vmOnCluster().spec.template.spec.domain;
      expect(JSON.stringify(domain.resources ?? domain.memory)).toContain(
        '8Gi',
      );
      expect(JSON.stringify(domain.cpu)).toContain('4');
      const completed = await api.store.audit.list({
        offset: 0,
        limit: 10,
        ticketId: modifyTicket,
        action: 'execution.completed',
      } as any);
      expect(completed.items[0]?.details).toMatchObject({
        restartRequired: true,
      });

      // The same job once more (a redelivery): nothing is recorded twice.
      const { job: again } = await api.store.jobs.enqueue(
        vmJob(MODIFY_VM_JOB, modification.body.eventId, clusterId),
        new Date().toISOString(),
      );
      await eventually(async () =>
        expect((await api.store.jobs.get(again.id))?.status).toBe('succeeded'),
      );
      expect(await api.store.revisions.listForVm(vmId)).toHaveLength(2);
      expect(
        (
          await api.store.audit.list({
            offset: 0,
            limit: 10,
            ticketId: modifyTicket,
            action: 'execution.completed',
          } as any)
        ).items,
      ).toHaveLength(1);

      const restartEvent = await power(vmId, 'restart');
      await eventually(async () =>
        expect(await eventStatus(restartEvent)).toBe('COMPLETED'),
      );
      expect((await api.store.vms.get(vmId))?.status).toBe('RUNNING');
      const secondInstance = sim.objects.get(
        'virtualmachineinstances',
        'dev',
        VM_NAME,
      )?.metadata.uid;
      expect(secondInstance).toBeDefined();
      expect(secondInstance).not.toBe(firstInstance);
    });

    it('approves only what the cluster accepts in a dry run; the ticket stays PENDING otherwise', async () => {
      size = await api.fixtures.instanceSize({
        name: 'broken',
        // A size whose override the cluster's admission refuses.
        specOverrides: { 'spec.runStrategy': 'Whenever' },
      });
      // Accepted (202): the request itself is valid.
      const { ticketId } = await requestVm(api, { service, template, size });
      const approve = () =>
        api
          .as('approver')
          .post(`/v1/approval-tasks/${ticketId}/approve`)
          .send({ clusterId });

      const rejected = await approve();
      expect(rejected.status).toBe(400);
      expect(rejected.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('Invalid RunStrategy'),
      });

      await sim.faults.setReachable(false);
      const unreachable = await approve();
      expect(unreachable.status).toBe(503);
      expect(unreachable.body.error.code).toBe('CLUSTER_UNAVAILABLE');
      await sim.faults.setReachable(true);

      // Credentials the cluster refuses are Shepherd's problem, not the request's.
      const rotate = (kubeconfig: string) =>
        api
          .as('platform-admin')
          .put(`/v1/admin/clusters/${clusterId}/credentials`)
          .send({ kubeconfig });
      expect(
        (await rotate(sim.kubeconfig.replace(sim.token, 'revoked-token')))
          .status,
      ).toBe(200);
      const refused = await approve();
      expect(refused.status).toBe(503);
      expect(refused.body.error).toMatchObject({
        code: 'CLUSTER_UNAVAILABLE',
        message: expect.stringContaining("refused Shepherd's credentials"),
      });
      expect(JSON.stringify(refused.body)).not.toContain('revoked-token');
      expect((await rotate(sim.kubeconfig)).status).toBe(200);

      expect(await ticketStatus(ticketId)).toBe('PENDING');
      expect(await api.store.vms.count({ serviceId: service.id })).toBe(0);
      expect(sim.objects.list('virtualmachines', 'dev')).toEqual([]);
      expect(await api.store.jobs.countByStatus()).toMatchObject({
        queued: 0,
        running: 0,
        succeeded: 0,
      });
      expect(JSON.stringify(rejected.body)).not.toContain(sim.token);
    });

    it('records a VM that fails on the cluster: event, ticket and VM FAILED, requester told', async () => {
      sim.controllers.failVirtualMachine(
        'dev',
        VM_NAME,
        'CrashLoopBackOff',
        'the guest kernel panicked',
      );
      const { ticketId, eventId, vmId } = await requestAndApprove();
      await eventually(async () =>
        expect(await ticketStatus(ticketId)).toBe('FAILED'),
      );
      expect(await api.store.events.get(eventId)).toMatchObject({
        status: 'FAILED',
        errorMessage: expect.stringContaining('failed on the cluster'),
      });
      expect(await api.store.vms.get(vmId)).toMatchObject({
        status: 'FAILED',
        statusMessage: expect.stringContaining('failed on the cluster'),
      });
      expect(await auditOf({ ticketId })).toContain('execution.failed');
      expect(api.notifications.at(-1)).toMatchObject({
        recipients: { type: 'entity', entityRef: 'user:default/engineer-test' },
        payload: expect.objectContaining({ severity: 'high' }),
      });
      // The queue marks the job done just after its last step wrote the ticket.
      await eventually(async () =>
        expect(await api.store.jobs.countByStatus()).toMatchObject({
          failed: 1,
        }),
      );
    });

    it('recovers a create job whose worker died after applying: one VM, ticket SUCCESS', async () => {
      // A replica that runs no jobs takes the request and the approval…
      await api.backend.stop();
      const { knex } = api;
      const startReplica = (jobs: object) =>
        startShepherdApi({
          databases,
          databaseId,
          knex,
          config: { shepherd: { ...SIMULATED_CLUSTER_CONFIG.shepherd, jobs } },
          features: [shepherdModuleKubevirt],
          periodicTasksOnStartup: false,
        });
      api = await startReplica({ concurrency: 0 });
      const { ticketId, vmId } = await requestAndApprove();

      // …and a worker claims the job, applies the VM, and dies before recording anything.
      const claimed = await api.store.jobs.claimNext({
        workerId: 'dead-worker',
        kinds: ['vm.create'],
        now: new Date().toISOString(),
        leaseExpiresAt: new Date(Date.now() - 1_000).toISOString(),
        perKeyLimit: 10,
      });
      expect(claimed).toBeDefined();
      const vm = (await api.store.vms.get(vmId))!;
      const ticket = (await api.store.tickets.get(ticketId))!;
      const provider = KubeVirtVmProvider.create({
        logger: mockServices.logger.mock(),
      });
      const connection = {
        id: clusterId,
        name: 'sim-test',
        kubeconfig: sim.kubeconfig,
      };
      await provider.ensureNamespace(connection, 'dev', 'test');
      await provider.applyVirtualMachine(
        connection,
        vmDefinition(vm, ticket, TEST_INSTALLATION),
      );
      await api.backend.stop();

      // A replica with a worker: its sweeper hands the job back, and the job runs again.
      api = await startReplica(SIMULATED_CLUSTER_CONFIG.shepherd.jobs);
      await api.scheduler.triggerTask('shepherd-job-sweeper');
      await eventually(async () =>
        expect(await ticketStatus(ticketId)).toBe('SUCCESS'),
      );
      expect((await api.store.vms.get(vmId))?.status).toBe('RUNNING');
      expect(sim.objects.list('virtualmachines', 'dev')).toHaveLength(1);
      expect(await api.store.jobs.get(claimed!.id)).toMatchObject({
        status: 'succeeded',
      });
      expect((await auditOf({ ticketId })).sort()).toEqual([
        'approval.approve',
        'execution.completed',
        'execution.started',
        'vm.request',
      ]);
    });
  });
});
