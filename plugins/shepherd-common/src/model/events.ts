import { DomainEventStatus, DomainEventType, TicketOperation } from './enums';

/**
 * What each domain event means, for a request's timeline (its code is shown beside it).
 *
 * @public
 */
export const DOMAIN_EVENT_TYPE_LABELS: Readonly<
  Record<DomainEventType, string>
> = {
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
  VM_ADOPTED: 'VM adopted',
};

/**
 * Where the work of a domain event stands, in words.
 *
 * @public
 */
export const DOMAIN_EVENT_STATUS_LABELS: Readonly<
  Record<DomainEventStatus, string>
> = {
  PENDING: 'waiting',
  PROCESSING: 'in progress',
  COMPLETED: 'done',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
};

/**
 * What a domain event is about: a ticket, a VM (operations that need no ticket), a System or
 * a Service.
 *
 * @public
 */
export const DOMAIN_EVENT_AGGREGATES = {
  ticket: 'ticket',
  vm: 'vm',
  system: 'system',
  service: 'service',
} as const;

/** @public */
export type DomainEventAggregate =
  (typeof DOMAIN_EVENT_AGGREGATES)[keyof typeof DOMAIN_EVENT_AGGREGATES];

/**
 * How people call each ticket operation: `label` in lists and titles, `phrase` inside a
 * sentence (notifications: "Approval requested: a new VM").
 *
 * @public
 */
export const TICKET_OPERATION_WORDS: Readonly<
  Record<TicketOperation, { label: string; phrase: string }>
> = {
  CREATE: { label: 'New VM', phrase: 'a new VM' },
  MODIFY: { label: 'Resize', phrase: 'a VM change' },
  DELETE: { label: 'Deletion', phrase: 'a VM deletion' },
  POWER: { label: 'Power', phrase: 'a power operation' },
  VNC_ACCESS: { label: 'Console access', phrase: 'console access' },
};

/**
 * The Backstage notification topic of a ticket: every notification about one ticket groups
 * under it.
 *
 * @public
 */
export function ticketNotificationTopic(ticketId: string): string {
  return `shepherd-ticket:${ticketId}`;
}

/**
 * Where the frontend plugin shows one request and the approval queue; notifications link
 * there.
 *
 * @public
 */
export const SHEPHERD_NOTIFICATION_LINKS = {
  ticket: (ticketId: string) => `/shepherd/requests/${ticketId}`,
  approvals: '/shepherd/approvals',
  reconciler: '/shepherd/admin/reconciler',
} as const;

/**
 * The Backstage notification topic of a cluster's reconciler alerts: a halted run on the
 * same cluster again joins the earlier one instead of adding another.
 *
 * @public
 */
export function reconcilerNotificationTopic(clusterId: string): string {
  return `shepherd-reconciler:${clusterId}`;
}
