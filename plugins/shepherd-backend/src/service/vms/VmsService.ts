import {
  ConsoleGrant,
  Environment,
  OperationSubmission,
  Page,
  ShepherdTicket,
  ShepherdVm,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { VmOperationRequest } from '../../operations/VmOperation';
import { Actor, Reader } from '../Actor';

export interface VmListRequest {
  offset: number;
  limit: number;
  systemId?: string;
  serviceId?: string;
  namespace?: string;
  environment?: Environment;
  statuses?: VmStatus[];
  clusterId?: string;
  search?: string;
}

/** The requester's side of VMs: reading them and asking for governed operations. */
export interface VmsService {
  listVms(reader: Reader, request: VmListRequest): Promise<Page<ShepherdVm>>;
  getVm(reader: Reader, id: string): Promise<ShepherdVm>;
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
