import { KubevirtSimulator } from '@kubevirt-shepherd/kubevirt-sim';
import {
  SHEPHERD_PLATFORM_LABELS,
  ShepherdPendingAdoption,
  ShepherdService,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdApi } from '../../__testUtils__/apiHarness';
import { eventually } from '../../__testUtils__/eventually';
import {
  createForeignVm,
  deleteForeignVm,
} from '../../__testUtils__/foreignVms';
import { TEST_INSTALLATION } from '../../__testUtils__/operations';
import { startSimulatedShepherd } from '../../__testUtils__/simulatedCluster';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { ADOPTION_DISCOVERY_TASK } from '../../periodic/schedulePeriodicTasks';

/*
 * Adoption end to end: VMs made on a simulated KubeVirt cluster behind Shepherd's back are
 * discovered, adopted into a Service (only labels added, same object) and then governed like
 * any other VM; rejected ones stay rejected. The real KubeVirt provider module talks to the
 * simulator over HTTPS; every step goes through the API as the portal would.
 */

const ADOPTIONS = '/v1/admin/pending-adoptions';

describe('adoption against a simulated KubeVirt cluster', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let sim: KubevirtSimulator;
    let api: ShepherdApi;
    let service: ShepherdService;
    let clusterId: string;

    beforeEach(async () => {
      ({ sim, api, service, clusterId } = await startSimulatedShepherd({
        databases,
        databaseId,
      }));
    });

    afterEach(async () => {
      await api.backend.stop();
      await sim.close();
    });

    const vmOnCluster = (name: string, namespace = 'dev') =>
      sim.objects.get('virtualmachines', namespace, name) as any;
    const admin = () => api.as('platform-admin');

    async function discover() {
      const response = await admin().post(`${ADOPTIONS}/discover`).send({});
      expect(response.status).toBe(200);
      return response.body;
    }

    async function adoptionsOf(
      name: string,
    ): Promise<ShepherdPendingAdoption[]> {
      const response = await admin().get(ADOPTIONS).query({ search: name });
      expect(response.status).toBe(200);
      return response.body.items.filter(
        (item: ShepherdPendingAdoption) => item.resourceName === name,
      );
    }

    it('discovers an unmanaged VM, adopts it with labels only, then stops it through Shepherd', async () => {
      const created = (await createForeignVm(sim, 'dev', 'legacy-db-7')) as any;
      // Not registered in Shepherd: never proposed.
      await createForeignVm(sim, 'scratch', 'elsewhere-1');
      await eventually(() =>
        expect(vmOnCluster('legacy-db-7').status?.printableStatus).toBe(
          'Running',
        ),
      );

      await api.scheduler.triggerTask(ADOPTION_DISCOVERY_TASK);
      const [proposed] = await adoptionsOf('legacy-db-7');
      expect(proposed).toMatchObject({
        clusterId,
        clusterName: 'sim-test',
        namespace: 'dev',
        resourceType: 'VirtualMachine',
        uid: created.metadata.uid,
        status: 'PENDING',
        runtimeStatus: 'RUNNING',
        labels: { app: 'legacy-db-7', team: 'legacy' },
        size: {
          cpuCores: 2,
          memoryGi: 4,
          image: 'quay.io/containerdisks/debian:12',
        },
        discoveredBy: 'service:shepherd',
      });
      expect(await adoptionsOf('elsewhere-1')).toEqual([]);
      // A scan on demand finds nothing new and keeps the proposal.
      expect(await discover()).toMatchObject({
        scannedClusters: 1,
        proposed: 0,
        withdrawn: 0,
        failedClusters: [],
      });

      const before = vmOnCluster('legacy-db-7');
      const adopted = await admin()
        .post(`${ADOPTIONS}/${proposed.id}/adopt`)
        .send({ serviceId: service.id, reason: 'the ledger database' });
      expect(adopted.status).toBe(200);
      const vm = adopted.body.vm;
      expect(vm).toMatchObject({
        name: 'legacy-db-7',
        namespace: 'dev',
        environment: 'test',
        instance: '7',
        status: 'RUNNING',
        systemName: 'shop',
        serviceName: 'cart',
        clusterId,
        createdBy: 'user:default/platform-admin',
        cpuCores: 2,
        memoryGi: 4,
      });
      expect(vm.ticketId).toBeUndefined();
      expect(vm.templateId).toBeUndefined();
      expect(adopted.body.adoption).toMatchObject({
        status: 'ADOPTED',
        vmId: vm.id,
        serviceId: service.id,
        decidedBy: 'user:default/platform-admin',
        decisionReason: 'the ledger database',
      });

      // The same object, with Shepherd's labels added and nothing else changed.
      const after = vmOnCluster('legacy-db-7');
      expect(after.metadata.uid).toBe(created.metadata.uid);
      expect(after.metadata.labels).toEqual({
        ...before.metadata.labels,
        [SHEPHERD_PLATFORM_LABELS.managedBy]: 'kubevirt-shepherd',
        [SHEPHERD_PLATFORM_LABELS.installation]: TEST_INSTALLATION.id,
        [SHEPHERD_PLATFORM_LABELS.vmId]: vm.id,
        [SHEPHERD_PLATFORM_LABELS.environment]: 'test',
        [SHEPHERD_PLATFORM_LABELS.system]: 'shop',
        [SHEPHERD_PLATFORM_LABELS.service]: 'cart',
        [SHEPHERD_PLATFORM_LABELS.instance]: '7',
      });
      expect(after.metadata.annotations).toEqual(before.metadata.annotations);
      expect(after.spec).toEqual(before.spec);
      expect(
        after.metadata.managedFields.map(
          (entry: { manager: string }) => entry.manager,
        ),
      ).toContain('kubevirt-shepherd');

      const audit = await api.store.audit.list({
        offset: 0,
        limit: 10,
        resourceId: vm.id,
      });
      expect(audit.items.map(entry => entry.action)).toEqual([
        'adoption.adopted',
      ]);
      // Deciding twice is refused; a labelled VM is no candidate any more.
      const again = await admin()
        .post(`${ADOPTIONS}/${proposed.id}/adopt`)
        .send({ serviceId: service.id });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('ADOPTION_NOT_PENDING');
      expect(await discover()).toMatchObject({ proposed: 0, withdrawn: 0 });

      // Governed like any other VM: a member of the System stops it through Shepherd.
      const stop = await api
        .as('engineer-test')
        .post(`/v1/vms/${vm.id}/power`)
        .send({ action: 'stop' });
      expect(stop.status).toBe(202);
      await eventually(async () =>
        expect((await api.store.vms.get(vm.id))?.status).toBe('STOPPED'),
      );
      expect(vmOnCluster('legacy-db-7').spec.runStrategy).toBe('Halted');
      expect(
        sim.objects.get('virtualmachineinstances', 'dev', 'legacy-db-7'),
      ).toBeUndefined();
    });

    it('remembers a rejection until another object takes the name; withdraws VMs that left', async () => {
      const first = (await createForeignVm(sim, 'dev', 'lab-scratch')) as any;
      await createForeignVm(sim, 'dev', 'short-lived');
      expect(await discover()).toMatchObject({ proposed: 2 });
      const [proposed] = await adoptionsOf('lab-scratch');

      const noReason = await admin()
        .post(`${ADOPTIONS}/${proposed.id}/reject`)
        .send({ reason: '  ' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.code).toBe('REJECT_REASON_REQUIRED');
      const tooLong = await admin()
        .post(`${ADOPTIONS}/${proposed.id}/reject`)
        .send({ reason: 'x'.repeat(513) });
      expect(tooLong.status).toBe(400);

      const rejected = await admin()
        .post(`${ADOPTIONS}/${proposed.id}/reject`)
        .send({ reason: 'a lab VM, gone next week' });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({
        status: 'REJECTED',
        decisionReason: 'a lab VM, gone next week',
      });
      const audit = await api.store.audit.list({
        offset: 0,
        limit: 10,
        resourceId: proposed.id,
      });
      expect(audit.items.map(entry => entry.action)).toEqual([
        'adoption.rejected',
      ]);
      // Rejected VMs are left as they are.
      expect(vmOnCluster('lab-scratch').metadata.labels).toEqual({
        app: 'lab-scratch',
        team: 'legacy',
      });

      // The short-lived VM leaves the cluster: its proposal goes with it.
      await deleteForeignVm(sim, 'dev', 'short-lived');
      await eventually(() =>
        expect(vmOnCluster('short-lived')).toBeUndefined(),
      );
      expect(await discover()).toMatchObject({ proposed: 0, withdrawn: 1 });
      expect(await adoptionsOf('short-lived')).toEqual([]);
      expect(await adoptionsOf('lab-scratch')).toMatchObject([
        { status: 'REJECTED', uid: first.metadata.uid },
      ]);
      const pending = await admin().get(ADOPTIONS).query({ status: 'PENDING' });
      expect(pending.body.totalItems).toBe(0);

      // Another object under the rejected name is another VM: proposed again.
      await deleteForeignVm(sim, 'dev', 'lab-scratch');
      await eventually(() =>
        expect(vmOnCluster('lab-scratch')).toBeUndefined(),
      );
      const second = (await createForeignVm(sim, 'dev', 'lab-scratch')) as any;
      expect(await discover()).toMatchObject({ proposed: 1 });
      const both = await adoptionsOf('lab-scratch');
      expect(
        both.map(adoption => [adoption.uid, adoption.status]).sort(),
      ).toEqual(
        [
          [first.metadata.uid, 'REJECTED'],
          [second.metadata.uid, 'PENDING'],
        ].sort(),
      );
    });

    it('never labels an object that replaced the discovered one, nor a namespace of another environment', async () => {
      await createForeignVm(sim, 'dev', 'recycled-1');
      await discover();
      const [proposed] = await adoptionsOf('recycled-1');
      await deleteForeignVm(sim, 'dev', 'recycled-1');
      await eventually(() => expect(vmOnCluster('recycled-1')).toBeUndefined());
      const replacement = (await createForeignVm(
        sim,
        'dev',
        'recycled-1',
      )) as any;

      const refused = await admin()
        .post(`${ADOPTIONS}/${proposed.id}/adopt`)
        .send({ serviceId: service.id });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('ADOPTION_VM_CHANGED');
      expect(vmOnCluster('recycled-1').metadata).toMatchObject({
        uid: replacement.metadata.uid,
        labels: { app: 'recycled-1', team: 'legacy' },
      });
      expect(
        await api.store.vms.list({ offset: 0, limit: 10, search: 'recycled' }),
      ).toMatchObject({ totalItems: 0 });

      // The namespace moves to prod after the VM was found: the test cluster cannot host it.
      const namespace = await api.store.namespaces.getByName('dev');
      await api.store.namespaces.update(namespace!.id, {
        environment: 'prod',
        updatedAt: new Date().toISOString(),
      });
      const mismatch = await admin()
        .post(`${ADOPTIONS}/${proposed.id}/adopt`)
        .send({ serviceId: service.id });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.error.code).toBe('CLUSTER_ENVIRONMENT_MISMATCH');
    });

    it('is for platform admins only', async () => {
      await createForeignVm(sim, 'dev', 'legacy-web-1');
      await discover();
      const [proposed] = await adoptionsOf('legacy-web-1');
      for (const persona of ['engineer-test', 'approver', 'viewer']) {
        const caller = api.as(persona);
        const list = await caller.get(ADOPTIONS);
        expect(list.status).toBe(403);
        expect(list.body.error.code).toBe('PERMISSION_DENIED');
        expect(
          (await caller.post(`${ADOPTIONS}/discover`).send({})).status,
        ).toBe(403);
        expect(
          (
            await caller
              .post(`${ADOPTIONS}/${proposed.id}/adopt`)
              .send({ serviceId: service.id })
          ).status,
        ).toBe(403);
        expect(
          (
            await caller
              .post(`${ADOPTIONS}/${proposed.id}/reject`)
              .send({ reason: 'not mine' })
          ).status,
        ).toBe(403);
      }
      // Nothing was decided or labelled.
      expect((await adoptionsOf('legacy-web-1'))[0].status).toBe('PENDING');
      expect(
        vmOnCluster('legacy-web-1').metadata.labels[
          SHEPHERD_PLATFORM_LABELS.managedBy
        ],
      ).toBeUndefined();
    });
  });
});
