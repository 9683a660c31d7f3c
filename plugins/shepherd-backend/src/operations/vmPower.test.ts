import {
  PowerAction,
  ShepherdVm,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  actor,
  describeOnEachDatabase,
  operationDependencies,
  refusalOf,
} from '../__testUtils__/operations';
import { ticketTargetOf, vmEventPayload } from './vmRequests';
import {
  FakeVmJob,
  FakeVmState,
  recordingProvider,
} from '../__testUtils__/vmJobs';
import { ShepherdProviderError } from '@kubevirt-shepherd/plugin-shepherd-node';
import { PermanentJobError } from '../queue/JobWorker';
import { vmPower } from './vmPower';
import { vmOperationHolder } from './vmOperationLock';

const REQUESTER = actor('engineer-test');
const APPROVER = actor('approver');

describe('vmPower', () => {
  describeOnEachDatabase(bed => {
    let power: ReturnType<typeof vmPower>;

    beforeAll(async () => {
      power = vmPower(operationDependencies(bed));
    });

    const prepare = (
      target: ShepherdVm,
      action: PowerAction,
      reason?: string,
    ) => power.prepare({ actor: REQUESTER, target, input: { action, reason } });

    describe('a request', () => {
      it.each([
        ['start', 'STOPPED', 'START', 'VM_START_REQUESTED', 'vm.start'],
        ['stop', 'RUNNING', 'STOP', 'VM_STOP_REQUESTED', 'vm.stop'],
        ['restart', 'RUNNING', 'RESTART', 'VM_RESTART_REQUESTED', 'vm.restart'],
      ] as const)(
        'to %s is governed, recorded and audited as its action',
        async (action, status, governed, eventType, auditAction) => {
          const target = await bed.vm({
            status,
            namespace: 'prd',
            environment: 'prod',
          });

          const prepared = await prepare(target, action, '  maintenance ');

          expect(prepared).toEqual({
            governed,
            environment: 'prod',
            ticket: {
              operation: 'POWER',
              eventType,
              target: target.id,
              reason: 'maintenance',
              ...ticketTargetOf(target),
              powerAction: action,
              requestSpec: { action },
              payload: {
                ...vmEventPayload(target),
                operation: action,
                reason: 'maintenance',
                actor: REQUESTER.userEntityRef,
              },
              auditAction,
            },
          });
        },
      );

      it('says what was asked for when no reason is given', async () => {
        const target = await bed.vm({ status: 'STOPPED' });

        const prepared = await prepare(target, 'start', ' ');

        expect(prepared.ticket.reason).toBe('start requested');
        expect(prepared.environment).toBe('test');
      });

      it('is refused in a state its action does not apply to', async () => {
        const cases: Array<[PowerAction, VmStatus]> = [
          ['start', 'RUNNING'],
          ['start', 'CREATING'],
          ['stop', 'STOPPED'],
          ['stop', 'DELETING'],
          ['restart', 'STOPPED'],
          ['restart', 'STARTING'],
        ];
        const refusals = [];
        for (const [action, status] of cases) {
          const target = await bed.vm({ status });
          refusals.push(await refusalOf(prepare(target, action)));
        }

        expect(refusals).toEqual(
          cases.map(([action, status]) => ({
            name: 'ConflictError',
            code: 'VM_STATE_CONFLICT',
            message: expect.stringMatching(
              new RegExp(`^Cannot ${action} .+ while it is ${status}$`),
            ),
            details: { status, action },
          })),
        );
      });
    });

    it('is carried out directly: its event PROCESSING, its job queued for the cluster, audited', async () => {
      const target = await bed.vm({ status: 'STOPPED' });
      const prepared = await prepare(target, 'start', 'needed');

      const submitted = await bed.context.execute(unit =>
        power.direct!(unit, {
          actor: REQUESTER,
          target,
          input: { action: 'start', reason: 'needed' },
          prepared,
        }),
      );

      expect(submitted).toEqual({
        status: 'ACCEPTED',
        eventId: expect.any(String),
      });
      const event = await bed.store.events.get(submitted.eventId!);
      expect(event).toEqual({
        id: submitted.eventId,
        type: 'VM_START_REQUESTED',
        aggregateType: 'vm',
        aggregateId: target.id,
        payload: prepared.ticket.payload,
        status: 'PROCESSING',
        createdBy: REQUESTER.userEntityRef,
        createdAt: bed.context.now(),
      });
      const { id: jobId } = await bed
        .knex('jobs')
        .where({ unique_key: `vm:${target.id}` })
        .first();
      expect(await bed.store.jobs.get(jobId)).toMatchObject({
        kind: 'vm.power',
        payload: { eventId: submitted.eventId },
        status: 'queued',
        maxAttempts: 8,
        uniqueKey: `vm:${target.id}`,
        concurrencyKey: `cluster:${target.clusterId}`,
      });
      const audit = await bed.store.audit.list({
        offset: 0,
        limit: 10,
        resourceId: target.id,
      });
      expect(audit.items).toEqual([
        expect.objectContaining({
          action: 'vm.start',
          actor: REQUESTER.userEntityRef,
          resourceType: 'vm',
          resourceId: target.id,
          resourceName: target.name,
          parentType: 'service',
          parentId: target.serviceId,
          environment: 'test',
          details: {
            reason: 'needed',
            approvalRequired: false,
            eventId: submitted.eventId,
          },
        }),
      ]);
      expect(
        (await bed.store.tickets.list({ offset: 0, limit: 1, vmId: target.id }))
          .totalItems,
      ).toBe(0);
    });

    describe('a repeated request', () => {
      /** Carries a request out directly, as the requests service does after its checks. */
      async function directly(
        target: ShepherdVm,
        action: PowerAction,
        by = REQUESTER,
      ) {
        const prepared = await prepare(target, action);
        return bed.context.execute(unit =>
          power.direct!(unit, {
            actor: by,
            target,
            input: { action },
            prepared,
          }),
        );
      }

      const eventsOf = (vmId: string) =>
        bed.knex('domain_events').where({ aggregate_id: vmId });
      const jobsOf = (vmId: string) =>
        bed.knex('jobs').where({ unique_key: `vm:${vmId}` });

      it('joins the same action under way: one event, one job, its request audited as joining', async () => {
        const target = await bed.vm({ status: 'RUNNING' });
        const first = await directly(target, 'restart');

        const second = await directly(target, 'restart', actor('other'));

        expect(second).toEqual({
          status: 'ACCEPTED',
          eventId: first.eventId,
          joined: true,
        });
        expect(await eventsOf(target.id)).toHaveLength(1);
        expect(await jobsOf(target.id)).toHaveLength(1);
        const audit = await bed.store.audit.list({
          offset: 0,
          limit: 10,
          resourceId: target.id,
        });
        expect(audit.items.map(entry => [entry.actor, entry.details])).toEqual(
          expect.arrayContaining([
            [
              REQUESTER.userEntityRef,
              {
                reason: 'restart requested',
                approvalRequired: false,
                eventId: first.eventId,
              },
            ],
            [
              'user:default/other',
              {
                reason: 'restart requested',
                approvalRequired: false,
                eventId: first.eventId,
                joined: true,
              },
            ],
          ]),
        );
      });

      it('lets concurrent repeats run the action once, all answered with its event', async () => {
        const target = await bed.vm({ status: 'RUNNING' });

        const answers = await Promise.all(
          Array.from({ length: 6 }, () => directly(target, 'restart')),
        );

        const [event] = await eventsOf(target.id);
        expect(await eventsOf(target.id)).toHaveLength(1);
        expect(await jobsOf(target.id)).toHaveLength(1);
        expect(answers.map(answer => answer.eventId)).toEqual(
          Array(6).fill(event.id),
        );
        expect(answers.filter(answer => answer.joined)).toHaveLength(5);
      });

      it('refuses a different action while one is under way, leaving nothing behind', async () => {
        const target = await bed.vm({ status: 'RUNNING' });
        await directly(target, 'restart');

        expect(await refusalOf(directly(target, 'stop'))).toEqual({
          name: 'ConflictError',
          code: 'VM_OPERATION_IN_PROGRESS',
          message: `${target.name} is busy: a restart action is still being carried out on it. Try again when it has ended.`,
          details: { vmId: target.id, operation: 'restart' },
        });
        expect(await eventsOf(target.id)).toHaveLength(1);
      });

      it("never joins an approved ticket's action, nor one in an environment that needs approval", async () => {
        const target = await bed.vm({
          status: 'RUNNING',
          namespace: 'prd',
          environment: 'prod',
        });
        const ticket = await bed.fixtures.ticket(bed.service, {
          operation: 'POWER',
          vmId: target.id,
          status: 'APPROVED',
          powerAction: 'restart',
        });
        await bed.context.execute(async unit => {
          await unit.recordEvent({
            id: ticket.eventId,
            type: 'VM_RESTART_REQUESTED',
            aggregateType: 'ticket',
            aggregateId: ticket.id,
            payload: { operation: 'restart' },
            status: 'PROCESSING',
            createdBy: REQUESTER.userEntityRef,
          });
          await unit.enqueue({
            kind: 'vm.power',
            payload: { eventId: ticket.eventId },
            maxAttempts: 8,
            uniqueKey: `vm:${target.id}`,
          });
        });
        const holder = await vmOperationHolder(bed.store, target);
        expect(holder?.running).toEqual({
          ticketId: ticket.id,
          operation: 'POWER',
          status: 'APPROVED',
        });

        expect(
          await bed.context.execute(unit =>
            power.join!(unit, {
              actor: REQUESTER,
              target,
              input: { action: 'restart' },
              holder: holder!,
            }),
          ),
        ).toBeUndefined();
        expect(
          await bed.context.execute(unit =>
            power.join!(unit, {
              actor: REQUESTER,
              target,
              input: { action: 'restart' },
              holder: {
                ...holder!,
                running: { operation: 'restart' },
              },
            }),
          ),
        ).toBeUndefined();
      });
    });

    it("takes no choices from an approver and queues the job for the VM's cluster", async () => {
      const target = await bed.vm({ namespace: 'prd', environment: 'prod' });
      const ticket = await bed.fixtures.ticket(bed.service, {
        operation: 'POWER',
        vmId: target.id,
      });

      expect(power.approval.decisionFields).toEqual([]);
      expect(await power.approval.plan(ticket, {})).toEqual({
        plan: undefined,
        warnings: [],
      });
      expect(
        await bed.context.execute(unit =>
          power.approval.write(unit, {
            actor: APPROVER,
            ticket,
            vm: target,
            plan: undefined,
            decidedAt: bed.context.now(),
          }),
        ),
      ).toEqual({
        clusterId: target.clusterId,
        audit: { decision: 'approved' },
      });
      expect(await bed.store.vms.get(target.id)).toEqual(target);
    });

    describe('its job', () => {
      function job(
        target: ShepherdVm,
        action: string,
        states: FakeVmState[],
        options: {
          actionSent?: boolean;
          payload?: Record<string, unknown>;
        } = {},
      ) {
        const provider = recordingProvider(...states);
        const fake = new FakeVmJob(bed.context, {
          vm: target,
          provider,
          eventPayload: { operation: action, vmId: target.id },
          payload: {
            ...(options.actionSent ? { actionSent: true } : {}),
            ...options.payload,
          },
        });
        return { provider, fake };
      }

      it.each([
        ['start', 'STOPPED', 'startVirtualMachine', 'STARTING'],
        ['stop', 'RUNNING', 'stopVirtualMachine', 'STOPPING'],
        ['restart', 'RUNNING', 'restartVirtualMachine', 'STARTING'],
      ] as const)(
        'sends %s once, shows it on the VM and checkpoints that it was sent',
        async (action, status, call, inProgress) => {
          const target = await bed.vm({ status });
          const { provider, fake } = job(target, action, [{ status }]);

          const continuation = await power.job!.run(fake);

          // The VM is read once, to be sure the object is Shepherd's, then the action sent.
          expect(provider.calls).toEqual(['getVirtualMachine', call]);
          expect(continuation).toEqual({
            continueAfterMs: FakeVmJob.FOLLOW_MS,
            payload: { eventId: 'event', actionSent: true },
          });
          expect(fake.steps).toEqual(['connect', 'markExecuting', 'follow']);
          expect(fake.followed).toEqual([`${action} of ${target.name}`]);
          expect((await bed.store.vms.get(target.id))?.status).toBe(inProgress);
        },
      );

      describe('a restart, which must reach the cluster once', () => {
        it('first records the instance it replaces, and sends nothing yet', async () => {
          const target = await bed.vm({ status: 'RUNNING' });
          const { provider, fake } = job(target, 'restart', [
            { status: 'RUNNING', instanceUid: 'instance-1' },
          ]);

          expect(await power.job!.run(fake)).toEqual({
            continueAfterMs: 0,
            payload: { eventId: 'event', restartOfInstance: 'instance-1' },
          });
          expect(provider.calls).toEqual(['getVirtualMachine']);
          expect((await bed.store.vms.get(target.id))?.status).toBe('RUNNING');
        });

        it('sends it while that instance still runs', async () => {
          const target = await bed.vm({ status: 'RUNNING' });
          const { provider, fake } = job(
            target,
            'restart',
            [{ status: 'RUNNING', instanceUid: 'instance-1' }],
            { payload: { restartOfInstance: 'instance-1' } },
          );

          expect(await power.job!.run(fake)).toEqual({
            continueAfterMs: FakeVmJob.FOLLOW_MS,
            payload: {
              eventId: 'event',
              restartOfInstance: 'instance-1',
              actionSent: true,
            },
          });
          expect(provider.calls).toEqual([
            'getVirtualMachine',
            'restartVirtualMachine',
          ]);
        });

        it.each([
          ['a new instance runs', { instanceUid: 'instance-2' }],
          ['the old instance is gone', {}],
        ])(
          'does not send it again when %s (its worker died after sending it)',
          async (_case, instance) => {
            const target = await bed.vm({ status: 'RUNNING' });
            const { provider, fake } = job(
              target,
              'restart',
              [{ status: 'RUNNING', ...instance }],
              { payload: { restartOfInstance: 'instance-1' } },
            );

            expect(await power.job!.run(fake)).toEqual({
              continueAfterMs: FakeVmJob.FOLLOW_MS,
              payload: {
                eventId: 'event',
                restartOfInstance: 'instance-1',
                actionSent: true,
              },
            });
            expect(provider.calls).not.toContain('restartVirtualMachine');
            expect(fake.followed).toEqual([`restart of ${target.name}`]);
          },
        );
      });

      it('never sends the action again once sent, and completes when the VM got there', async () => {
        const target = await bed.vm({ status: 'STARTING' });
        const { provider, fake } = job(
          target,
          'restart',
          [{ status: 'RUNNING', message: 'Booted' }],
          { actionSent: true },
        );

        expect(await power.job!.run(fake)).toBeUndefined();

        expect(provider.calls).toEqual(['getVirtualMachine']);
        expect(fake.steps).toEqual(['connect', 'markExecuting', 'complete']);
        expect(fake.completed).toEqual([{ details: { action: 'restart' } }]);
        expect(await bed.store.vms.get(target.id)).toMatchObject({
          status: 'RUNNING',
          statusMessage: 'Booted',
        });
      });

      it('follows a VM on its way, recording what the cluster shows', async () => {
        const target = await bed.vm({ status: 'STOPPED' });
        const { provider, fake } = job(
          target,
          'start',
          [{ status: 'STARTING' }],
          {
            actionSent: true,
          },
        );

        expect(await power.job!.run(fake)).toEqual({
          continueAfterMs: FakeVmJob.FOLLOW_MS,
        });

        expect(provider.calls).toEqual(['getVirtualMachine']);
        expect(fake.steps).toEqual([
          'connect',
          'markExecuting',
          'observe',
          'follow',
        ]);
        expect(fake.observed).toEqual([
          {
            vmId: target.id,
            state: expect.objectContaining({ status: 'STARTING' }),
          },
        ]);
      });

      it('keeps showing the action while the cluster still shows the old state', async () => {
        const target = await bed.vm({ status: 'STOPPING' });
        const { provider, fake } = job(
          target,
          'stop',
          [{ status: 'RUNNING' }],
          {
            actionSent: true,
          },
        );

        expect(await power.job!.run(fake)).toEqual({
          continueAfterMs: FakeVmJob.FOLLOW_MS,
        });

        expect(provider.calls).toEqual(['getVirtualMachine']);
        expect(fake.steps).toEqual(['connect', 'markExecuting', 'follow']);
        expect((await bed.store.vms.get(target.id))?.status).toBe('STOPPING');
      });

      it('fails for good when the VM failed on the cluster', async () => {
        const target = await bed.vm({ status: 'STARTING' });
        const withMessage = job(
          target,
          'start',
          [{ status: 'FAILED', message: 'ErrImagePull' }],
          { actionSent: true },
        );
        const without = job(target, 'start', [{ status: 'FAILED' }], {
          actionSent: true,
        });

        await expect(power.job!.run(withMessage.fake)).rejects.toThrow(
          new PermanentJobError('The VM failed on the cluster: ErrImagePull'),
        );
        await expect(power.job!.run(without.fake)).rejects.toThrow(
          new PermanentJobError(
            'The VM failed on the cluster: no reason given',
          ),
        );
        expect(withMessage.fake.steps).toEqual(['connect', 'markExecuting']);
      });

      it('reads the VM again after a conflict: done if it got there, failed with the conflict if not', async () => {
        const target = await bed.vm({ status: 'RUNNING' });
        const conflict = new ShepherdProviderError(
          'conflict',
          'Operation cannot be fulfilled: the object has been modified',
          { statusCode: 409 },
        );
        const conflicting = (states: FakeVmState[]) => {
          const { provider, fake } = job(target, 'stop', states);
          provider.stopVirtualMachine = async () => {
            provider.calls.push('stopVirtualMachine');
            throw conflict;
          };
          return { provider, fake };
        };

        const stopped = conflicting([{ status: 'STOPPED' }]);
        expect(await power.job!.run(stopped.fake)).toEqual({
          continueAfterMs: FakeVmJob.FOLLOW_MS,
          payload: { eventId: 'event', actionSent: true },
        });
        expect(stopped.provider.calls).toEqual([
          'getVirtualMachine',
          'stopVirtualMachine',
          'getVirtualMachine',
        ]);

        const running = conflicting([{ status: 'RUNNING' }]);
        await expect(power.job!.run(running.fake)).rejects.toBe(conflict);
        expect(running.provider.calls).toEqual([
          'getVirtualMachine',
          'stopVirtualMachine',
          'getVirtualMachine',
        ]);
      });

      it("never sends an action to an object under the VM's name that is not the VM", async () => {
        const target = await bed.vm({ status: 'RUNNING' });
        const { provider, fake } = job(target, 'stop', [
          { status: 'RUNNING', labels: { team: 'payments' } },
        ]);

        await expect(power.job!.run(fake)).rejects.toThrow(
          /^VM_NAME_CONFLICT: the object named .* is not this VM$/,
        );
        expect(provider.calls).toEqual(['getVirtualMachine']);
        expect((await bed.store.vms.get(target.id))?.status).toBe('RUNNING');
      });

      it('fails for good on an action it does not know, before anything is sent', async () => {
        const target = await bed.vm({ status: 'RUNNING' });
        const { provider, fake } = job(target, 'pause', [
          { status: 'RUNNING' },
        ]);

        await expect(power.job!.run(fake)).rejects.toThrow(
          new PermanentJobError("Unknown power action 'pause'"),
        );
        expect(provider.calls).toEqual([]);
        expect(fake.steps).toEqual(['connect']);
      });
    });
  });
});
