import {
  ConsoleGrant,
  Environment,
  OperationSubmission,
  Page,
  PowerAction,
  ShepherdTicket,
  ShepherdVm,
  VmModifySpec,
  VmRequestSpec,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
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
  /** Asks for a new VM (202: always needs approval). */
  requestVm(
    actor: Actor,
    input: VmRequestSpec & { reason: string },
  ): Promise<ShepherdTicket>;
  /** Asks for the deletion of a VM, with the confirmation its environment needs. */
  requestDeletion(
    actor: Actor,
    vmId: string,
    input: { confirm: boolean; confirmName?: string; reason?: string },
  ): Promise<ShepherdTicket>;
  /** Starts, stops or restarts a VM: directly in test, through approval in prod. */
  requestPower(
    actor: Actor,
    vmId: string,
    input: { action: PowerAction; reason?: string },
  ): Promise<OperationSubmission>;
  /** Asks for new CPU, memory or disk sizes (always needs approval). */
  requestModification(
    actor: Actor,
    vmId: string,
    input: VmModifySpec & { reason: string },
  ): Promise<ShepherdTicket>;
  /** Asks for console access: granted directly in test, through approval in prod. */
  requestConsole(
    actor: Actor,
    vmId: string,
    input: { reason?: string; minutes?: number },
  ): Promise<OperationSubmission>;
  /** The caller's console grant on the VM, or its pending request for one. */
  getConsoleAccess(
    actor: Actor,
    vmId: string,
  ): Promise<{ grant?: ConsoleGrant; pendingTicket?: ShepherdTicket }>;
}
