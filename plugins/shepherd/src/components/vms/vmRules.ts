import {
  PowerAction,
  ShepherdTicket,
  ShepherdVm,
  TicketOperation,
  TicketStatus,
  VM_STATUSES_OWNED_BY_JOBS,
  VmStatus,
  isPowerActionAllowed,
  isResourceStep,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { TICKET_STATUS_PHRASES, describeTicket } from '../requests/ticketText';

/*
 * What the VM page offers in which state, from the rules the backend applies (shared through
 * shepherd-common), so that buttons that would only earn a VM_STATE_CONFLICT are disabled
 * with a reason; the backend still decides (a VM may have moved on since the page loaded).
 */

/** Statuses a VM passes through on its way somewhere: pages poll while a VM is in one. */
export const TRANSITIONAL_VM_STATUSES: ReadonlySet<VmStatus> = new Set([
  'CREATING',
  'STARTING',
  'STOPPING',
  'DELETING',
  'MIGRATING',
  'PENDING',
]);

export function isTransitional(vm: Pick<ShepherdVm, 'status'>): boolean {
  return TRANSITIONAL_VM_STATUSES.has(vm.status);
}

/** Why a power action is not offered now, or undefined when it is. */
export function powerActionBlockedReason(
  vm: ShepherdVm,
  action: PowerAction,
): string | undefined {
  return isPowerActionAllowed(action, vm.status)
    ? undefined
    : `A VM cannot ${action} while it is ${vm.status}`;
}

/** Why a modification cannot be requested now. */
export function modifyBlockedReason(vm: ShepherdVm): string | undefined {
  return VM_STATUSES_OWNED_BY_JOBS.includes(vm.status)
    ? `A VM cannot be resized while it is ${vm.status}`
    : undefined;
}

/** Why a deletion cannot be requested now. */
export function deleteBlockedReason(vm: ShepherdVm): string | undefined {
  return vm.status === 'DELETING'
    ? 'The VM is already being deleted'
    : undefined;
}

/** The requests a VM page offers actions for, each its own operation of tickets. */
export type VmRequestOperation = Extract<
  TicketOperation,
  'POWER' | 'MODIFY' | 'DELETE'
>;

/**
 * Operations whose job holds the VM from approval until it has ended: while one is approved
 * or executing, the backend refuses every other power, resize and delete request with
 * VM_OPERATION_IN_PROGRESS.
 */
const VM_HOLDING_OPERATIONS: readonly TicketOperation[] = [
  'CREATE',
  'POWER',
  'MODIFY',
  'DELETE',
];
const VM_HOLDING_STATUSES: readonly TicketStatus[] = ['APPROVED', 'EXECUTING'];

/**
 * The request on the VM that a new request of `operation` would collide with: one whose job
 * holds the VM (VM_OPERATION_IN_PROGRESS), or a pending one of the same operation, which the
 * backend counts as the same request (DUPLICATE_PENDING_REQUEST). `tickets` are the VM's.
 */
export function conflictingRequest(
  tickets: readonly ShepherdTicket[],
  operation: VmRequestOperation,
): ShepherdTicket | undefined {
  return tickets.find(
    ticket =>
      (VM_HOLDING_OPERATIONS.includes(ticket.operation) &&
        VM_HOLDING_STATUSES.includes(ticket.status)) ||
      (ticket.operation === operation && ticket.status === 'PENDING'),
  );
}

/** Why a request of `operation` waits for another request on the VM, naming it. */
export function requestConflictReason(
  tickets: readonly ShepherdTicket[],
  operation: VmRequestOperation,
): string | undefined {
  const conflict = conflictingRequest(tickets, operation);
  return conflict
    ? `Request “${describeTicket(conflict)}” is ${
        TICKET_STATUS_PHRASES[conflict.status]
      }: this waits until it has ended`
    : undefined;
}

/** Why console access cannot be requested now: only running VMs have a console. */
export function consoleBlockedReason(vm: ShepherdVm): string | undefined {
  return vm.status === 'RUNNING'
    ? undefined
    : `The console is only available while the VM runs; it is ${vm.status}`;
}

export {
  CONSOLE_GRANT_DEFAULT_MINUTES,
  CONSOLE_GRANT_MAX_MINUTES,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/** CPU and memory steps, and the disk step, of modify targets. */
export const CPU_MEMORY_STEP = 0.5;
export const DISK_STEP = 1;

export type ModifyTargets = {
  cpuCores: number;
  memoryGi: number;
  diskGb: number;
};

/** What is wrong with modify targets, per field; empty when they can be requested. */
export function checkModifyTargets(
  vm: ShepherdVm,
  targets: ModifyTargets,
): Partial<Record<keyof ModifyTargets, string>> {
  const problems: Partial<Record<keyof ModifyTargets, string>> = {};
  if (!isResourceStep(targets.cpuCores)) {
    problems.cpuCores = `CPU cores come in steps of ${CPU_MEMORY_STEP}`;
  }
  if (!isResourceStep(targets.memoryGi)) {
    problems.memoryGi = `Memory comes in steps of ${CPU_MEMORY_STEP} GiB`;
  }
  if (!Number.isInteger(targets.diskGb)) {
    problems.diskGb = 'The disk size is a whole number of GiB';
  } else if (targets.diskGb < vm.diskGb) {
    problems.diskGb = `Disks only grow: at least ${vm.diskGb} GiB`;
  }
  return problems;
}

/** The targets that differ from the VM, as the API takes them. */
export function changedTargets(vm: ShepherdVm, targets: ModifyTargets) {
  return {
    targetCpuCores:
      targets.cpuCores !== vm.cpuCores ? targets.cpuCores : undefined,
    targetMemoryGi:
      targets.memoryGi !== vm.memoryGi ? targets.memoryGi : undefined,
    targetDiskGb: targets.diskGb !== vm.diskGb ? targets.diskGb : undefined,
  };
}

/** Whether a CPU or memory change of this VM only takes effect after a restart. */
export function needsRestart(vm: ShepherdVm, targets: ModifyTargets): boolean {
  return (
    vm.status === 'RUNNING' &&
    (targets.cpuCores !== vm.cpuCores || targets.memoryGi !== vm.memoryGi)
  );
}
