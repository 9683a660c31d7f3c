import { request } from 'node:https';
import {
  KubevirtSimulator,
  start as startSimulator,
} from '@kubevirt-shepherd/kubevirt-sim';
import {
  SHEPHERD_PLATFORM_LABELS,
  ShepherdInstanceSize,
  ShepherdService,
  ShepherdTemplate,
  TICKET_STATUS_GROUPS,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import shepherdModuleKubevirt from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt';
import { ShepherdApi, startShepherdApi } from '../__testUtils__/apiHarness';
import {
  SIMULATED_CLUSTER_CONFIG,
  startSimulatedShepherd,
} from '../__testUtils__/simulatedCluster';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { eventually } from '../__testUtils__/eventually';
import { TEST_INSTALLATION } from '../__testUtils__/operations';
import { requestVm } from '../__testUtils__/vmRequests';

/*
 * Ownership and one operation per VM, end to end: the Shepherd plugin with its job worker,
 * the real KubeVirt provider module and a simulated cluster, driven through the API.
 */

const TERMINAL = TICKET_STATUS_GROUPS.TERMINAL as readonly string[];

/** A small seeded generator (mulberry32): a run's choices repeat from run to run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('ownership and one operation per VM, against a simulated cluster', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let sim: KubevirtSimulator;
    let api: ShepherdApi;
    let service: ShepherdService;
    let template: ShepherdTemplate;
    let size: ShepherdInstanceSize;
    let clusterId: string;

    async function start(simulator: Parameters<typeof startSimulator>[0]) {
      ({ sim, api, service, template, size, clusterId } =
        await startSimulatedShepherd({ databases, databaseId, simulator }));
    }

    /** Creates an object as `kubectl create` would: a POST with the cluster's own token. */
    function kubectlCreate(path: string, body: object): Promise<number> {
      return new Promise((resolve, reject) => {
        const url = new URL(path, sim.url);
        const sent = request(
          url,
          {
            method: 'POST',
            ca: sim.caCertPem,
            headers: {
              authorization: `Bearer ${sim.token}`,
              'content-type': 'application/json',
            },
          },
          response => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          },
        );
        sent.on('error', reject);
        sent.end(JSON.stringify(body));
      });
    }

    afterEach(async () => {
      await api?.backend.stop();
      await sim?.close();
    });

    const vmOnCluster = (name: string) =>
      sim.objects.get('virtualmachines', 'dev', name) as any;
    const ticketStatus = async (ticketId: string) =>
      (await api.store.tickets.get(ticketId))?.status;

    /** A VM someone created with kubectl: other labels, another image. */
    async function createForeignVm(name: string) {
      // 201 created, or 409: it exists already.
      await kubectlCreate('/api/v1/namespaces', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'dev' },
      });
      const created = await kubectlCreate(
        '/apis/kubevirt.io/v1/namespaces/dev/virtualmachines',
        {
          apiVersion: 'kubevirt.io/v1',
          kind: 'VirtualMachine',
          metadata: { name, labels: { team: 'payments', os: 'debian' } },
          spec: {
            runStrategy: 'Always',
            template: {
              spec: {
                domain: {
                  devices: {
                    disks: [{ name: 'root', disk: { bus: 'virtio' } }],
                  },
                  resources: { requests: { memory: '1Gi' } },
                },
                volumes: [
                  {
                    name: 'root',
                    containerDisk: {
                      image: 'quay.io/containerdisks/debian:12',
                    },
                  },
                ],
              },
            },
          },
        },
      );
      expect(created).toBe(201);
      return snapshot(name);
    }

    /** The object as the cluster holds it, minus what its own controllers keep moving. */
    function snapshot(name: string) {
      const { metadata, spec } = JSON.parse(JSON.stringify(vmOnCluster(name)));
      return {
        uid: metadata.uid,
        labels: metadata.labels,
        managers: metadata.managedFields.map((f: any) => f.manager).sort(),
        spec,
      };
    }

    /** Approves a request; a create on the simulated cluster. */
    async function approve(ticketId: string, decision: object = { clusterId }) {
      return api
        .as('approver')
        .post(`/v1/approval-tasks/${ticketId}/approve`)
        .send(decision);
    }

    async function requestDeletion(vmId: string) {
      return api.as('engineer-test').delete(`/v1/vms/${vmId}?confirm=true`);
    }

    it('refuses at approval a foreign VM under the next name, leaves it untouched, and names the VM next time', async () => {
      await start({});
      await api.scheduler.triggerTask('shepherd-cluster-health');
      const foreign = await createForeignVm('dev-shop-cart-01');
      const { ticketId } = await requestVm(api, { service, template, size });

      const refused = await approve(ticketId);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'VM_NAME_CONFLICT',
        message: expect.stringContaining('dev/dev-shop-cart-01'),
        details: { nextVmName: 'dev-shop-cart-02' },
      });
      expect(await ticketStatus(ticketId)).toBe('PENDING');
      expect(snapshot('dev-shop-cart-01')).toEqual(foreign);

      const approved = await approve(ticketId);
      expect(approved.status).toBe(200);
      expect(approved.body.ticket.vmName).toBe('dev-shop-cart-02');
      await eventually(async () =>
        expect(await ticketStatus(ticketId)).toBe('SUCCESS'),
      );
      expect(vmOnCluster('dev-shop-cart-02').metadata.labels).toMatchObject({
        [SHEPHERD_PLATFORM_LABELS.installation]: TEST_INSTALLATION.id,
        [SHEPHERD_PLATFORM_LABELS.vmId]: approved.body.ticket.vmId,
      });
      expect(snapshot('dev-shop-cart-01')).toEqual(foreign);
    });

    it('fails the create of a VM whose name was taken after the approval: ticket and VM FAILED, the object untouched', async () => {
      await start({});
      // A replica that runs no jobs takes the approval…
      await api.backend.stop();
      const { knex } = api;
      const replica = (jobs: object) =>
        startShepherdApi({
          databases,
          databaseId,
          knex,
          config: { shepherd: { ...SIMULATED_CLUSTER_CONFIG.shepherd, jobs } },
          features: [shepherdModuleKubevirt],
          periodicTasksOnStartup: false,
        });
      api = await replica({ concurrency: 0 });
      const { ticketId } = await requestVm(api, { service, template, size });
      const approved = await approve(ticketId);
      expect(approved.status).toBe(200);
      const { vmId, vmName } = approved.body.ticket;
      // …someone takes the name before the job runs…
      const foreign = await createForeignVm(vmName);
      await api.backend.stop();
      // …and a replica with a worker runs the job.
      api = await replica(SIMULATED_CLUSTER_CONFIG.shepherd.jobs);
      await eventually(async () =>
        expect(await ticketStatus(ticketId)).toBe('FAILED'),
      );
      const vm = await api.store.vms.get(vmId);
      expect(vm).toMatchObject({
        status: 'FAILED',
        statusMessage: expect.stringContaining('VM_NAME_CONFLICT'),
      });
      expect(snapshot(vmName)).toEqual(foreign);

      // Neither the status sync nor the cluster's watch takes the foreign VM's state for the
      // VM's: the record keeps its failure.
      await api.scheduler.triggerTask('shepherd-vm-status-sync');
      expect(await api.store.vms.get(vmId)).toMatchObject({
        status: 'FAILED',
        statusMessage: expect.stringContaining('VM_NAME_CONFLICT'),
      });

      // Deleting the failed VM removes its record and leaves the foreign VM alone.
      const deletion = await requestDeletion(vmId);
      expect(deletion.status).toBe(202);
      expect((await approve(deletion.body.ticketId, {})).status).toBe(200);
      await eventually(async () =>
        expect(await ticketStatus(deletion.body.ticketId)).toBe('SUCCESS'),
      );
      expect(await api.store.vms.get(vmId)).toBeUndefined();
      expect(snapshot(vmName)).toEqual(foreign);
    });

    it('gives two Services whose names read alike VMs of their own', async () => {
      await start({});
      const members: Array<[string, 'owner']> = [
        ['group:default/team-payments', 'owner'],
      ];
      const ab = await api.fixtures.system({ name: 'a-b', members });
      const a = await api.fixtures.system({ name: 'a', members });
      const older = await api.fixtures.service(ab, {
        name: 'c',
        createdAt: '2026-11-01T00:00:00.000Z',
      });
      const younger = await api.fixtures.service(a, {
        name: 'b-c',
        createdAt: '2026-11-02T00:00:00.000Z',
      });

      const tickets = [];
      for (const each of [younger, older, younger]) {
        const { ticketId } = await requestVm(
          api,
          { service: each, template, size },
          `VM of ${each.name}`,
        );
        const approved = await approve(ticketId);
        expect(approved.status).toBe(200);
        tickets.push({ ticketId, ...approved.body.ticket });
      }
      for (const { ticketId } of tickets) {
        await eventually(async () =>
          expect(await ticketStatus(ticketId)).toBe('SUCCESS'),
        );
      }
      const names = tickets.map(ticket => ticket.vmName);
      expect(names[1]).toBe('dev-a-b-c-01');
      expect(names[0]).toMatch(/^dev-a-b-c--[0-9a-f]{6}-01$/);
      expect(names[2]).toBe(names[0].replace(/-01$/, '-02'));
      expect(new Set(names).size).toBe(3);
      for (const name of names) {
        expect(vmOnCluster(name)).toBeDefined();
      }
    });

    it('refuses to delete, modify or power a VM while its create is under way', async () => {
      // The simulator's clock only moves when told: the VM stays on its way to running.
      await start({ clock: 'manual', timing: 'realistic' });
      const { ticketId } = await requestVm(api, { service, template, size });
      const approved = await approve(ticketId);
      expect({ status: approved.status, body: approved.body }).toMatchObject({
        status: 200,
      });
      const { vmId } = approved.body.ticket;
      await eventually(async () =>
        expect(await ticketStatus(ticketId)).toBe('EXECUTING'),
      );

      const deletion = await requestDeletion(vmId);
      expect(deletion.status).toBe(409);
      expect(deletion.body.error).toMatchObject({
        code: 'VM_OPERATION_IN_PROGRESS',
        message: expect.stringContaining(`ticket ${ticketId} (CREATE`),
        details: { ticketId, operation: 'CREATE' },
      });
      const stop = await api
        .as('engineer-test')
        .post(`/v1/vms/${vmId}/power`)
        .send({ action: 'stop' });
      expect(stop.status).toBe(409);

      await eventually(async () => {
        sim.clock.runUntilIdle();
        expect(await ticketStatus(ticketId)).toBe('SUCCESS');
      });
      expect((await requestDeletion(vmId)).status).toBe(202);
    });

    /**
     * One seeded run against the Service: creates, deletes and approvals in an order the seed
     * chooses, while the worker runs the jobs and the cluster's clock moves in steps. Answers
     * the tickets it submitted, the VMs approved, and the refusals it met.
     */
    async function interleave(run: number, runService: ShepherdService) {
      const random = seededRandom(run);
      const pick = <T>(items: T[]) =>
        items[Math.floor(random() * items.length)];
      const tickets: string[] = [];
      const vmIds: string[] = [];
      const refusals: Array<{ status: number; code?: string }> = [];
      const pendingCreates: string[] = [];
      const pendingDeletes: string[] = [];

      for (let step = 0; step < 10; step += 1) {
        const choice = random();
        // One pending create per Service at a time (the same request twice is a duplicate).
        if (choice < 0.2 && pendingCreates.length === 0 && vmIds.length < 3) {
          const { ticketId } = await requestVm(
            api,
            { service: runService, template, size },
            `Run ${run} step ${step}`,
          );
          tickets.push(ticketId);
          pendingCreates.push(ticketId);
        } else if (choice < 0.4 && pendingCreates.length > 0) {
          const approved = await approve(pendingCreates.shift()!);
          vmIds.push(approved.body.ticket.vmId);
        } else if (choice < 0.6 && vmIds.length > 0) {
          const deletion = await requestDeletion(pick(vmIds));
          if (deletion.status === 202) {
            tickets.push(deletion.body.ticketId);
            pendingDeletes.push(deletion.body.ticketId);
          } else {
            // Refused: the VM's create runs, it is being deleted, or it is gone.
            refusals.push({
              status: deletion.status,
              code: deletion.body.error?.code,
            });
          }
        } else if (choice < 0.75 && pendingDeletes.length > 0) {
          const ticketId = pendingDeletes.shift()!;
          const approved = await approve(ticketId, {});
          if (approved.status !== 200) {
            refusals.push({
              status: approved.status,
              code: approved.body.error?.code,
            });
            pendingDeletes.push(ticketId);
          }
        } else if (choice < 0.9) {
          // The cluster moves on: VMs boot, deleted ones go.
          sim.clock.advance(Math.floor(random() * 20_000));
        } else {
          // The worker gets a moment to take its next steps.
          await new Promise(resolve =>
            setTimeout(resolve, Math.floor(random() * 50)),
          );
        }
      }

      // The run ends: undecided requests are rejected, the cluster settles, every ticket ends.
      for (const ticketId of [...pendingCreates, ...pendingDeletes]) {
        await api
          .as('approver')
          .post(`/v1/approval-tasks/${ticketId}/reject`)
          .send({ reason: 'End of the run' });
      }
      await eventually(
        async () => {
          sim.clock.runUntilIdle();
          const statuses = await Promise.all(tickets.map(ticketStatus));
          expect(
            statuses.filter(status => !TERMINAL.includes(status!)),
          ).toEqual([]);
        },
        { timeoutMs: 60_000 },
      );
      return { vmIds, refusals };
    }

    // Two hundred steps against the cluster: more than a test's default budget on a busy
    // two-core runner.
    it('never leaves a VM on the cluster without a record, in 20 seeded interleavings of creates, deletes and approvals', async () => {
      await start({ clock: 'manual', timing: 'realistic' });
      await api.scheduler.triggerTask('shepherd-cluster-health');
      const shop = (await api.store.systems.get(service.systemId))!;
      const refusals: Array<{ status: number; code?: string }> = [];
      const records = api.store.vms;

      for (let run = 1; run <= 20; run += 1) {
        const runService = await api.fixtures.service(shop, {
          name: `run${run}`,
        });
        const outcome = await interleave(run, runService);
        refusals.push(...outcome.refusals);

        // Every VM of the run on the cluster has its record, under its name.
        const onCluster = sim.objects
          .list('virtualmachines', 'dev')
          .filter(
            object =>
              object.metadata.labels?.[SHEPHERD_PLATFORM_LABELS.service] ===
              runService.name,
          );
        const unrecorded = [];
        for (const object of onCluster) {
          const id = object.metadata.labels?.[SHEPHERD_PLATFORM_LABELS.vmId];
          const record = id ? await records.get(id) : undefined;
          if (record?.name !== object.metadata.name) {
            unrecorded.push(object.metadata.name);
          }
        }
        expect({ run, unrecorded }).toEqual({ run, unrecorded: [] });
        // Every record left is settled and its VM is on the cluster.
        const left = (
          await Promise.all(outcome.vmIds.map(id => records.get(id)))
        ).filter(record => record !== undefined);
        expect({
          run,
          unsettled: left
            .filter(record => ['CREATING', 'DELETING'].includes(record!.status))
            .map(record => record!.name),
          missing: left
            .filter(record => !vmOnCluster(record!.name))
            .map(record => record!.name),
        }).toEqual({ run, unsettled: [], missing: [] });
      }
      // Refusals are client errors with a code, never 5xx; and the seeds do make deletes
      // meet running creates.
      expect(
        refusals.filter(
          refusal =>
            refusal.status < 400 || refusal.status >= 500 || !refusal.code,
        ),
      ).toEqual([]);
      expect(
        refusals.filter(refusal => refusal.code === 'VM_OPERATION_IN_PROGRESS')
          .length,
      ).toBeGreaterThan(0);
    }, 240_000);
  });
});
