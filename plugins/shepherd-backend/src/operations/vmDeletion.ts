import {
  SHEPHERD_ERROR_CODES,
  ShepherdTicket,
  approvalNeedsTypedVmName,
  shepherdVmDeletePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { conflict, invalidInput } from '../service/errors';
import { isShepherdNotOwnedError } from '@kubevirt-shepherd/plugin-shepherd-node';
import { OperationDependencies } from './OperationDependencies';
import { vmOwner } from './vmOwnership';
import { VmOperation } from './VmOperation';
import {
  checkedReason,
  loadVm,
  ticketTargetOf,
  vmEventPayload,
} from './vmRequests';

/** The queue's kind of the job that deletes a VM. */
export const DELETE_VM_JOB = 'vm.delete';

/**
 * The approver of a production VM's deletion confirms it as its requester did: with the
 * VM's name typed (`confirmVmName`). A name given for a test VM must be right too.
 */
function checkApproverConfirmation(
  ticket: ShepherdTicket,
  confirmVmName: string | undefined,
) {
  const name = ticket.vmName ?? '';
  const required = approvalNeedsTypedVmName(
    ticket.operation,
    ticket.environment,
  );
  if (!required && confirmVmName === undefined) {
    return;
  }
  if (!confirmVmName) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.DELETE_CONFIRMATION_REQUIRED,
      `Approving the deletion of a production VM needs confirmVmName set to its name, '${name}'`,
      { field: 'confirmVmName' },
    );
  }
  if (confirmVmName !== name) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.CONFIRMATION_NAME_MISMATCH,
      `'${confirmVmName}' does not match the name of the VM to delete, '${name}'`,
      { field: 'confirmVmName' },
    );
  }
}

/**
 * Deleting a VM: confirmed by its name in production (typed by the requester, who gives a
 * reason, and again by the approver) and by a flag in test, always approved, then deleted
 * on the cluster and followed until it is gone, when its record goes too.
 */
export function vmDeletion({
  context,
  installation,
}: OperationDependencies): VmOperation<'delete'> {
  return {
    name: 'delete',
    ticketOperation: 'DELETE',
    governs: ['DELETE'],
    permission: shepherdVmDeletePermission,
    verb: () => 'delete',

    loadTarget: request => loadVm(context.store, request.vmId),

    async prepare({ actor, target: vm, input }) {
      if (vm.environment === 'prod') {
        if (!input.confirm_name) {
          throw invalidInput(
            SHEPHERD_ERROR_CODES.DELETE_CONFIRMATION_REQUIRED,
            `Deleting a production VM needs confirm_name set to its name, '${vm.name}'`,
          );
        }
        if (input.confirm_name !== vm.name) {
          throw invalidInput(
            SHEPHERD_ERROR_CODES.CONFIRMATION_NAME_MISMATCH,
            `'${input.confirm_name}' does not match the VM's name`,
          );
        }
      } else if (!input.confirm) {
        throw invalidInput(
          SHEPHERD_ERROR_CODES.DELETE_CONFIRMATION_REQUIRED,
          'Deleting a VM needs confirm=true',
        );
      }
      if (vm.status === 'DELETING') {
        throw conflict(
          SHEPHERD_ERROR_CODES.VM_STATE_CONFLICT,
          `${vm.name} is already being deleted`,
        );
      }
      const reason =
        checkedReason('DELETE', vm, input.reason) ?? 'Delete requested';
      return {
        governed: 'DELETE',
        environment: vm.environment,
        ticket: {
          operation: 'DELETE',
          eventType: 'VM_DELETION_REQUESTED',
          target: vm.id,
          reason,
          ...ticketTargetOf(vm),
          requestSpec: {},
          payload: {
            ...vmEventPayload(vm),
            reason,
            actor: actor.userEntityRef,
          },
          auditAction: 'vm.delete_submitted',
        },
      };
    },

    approval: {
      decisionFields: ['confirmVmName'],
      async plan(ticket, decision) {
        checkApproverConfirmation(ticket, decision.confirmVmName);
        return { plan: undefined, warnings: [] };
      },
      async write(unit, { vm, decidedAt }) {
        await unit.tx.vms.update(vm!.id, {
          status: 'DELETING',
          updatedAt: decidedAt,
        });
        return {
          clusterId: vm!.clusterId,
          audit: { decision: 'delete_approved' },
        };
      },
    },

    job: {
      kind: DELETE_VM_JOB,
      async run(job) {
        if (!job.job.vm) {
          // Deleted by an earlier run of this job that stopped before recording it.
          await job.complete();
          return undefined;
        }
        const { vm, provider, connection } = await job.connect();
        await job.markExecuting();
        let state = await provider.getVirtualMachine(connection, vm);
        // A VM already terminating is only followed: it is on its way out.
        if (state.status !== 'NOT_FOUND' && state.status !== 'DELETING') {
          try {
            // Refused for an object that is not this VM; deleted with a uid precondition.
            await provider.deleteVirtualMachine(
              connection,
              vm,
              vmOwner(vm, installation),
            );
          } catch (error) {
            if (!isShepherdNotOwnedError(error)) throw error;
            // The object under the VM's name is someone else's (the VM's create was refused
            // for it, or it replaced the VM): this VM is not on the cluster. Its record goes;
            // the object stays exactly as it is.
            await job.complete(unit => unit.tx.vms.delete(vm.id), {
              vmName: vm.name,
              vmId: vm.id,
              foreignObjectLeftUntouched: true,
              reason: error.message,
            });
            return undefined;
          }
          state = await provider.getVirtualMachine(connection, vm);
        }
        if (state.status === 'NOT_FOUND') {
          await job.complete(unit => unit.tx.vms.delete(vm.id), {
            vmName: vm.name,
            vmId: vm.id,
          });
          return undefined;
        }
        return job.follow(`Deleting ${vm.name}`);
      },
    },
  };
}
