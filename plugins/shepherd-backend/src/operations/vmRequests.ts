import {
  GovernedOperation,
  REQUEST_REASON_MAX_LENGTH,
  SHEPHERD_ERROR_CODES,
  ShepherdVm,
  checkRequestReason,
  isResourceStep,
  requiresRequestReason,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdStore } from '../database/ShepherdStore';
import { conflict, invalidInput, found } from '../service/errors';
import { UnitOfWork } from '../service/GovernanceContext';

/** The reason a request must give; approvers and the audit log read it. */
export function requireReason(reason: string | undefined): string {
  const trimmed = reason?.trim();
  if (!trimmed) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
      'Give a reason: approvers and the audit log need it',
    );
  }
  return trimmed;
}

/**
 * The trimmed reason of a request whose reason is required only in some environments
 * (deletions and console access in production), or undefined where none was given. 400
 * REASON_REQUIRED where it is missing, REASON_TOO_LONG where it is too long.
 */
export function checkedReason(
  operation: GovernedOperation,
  vm: ShepherdVm,
  reason: string | undefined,
): string | undefined {
  const problem = checkRequestReason(
    reason,
    requiresRequestReason(operation, vm.environment),
  );
  if (problem) {
    throw invalidInput(problem.code, problem.message, {
      field: 'reason',
      maxLength: REQUEST_REASON_MAX_LENGTH,
    });
  }
  return reason?.trim() || undefined;
}

/** CPU and memory targets come in steps of 0.5 (cores, GiB). */
export function checkResourceSteps(targets: {
  targetCpuCores?: number;
  targetMemoryGi?: number;
}) {
  for (const [field, value] of [
    ['targetCpuCores', targets.targetCpuCores],
    ['targetMemoryGi', targets.targetMemoryGi],
  ] as const) {
    if (value !== undefined && !isResourceStep(value)) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.RESOURCE_STEP_INVALID,
        `${field} must be a positive multiple of 0.5, got ${value}`,
      );
    }
  }
}

/** The VM a request names; 404 when it does not exist. */
export async function loadVm(
  store: Pick<ShepherdStore, 'vms'>,
  vmId: string,
): Promise<ShepherdVm> {
  return found(await store.vms.get(vmId), 'VM');
}

/** The ticket fields that say which VM a request is about. */
export function ticketTargetOf(vm: ShepherdVm) {
  return {
    environment: vm.environment,
    systemId: vm.systemId,
    systemName: vm.systemName,
    serviceId: vm.serviceId,
    serviceName: vm.serviceName,
    namespace: vm.namespace,
    vmId: vm.id,
    vmName: vm.name,
    clusterId: vm.clusterId,
  };
}

/** What the domain event of a request on a VM records of the VM as it was. */
export function vmEventPayload(vm: ShepherdVm) {
  return {
    vmId: vm.id,
    vmName: vm.name,
    namespace: vm.namespace,
    clusterId: vm.clusterId ?? null,
    environment: vm.environment,
    systemId: vm.systemId,
    serviceId: vm.serviceId,
    requestVmStatus: vm.status,
    currentCpuCores: vm.cpuCores,
    currentMemoryGi: vm.memoryGi,
    currentDiskGb: vm.diskGb,
  };
}

/** The VM of an approved ticket, inside the approval's unit of work; 409 when it is gone. */
export async function vmOfTicket(
  unit: UnitOfWork,
  vmId: string | undefined,
): Promise<ShepherdVm> {
  const vm = vmId ? await unit.tx.vms.get(vmId) : undefined;
  if (!vm) {
    throw conflict(
      SHEPHERD_ERROR_CODES.VM_STATE_CONFLICT,
      'The VM of this request no longer exists; reject the request',
    );
  }
  return vm;
}
