import {
  SHEPHERD_ERROR_CODES,
  ShepherdVm,
  shepherdVmModifyPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { checkKubeVirtLimits } from '../domain/kubevirtAdmission';
import { modifiedVmSpec, resizeOf, vmSpecOf } from '../domain/vmSpec';
import { isProviderConflict } from '../providers/errors';
import { PermanentJobError } from '../queue/JobWorker';
import { conflict, invalidInput } from '../service/errors';
import { OperationDependencies } from './OperationDependencies';
import { refuseForeignObject } from './vmOwnership';
import { VmOperation } from './VmOperation';
import {
  checkResourceSteps,
  loadVm,
  requireReason,
  ticketTargetOf,
  vmEventPayload,
} from './vmRequests';

/** Tries of a resize that conflicts with concurrent changes of the VM before the job fails. */
const RESIZE_CONFLICT_TRIES = 3;

/** The queue's kind of the job that resizes a VM. */
export const MODIFY_VM_JOB = 'vm.modify';

/**
 * Resizing a VM's CPU, memory or disk: always approved, checked by the VM's cluster in a dry
 * run of the exact patch before the approval is written, then patched and recorded as a new
 * revision. A CPU or memory change of a running VM asks for a restart.
 */
export function vmModification({
  context,
  preflight,
  installation,
}: OperationDependencies): VmOperation<'modify'> {
  const { store } = context;

  /**
   * CPU and memory targets must still be a VM that KubeVirt admits with the instance size the
   * VM was created from (its frozen snapshot): whole cores with dedicated CPUs, memory in
   * whole hugepages. Refused here rather than by the worker after an approval.
   */
  async function checkTargetsOnKubeVirt(
    vm: ShepherdVm,
    targets: { targetCpuCores?: number; targetMemoryGi?: number },
  ) {
    if (
      targets.targetCpuCores === undefined &&
      targets.targetMemoryGi === undefined
    ) {
      return;
    }
    const creation = vm.ticketId
      ? await store.tickets.get(vm.ticketId)
      : undefined;
    const size = creation?.instanceSizeSnapshot;
    if (!size) return;
    const [finding] = checkKubeVirtLimits({
      instanceSize: size,
      shape: modifiedVmSpec(vmSpecOf(vm), targets),
    });
    if (finding) {
      throw invalidInput(
        finding.code,
        `${vm.name} cannot be resized like this: ${finding.detail}`,
        { field: finding.field },
      );
    }
  }

  return {
    name: 'modify',
    ticketOperation: 'MODIFY',
    governs: ['MODIFY'],
    permission: shepherdVmModifyPermission,
    verb: () => 'modify',

    loadTarget: request => loadVm(store, request.vmId),

    async prepare({ target: vm, input }) {
      const reason = requireReason(input.reason);
      const { targetCpuCores, targetMemoryGi, targetDiskGb } = input;
      if (
        targetCpuCores === undefined &&
        targetMemoryGi === undefined &&
        targetDiskGb === undefined
      ) {
        throw invalidInput(
          SHEPHERD_ERROR_CODES.MODIFY_TARGET_REQUIRED,
          'Ask for at least one of targetCpuCores, targetMemoryGi or targetDiskGb',
        );
      }
      checkResourceSteps({ targetCpuCores, targetMemoryGi });
      if (targetDiskGb !== undefined && targetDiskGb < vm.diskGb) {
        throw invalidInput(
          SHEPHERD_ERROR_CODES.DISK_SHRINK_FORBIDDEN,
          `Disks only grow: ${vm.name} has ${vm.diskGb} GiB, ${targetDiskGb} GiB was asked for`,
        );
      }
      if (vm.status === 'CREATING' || vm.status === 'DELETING') {
        throw conflict(
          SHEPHERD_ERROR_CODES.VM_STATE_CONFLICT,
          `Cannot modify ${vm.name} while it is ${vm.status}`,
        );
      }
      await checkTargetsOnKubeVirt(vm, { targetCpuCores, targetMemoryGi });
      const cpuOrMemoryChanges =
        (targetCpuCores !== undefined && targetCpuCores !== vm.cpuCores) ||
        (targetMemoryGi !== undefined && targetMemoryGi !== vm.memoryGi);
      const requiresRestart = cpuOrMemoryChanges && vm.status === 'RUNNING';
      const targets = { targetCpuCores, targetMemoryGi, targetDiskGb };
      return {
        governed: 'MODIFY',
        environment: vm.environment,
        ticket: {
          operation: 'MODIFY',
          eventType: 'VM_MODIFY_REQUESTED',
          target: vm.id,
          reason,
          ...ticketTargetOf(vm),
          requestSpec: { ...targets, requiresRestart },
          payload: {
            ...vmEventPayload(vm),
            currentCpuRequest: vm.cpuRequest,
            currentMemoryRequestGi: vm.memoryRequestGi,
            ...targets,
            requiresRestart,
            reason,
          },
          auditAction: 'vm.modify',
        },
      };
    },

    approval: {
      decisionFields: [],
      async preview(ticket) {
        const vm = ticket.vmId ? await store.vms.get(ticket.vmId) : undefined;
        if (!vm) return {};
        const effectiveSpec = modifiedVmSpec(vmSpecOf(vm), ticket.requestSpec);
        // An adopted VM has no template and instance size, so no spec of a request to show.
        const { templateId, instanceSizeId } = effectiveSpec;
        return templateId && instanceSizeId
          ? { effectiveSpec: { ...effectiveSpec, templateId, instanceSizeId } }
          : {};
      },
      // The cluster dry-runs the exact resize patch the job will send.
      async plan(ticket) {
        const vm = ticket.vmId ? await store.vms.get(ticket.vmId) : undefined;
        if (vm) {
          const current = vmSpecOf(vm);
          const target = modifiedVmSpec(current, ticket.requestSpec);
          await preflight.checkModify(vm, resizeOf(current, target));
        }
        // A VM gone since the request is refused in the unit of work.
        return { plan: undefined, warnings: [] };
      },
      write: async (_unit, { vm }) => ({
        clusterId: vm!.clusterId,
        audit: { decision: 'approved' },
      }),
    },

    job: {
      kind: MODIFY_VM_JOB,
      async run(job) {
        const connected = await job.connect();
        const { vm, provider, connection } = connected;
        const { ticket } = job.job;
        if (!ticket) {
          throw new PermanentJobError('A modification needs its ticket');
        }
        await job.markExecuting();
        await refuseForeignObject(connected, installation);
        const current = vmSpecOf(vm);
        const target = modifiedVmSpec(current, ticket.requestSpec);
        const resize = resizeOf(current, target);
        // A conflict means the VM changed between the provider's read and its patch: each
        // try reads the VM afresh and patches that.
        let restartRequired = false;
        for (let tries = 1; ; tries += 1) {
          try {
            ({ restartRequired } = await provider.resizeVirtualMachine(
              connection,
              vm,
              resize,
            ));
            break;
          } catch (error) {
            if (!isProviderConflict(error) || tries >= RESIZE_CONFLICT_TRIES) {
              throw error;
            }
          }
        }
        const now = job.now();
        await job.complete(
          async unit => {
            await unit.tx.vms.update(vm.id, {
              cpuCores: target.cpuCores,
              cpuRequest: target.cpuRequest,
              memoryGi: target.memoryGi,
              memoryRequestGi: target.memoryRequestGi,
              diskGb: target.diskGb,
              statusMessage: restartRequired
                ? 'Restart the VM to apply the new CPU and memory sizes'
                : undefined,
              updatedAt: now,
            });
            const revisions = await unit.tx.revisions.listForVm(vm.id);
            await unit.tx.revisions.insert({
              id: randomUUID(),
              vmId: vm.id,
              revision: revisions.length + 1,
              spec: target,
              changeReason: ticket.reason,
              changedBy: ticket.requester,
              ticketId: ticket.id,
              createdAt: now,
            });
          },
          { restartRequired, spec: target },
        );
        return undefined;
      },
    },
  };
}
