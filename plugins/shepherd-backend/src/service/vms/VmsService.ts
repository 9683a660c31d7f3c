import {
  ConsoleGrant,
  OperationSubmission,
  Page,
  ShepherdTicket,
  ShepherdVm,
  VmHistoryEntry,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { PageRequest } from '../../database/paging';
import { VmsStore } from '../../database/stores/vms/VmsStore';
import { VmOperationRequest } from '../../operations/VmOperation';
import { Actor, Reader } from '../Actor';

/** Filters of the VM list; every one given must match. */
export type VmListRequest = Omit<Parameters<VmsStore['list']>[0], 'conditions'>;

/** The requester's side of VMs: reading them and asking for governed operations. */
export interface VmsService {
  listVms(reader: Reader, request: VmListRequest): Promise<Page<ShepherdVm>>;
  getVm(reader: Reader, id: string): Promise<ShepherdVm>;
  /**
   * What was done to the VM, newest first: its audit entries with only the details every
   * reader of the VM may see (the operation, the reason, the error).
   */
  getVmHistory(
    reader: Reader,
    id: string,
    page: PageRequest,
  ): Promise<Page<VmHistoryEntry>>;
  /**
   * Asks for an operation on a VM (or, `create`, for a new one). The approval matrix decides
   * whether it waits for an approver (`PENDING_APPROVAL`, with its ticket) or is carried out
   * at once (`ACCEPTED`).
   */
  requestOperation(
    actor: Actor,
    request: VmOperationRequest,
  ): Promise<OperationSubmission>;
  /** The caller's console grant on the VM, or its pending request for one. */
  getConsoleAccess(
    actor: Actor,
    vmId: string,
  ): Promise<{ grant?: ConsoleGrant; pendingTicket?: ShepherdTicket }>;
}
