import { randomUUID } from 'node:crypto';
import { describeOnEachDatabase, refusalOf } from '../__testUtils__/operations';
import { UnitOfWork } from '../service/GovernanceContext';
import { vmOperationKey } from '../jobs/vmJob';
import {
  claimVmOperation,
  operationInProgress,
  runningVmOperation,
} from './vmOperationLock';

describe('one operation per VM', () => {
  describeOnEachDatabase(bed => {
    /** Records an operation's event and queues its job for `vm`, in one unit of work. */
    const claim = (vm: { id: string; name: string }, operation: string) =>
      bed.context.execute(async (unit: UnitOfWork) => {
        const event = await unit.recordEvent({
          type: 'VM_STOP_REQUESTED',
          aggregateType: 'vm',
          aggregateId: vm.id,
          payload: { vmId: vm.id, operation },
          status: 'PROCESSING',
          createdBy: 'user:default/engineer',
        });
        return claimVmOperation(
          unit,
          { kind: 'vm.power', eventId: event.id },
          vm,
        );
      });

    it('lets exactly one of concurrent operations on a VM through', async () => {
      const vm = await bed.vm({ status: 'RUNNING' });
      const outcomes = await Promise.allSettled(
        ['stop', 'restart', 'stop', 'restart', 'stop', 'restart'].map(action =>
          claim(vm, action),
        ),
      );
      const through = outcomes.filter(o => o.status === 'fulfilled');
      const refused = outcomes.filter(
        (o): o is PromiseRejectedResult => o.status === 'rejected',
      );
      expect(through).toHaveLength(1);
      expect(refused).toHaveLength(5);
      for (const { reason } of refused) {
        expect(reason).toMatchObject({
          name: 'ConflictError',
          code: 'VM_OPERATION_IN_PROGRESS',
        });
      }
      // The refused units left nothing behind: one event, one job.
      const events = await bed
        .knex('domain_events')
        .where({ aggregate_id: vm.id });
      expect(events).toHaveLength(1);
      const jobs = await bed
        .knex('jobs')
        .where({ unique_key: vmOperationKey(vm.id) });
      expect(jobs).toHaveLength(1);
    });

    it('names what runs, and lets the next operation through once it ended', async () => {
      const vm = await bed.vm({ status: 'RUNNING' });
      const first = await claim(vm, 'stop');

      expect(await refusalOf(claim(vm, 'start'))).toEqual({
        name: 'ConflictError',
        code: 'VM_OPERATION_IN_PROGRESS',
        message: `${vm.name} is busy: a stop action is still being carried out on it. Try again when it has ended.`,
        details: { vmId: vm.id, operation: 'stop' },
      });
      expect(await runningVmOperation(bed.store, vm)).toEqual({
        operation: 'stop',
      });

      await bed
        .knex('jobs')
        .where({ id: first.id })
        .update({ status: 'succeeded' });
      expect(await runningVmOperation(bed.store, vm)).toBeUndefined();
      await expect(claim(vm, 'start')).resolves.toMatchObject({
        uniqueKey: vmOperationKey(vm.id),
      });
    });

    it("counts a VM's create as running while its ticket is approved or executing", async () => {
      const ticketId = randomUUID();
      const vm = await bed.vm({ status: 'CREATING', ticketId });
      await bed.fixtures.ticket(bed.service, {
        id: ticketId,
        operation: 'CREATE',
        status: 'EXECUTING',
      });
      expect(await runningVmOperation(bed.store, vm)).toEqual({
        ticketId,
        operation: 'CREATE',
        status: 'EXECUTING',
      });
      const refusal = operationInProgress(
        vm,
        (await runningVmOperation(bed.store, vm))!,
      );
      expect(refusal.message).toContain(
        `ticket ${ticketId} (CREATE, EXECUTING)`,
      );
    });
  });
});
