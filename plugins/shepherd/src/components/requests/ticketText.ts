import {
  DomainEventStatus,
  DomainEventType,
  ShepherdTicket,
  TICKET_STATUS_GROUPS,
  TicketOperation,
  TicketStatusGroup,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { formatCpu, formatDisk, formatMemory } from '../common';

/** What each operation is called in lists and titles. */
export const OPERATION_LABELS: Record<TicketOperation, string> = {
  CREATE: 'New VM',
  MODIFY: 'Resize',
  DELETE: 'Deletion',
  POWER: 'Power',
  VNC_ACCESS: 'Console access',
};

/** What each domain event means, for a request's timeline (its code is shown beside it). */
export const EVENT_TYPE_LABELS: Record<DomainEventType, string> = {
  VM_CREATION_REQUESTED: 'VM creation',
  VM_CREATION_COMPLETED: 'VM created',
  VM_CREATION_FAILED: 'VM creation failed',
  VM_MODIFY_REQUESTED: 'Resize',
  VM_MODIFY_COMPLETED: 'VM resized',
  VM_MODIFY_FAILED: 'Resize failed',
  VM_DELETION_REQUESTED: 'VM deletion',
  VM_DELETION_COMPLETED: 'VM deleted',
  VM_DELETION_FAILED: 'VM deletion failed',
  VM_START_REQUESTED: 'Start',
  VM_START_COMPLETED: 'VM started',
  VM_START_FAILED: 'Start failed',
  VM_STOP_REQUESTED: 'Stop',
  VM_STOP_COMPLETED: 'VM stopped',
  VM_STOP_FAILED: 'Stop failed',
  VM_RESTART_REQUESTED: 'Restart',
  VM_RESTART_COMPLETED: 'VM restarted',
  VM_RESTART_FAILED: 'Restart failed',
  REQUEST_CANCELLED: 'Request withdrawn',
  VNC_ACCESS_REQUESTED: 'Console access',
  VNC_ACCESS_GRANTED: 'Console access granted',
  SYSTEM_CREATED: 'System created',
  SYSTEM_DELETED: 'System deleted',
  SERVICE_CREATED: 'Service created',
  SERVICE_DELETED: 'Service deleted',
};

/** Where the work of a domain event stands, in words. */
export const EVENT_STATUS_LABELS: Record<DomainEventStatus, string> = {
  PENDING: 'waiting',
  PROCESSING: 'in progress',
  COMPLETED: 'done',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
};

/** A one-line summary of what a ticket asks for, e.g. "Stop dev-payments-api-01". */
export function describeTicket(ticket: ShepherdTicket): string {
  const target = ticket.vmName ?? `${ticket.systemName}/${ticket.serviceName}`;
  switch (ticket.operation) {
    case 'CREATE':
      return `New VM for ${ticket.systemName}/${ticket.serviceName} in ${ticket.namespace}`;
    case 'MODIFY':
      return `Resize ${target}`;
    case 'DELETE':
      return `Delete ${target}`;
    case 'POWER': {
      const action = ticket.powerAction ?? 'power';
      return `${action.charAt(0).toUpperCase()}${action.slice(1)} ${target}`;
    }
    case 'VNC_ACCESS':
      return `Console access to ${target}`;
    default:
      return `${
        OPERATION_LABELS[ticket.operation as TicketOperation] ??
        ticket.operation
      } ${target}`;
  }
}

/** The groups My requests offers, as the API's statusGroup (undefined: every ticket). */
export type RequestGroup = {
  id: 'active' | 'finished' | 'all';
  label: string;
  statusGroup?: TicketStatusGroup;
  /** What the list says when the group is empty. */
  emptyTitle: string;
};

export const REQUEST_GROUPS: readonly RequestGroup[] = [
  {
    id: 'active',
    label: 'In progress',
    statusGroup: 'ACTIVE',
    emptyTitle: 'No requests in progress',
  },
  {
    id: 'finished',
    label: 'Finished',
    statusGroup: 'TERMINAL',
    emptyTitle: 'No finished requests',
  },
  { id: 'all', label: 'All', emptyTitle: 'No requests yet' },
];

/** Whether a ticket is still on its way (pending, approved or executing): pages poll it. */
export function isActiveTicket(
  ticket: Pick<ShepherdTicket, 'status'>,
): boolean {
  return TICKET_STATUS_GROUPS.ACTIVE.includes(ticket.status);
}

function numberAt(spec: Record<string, unknown>, key: string) {
  const value = spec[key];
  return typeof value === 'number' ? value : undefined;
}

/** The resources a CREATE or MODIFY ticket asks for beyond its size, e.g. "4 cores, 8 GiB memory". */
export function describeTargets(
  spec: Record<string, unknown>,
): string | undefined {
  const cpu = numberAt(spec, 'targetCpuCores');
  const memory = numberAt(spec, 'targetMemoryGi');
  const disk = numberAt(spec, 'targetDiskGb');
  const parts = [
    cpu !== undefined ? `CPU ${formatCpu(cpu)}` : undefined,
    memory !== undefined ? `memory ${formatMemory(memory)}` : undefined,
    disk !== undefined ? `disk ${formatDisk(disk)}` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}
