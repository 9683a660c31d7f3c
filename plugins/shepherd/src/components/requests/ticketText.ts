import {
  ShepherdDomainEvent,
  ShepherdTicket,
  TICKET_OPERATIONS,
  TICKET_OPERATION_WORDS,
  TICKET_STATUS_GROUPS,
  TicketOperation,
  TicketStatus,
  TicketStatusGroup,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { formatCpu, formatDisk, formatMemory } from '../common';

/** What each operation is called in lists and titles. */
export const OPERATION_LABELS: Record<TicketOperation, string> =
  Object.fromEntries(
    TICKET_OPERATIONS.map(operation => [
      operation,
      TICKET_OPERATION_WORDS[operation].label,
    ]),
  ) as Record<TicketOperation, string>;

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

/** Where a request stands, in words that follow "The request is …". */
export const TICKET_STATUS_PHRASES: Record<TicketStatus, string> = {
  PENDING: 'waiting for an approver',
  APPROVED: 'approved and about to be carried out',
  EXECUTING: 'being carried out',
  SUCCESS: 'done',
  FAILED: 'failed',
  REJECTED: 'rejected',
  CANCELLED: 'withdrawn',
};

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

/**
 * When and by whom a request was withdrawn, for a CANCELLED one. The API records the
 * withdrawal's time in `decidedAt` (no approver decided anything) and who withdrew it in the
 * REQUEST_CANCELLED event; only the requester may, so the requester it is without the event.
 */
export function withdrawalOf(
  ticket: ShepherdTicket,
  events: readonly ShepherdDomainEvent[] = [],
): { at: string; by: string } | undefined {
  if (ticket.status !== 'CANCELLED') return undefined;
  const event = events.find(
    candidate => candidate.type === 'REQUEST_CANCELLED',
  );
  return {
    at: event?.createdAt ?? ticket.decidedAt ?? ticket.updatedAt,
    by: event?.createdBy ?? ticket.requester,
  };
}
