import {
  SHEPHERD_ERROR_CODES,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdStore } from '../database/ShepherdStore';
import { vmJob, vmOperationKey } from '../jobs/vmJob';
import { JobRecord } from '../queue/JobsStore';
import { conflict } from '../service/errors';
import { UnitOfWork } from '../service/GovernanceContext';

/*
 * One operation per VM at a time. Every job that acts on a VM holds the queue's unique key
 * `vm:<id>` while it is queued or running; the database's partial unique index on that key
 * lets exactly one of two concurrent approvals (or direct power requests) enqueue, and the
 * other's unit of work is rolled back with VM_OPERATION_IN_PROGRESS. The key is released by
 * the queue itself when the job ends, however it ends. Requests are refused early with the
 * same code when a job holds the VM already (or its create is still under way); that read
 * is for a clear answer only, the unique index is what enforces the rule. A request that
 * repeats the operation under way (a second restart while the first is queued or running,
 * where no approver is needed) joins it instead of being refused: see `VmOperation.join`.
 */

/** The operation that holds a VM: its ticket (none for direct power actions) and what it does. */
export interface RunningVmOperation {
  ticketId?: string;
  operation: string;
  status?: string;
}

/**
 * What holds a VM: the operation under way and, when it is a queued or running job, the job and
 * the id of the domain event it carries out (a VM's create before its job has none).
 */
export interface VmOperationHolder {
  running: RunningVmOperation;
  job?: JobRecord;
  eventId?: string;
}

async function describeHolder(
  store: Pick<ShepherdStore, 'events' | 'tickets'>,
  job: JobRecord,
): Promise<VmOperationHolder> {
  const eventId = String(job.payload.eventId ?? '');
  const event = await store.events.get(eventId);
  const held = { job, eventId };
  if (event?.aggregateType === 'ticket') {
    const ticket = await store.tickets.get(event.aggregateId);
    if (ticket) {
      return {
        ...held,
        running: {
          ticketId: ticket.id,
          operation: ticket.operation,
          status: ticket.status,
        },
      };
    }
  }
  const action = event?.payload.operation;
  return {
    ...held,
    running: { operation: typeof action === 'string' ? action : job.kind },
  };
}

/** 409 VM_OPERATION_IN_PROGRESS, naming what runs. */
export function operationInProgress(
  vm: Pick<ShepherdVm, 'id' | 'name'>,
  running: RunningVmOperation,
) {
  const what = running.ticketId
    ? `ticket ${running.ticketId} (${running.operation}${
        running.status ? `, ${running.status}` : ''
      })`
    : `a ${running.operation} action`;
  return conflict(
    SHEPHERD_ERROR_CODES.VM_OPERATION_IN_PROGRESS,
    `${vm.name} is busy: ${what} is still being carried out on it. Try again when it has ended.`,
    { vmId: vm.id, ...running },
  );
}

/**
 * What holds a VM: a queued or running job, or its create, whose ticket is approved or
 * executing while the VM is CREATING.
 */
export async function vmOperationHolder(
  store: Pick<ShepherdStore, 'jobs' | 'events' | 'tickets'>,
  vm: Pick<ShepherdVm, 'id' | 'status' | 'ticketId'>,
): Promise<VmOperationHolder | undefined> {
  const job = await store.jobs.findActive(vmOperationKey(vm.id));
  if (job) return describeHolder(store, job);
  if (vm.status === 'CREATING' && vm.ticketId) {
    const create = await store.tickets.get(vm.ticketId);
    if (create && ['APPROVED', 'EXECUTING'].includes(create.status)) {
      return {
        running: {
          ticketId: create.id,
          operation: create.operation,
          status: create.status,
        },
      };
    }
  }
  return undefined;
}

/** The operation under way on a VM (see {@link vmOperationHolder}). */
export async function runningVmOperation(
  store: Pick<ShepherdStore, 'jobs' | 'events' | 'tickets'>,
  vm: Pick<ShepherdVm, 'id' | 'status' | 'ticketId'>,
): Promise<RunningVmOperation | undefined> {
  return (await vmOperationHolder(store, vm))?.running;
}

/**
 * Queues the job of an operation on a VM in the unit of work, if no other operation holds
 * the VM; otherwise nothing is queued and the answer is what holds it. The database's unique
 * index decides between concurrent units of work, so this is the check that enforces the rule.
 * Queuing the same event again is idempotent.
 */
export async function queueVmOperation(
  unit: UnitOfWork,
  job: { kind: string; eventId: string; clusterId?: string },
  vm: Pick<ShepherdVm, 'id'>,
): Promise<{ queued: JobRecord } | { holder: VmOperationHolder }> {
  const queued = await unit.enqueue(
    vmJob(job.kind, job.eventId, vm.id, job.clusterId),
  );
  if (queued.payload.eventId !== job.eventId) {
    return { holder: await describeHolder(unit.tx, queued) };
  }
  return { queued };
}

/**
 * Queues the job of an operation on a VM in the unit of work, if no other operation holds
 * the VM; otherwise 409 VM_OPERATION_IN_PROGRESS, and the unit of work rolls back.
 */
export async function claimVmOperation(
  unit: UnitOfWork,
  job: { kind: string; eventId: string; clusterId?: string },
  vm: Pick<ShepherdVm, 'id' | 'name'>,
): Promise<JobRecord> {
  const claim = await queueVmOperation(unit, job, vm);
  if ('holder' in claim) throw operationInProgress(vm, claim.holder.running);
  return claim.queued;
}
