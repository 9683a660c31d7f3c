import {
  AuditLogEntry,
  OperationSubmission,
  ShepherdVm,
  VmHistoryEntry,
  requiresApproval,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdApprovalProvider } from '@kubevirt-shepherd/plugin-shepherd-node';
import { PageRequest } from '../../database/paging';
import { PermissionConditions } from '../../database/permissionFilter';
import { submitTicket } from '../../operations/submitTicket';
import {
  VmOperation,
  VmOperationName,
  VmOperationRequest,
  VmOperationTarget,
} from '../../operations/VmOperation';
import { VmOperations } from '../../operations/VmOperations';
import { loadVm } from '../../operations/vmRequests';
import {
  operationInProgress,
  vmOperationHolder,
} from '../../operations/vmOperationLock';
import { Actor, Reader } from '../Actor';
import { GovernanceContext } from '../GovernanceContext';
import { VmListRequest, VmsService } from './VmsService';

/** The audit trail's resource type of VMs. */
const VM_AUDIT_RESOURCE_TYPE = 'vm';

/** The details of an audit entry on a VM that every reader of the VM may see. */
const VM_HISTORY_DETAILS = ['action', 'reason', 'error'] as const;

/**
 * An audit entry as the VM's history shows it: other details (a console session's client
 * address, an adoption's cluster object, a modification's spec) stay in the audit log.
 */
function historyEntryOf(entry: AuditLogEntry): VmHistoryEntry {
  const details: VmHistoryEntry['details'] = {};
  for (const name of VM_HISTORY_DETAILS) {
    const value = entry.details[name];
    if (typeof value === 'string') details[name] = value;
  }
  return {
    id: entry.id,
    action: entry.action,
    outcome: entry.outcome,
    actor: entry.actor,
    ...(entry.ticketId ? { ticketId: entry.ticketId } : {}),
    details,
    createdAt: entry.createdAt,
  };
}

/**
 * VMs and the requests for governed operations on them, generic over the operations: each
 * request is checked by its operation, then either submitted as a ticket or, where the
 * approval matrix needs no approver, carried out in one unit of work.
 */
export class DefaultVmsService implements VmsService {
  constructor(
    private readonly context: GovernanceContext,
    private readonly operations: VmOperations,
    private readonly approvals: ShepherdApprovalProvider,
  ) {}

  private get store() {
    return this.context.store;
  }

  async listVms(
    _reader: Reader,
    request: VmListRequest & { conditions?: PermissionConditions },
  ) {
    return this.store.vms.list(request);
  }

  async getVm(_reader: Reader, id: string) {
    return loadVm(this.store, id);
  }

  async getVmHistory(reader: Reader, id: string, page: PageRequest) {
    const vm = await this.getVm(reader, id);
    const entries = await this.store.audit.list({
      ...page,
      resourceType: VM_AUDIT_RESOURCE_TYPE,
      resourceId: vm.id,
    });
    return { ...entries, items: entries.items.map(historyEntryOf) };
  }

  /** The operation a request asks for. */
  operation<N extends VmOperationName>(name: N): VmOperation<N> {
    return this.operations.get(name);
  }

  /** What a request is for; 404 when it does not exist. */
  async loadTarget<N extends VmOperationName>(
    request: VmOperationRequest<N>,
  ): Promise<VmOperationTarget<N>> {
    return this.operations.get(request.operation as N).loadTarget(request);
  }

  async requestOperation<N extends VmOperationName>(
    actor: Actor,
    request: VmOperationRequest<N>,
  ): Promise<OperationSubmission> {
    const operation = this.operations.get(request.operation as N);
    const target = await operation.loadTarget(request);
    const input = request.input;
    if (operation.job && request.operation !== 'create') {
      // A delete, modify or power request is refused while another operation (the VM's
      // create included) is under way on the VM: a delete during a create could look before
      // the create's apply lands and leave a VM without a record. One that repeats it (a
      // second restart) joins it instead, before its checks of the VM's state: the VM is on
      // its way already.
      const vm = target as ShepherdVm;
      const holder = await vmOperationHolder(this.store, vm);
      if (holder) {
        const { join } = operation as VmOperation<VmOperationName>;
        const joined =
          join &&
          (await this.context.execute(unit =>
            join(unit, { actor, target, input, holder }),
          ));
        if (joined) return joined;
        throw operationInProgress(vm, holder.running);
      }
    }
    const prepared = await operation.prepare({ actor, target, input });
    if (requiresApproval(prepared.governed, prepared.environment)) {
      const ticket = await submitTicket(
        this.context,
        this.approvals,
        actor,
        prepared.ticket,
      );
      return {
        status: 'PENDING_APPROVAL',
        ticketId: ticket.id,
        eventId: ticket.eventId,
      };
    }
    const { direct } = operation;
    if (!direct) {
      // The approval matrix and the operation disagree; the operations' tests rule it out.
      throw new Error(
        `${operation.name} needs no approval in ${prepared.environment} but cannot be carried out directly`,
      );
    }
    return this.context.execute(unit =>
      direct(unit, { actor, target, input, prepared }),
    );
  }

  async getConsoleAccess(actor: Actor, vmId: string) {
    const vm = await this.getVm(actor, vmId);
    const grant = await this.store.consoleGrants.findActive(
      vm.id,
      actor.userEntityRef,
      this.context.now(),
    );
    const pending = await this.store.tickets.list({
      offset: 0,
      limit: 1,
      vmId: vm.id,
      requester: actor.userEntityRef,
      operations: ['VNC_ACCESS'],
      statuses: ['PENDING'],
    });
    return { grant, pendingTicket: pending.items[0] };
  }
}
