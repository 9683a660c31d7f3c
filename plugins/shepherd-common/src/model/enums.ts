/**
 * The vocabulary of Shepherd: every enum the API, the store and the UI share. The strings are
 * the upstream product's and must not change.
 */

/** @public */
export const ENVIRONMENTS = ['test', 'prod'] as const;
/** @public */
export type Environment = (typeof ENVIRONMENTS)[number];

/** Roles of a System member, strongest first; inherited System → Service → VM. @public */
export const MEMBER_ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
/** @public */
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Who sees a template or an instance size in the request catalog. @public */
export const CATALOG_SCOPES = ['unclassified', 'test', 'prod', 'all'] as const;
/** @public */
export type CatalogScope = (typeof CATALOG_SCOPES)[number];

/** @public */
export const TEMPLATE_SOURCE_TYPES = [
  'containerdisk',
  'cdi_image_import',
  'cdi_pvc_clone',
] as const;
/** @public */
export type TemplateSourceType = (typeof TEMPLATE_SOURCE_TYPES)[number];

/**
 * Template lifecycle: only `active` templates serve new requests; `deprecated` ones keep
 * existing VMs; `archived` ones are hidden.
 *
 * @public
 */
export const TEMPLATE_STATUSES = [
  'draft',
  'active',
  'deprecated',
  'archived',
] as const;
/** @public */
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

/** @public */
export const CLUSTER_STATUSES = [
  'UNKNOWN',
  'HEALTHY',
  'UNHEALTHY',
  'UNREACHABLE',
] as const;
/** @public */
export type ClusterStatus = (typeof CLUSTER_STATUSES)[number];

/** @public */
export const TICKET_OPERATIONS = [
  'CREATE',
  'MODIFY',
  'DELETE',
  'POWER',
  'VNC_ACCESS',
] as const;
/** @public */
export type TicketOperation = (typeof TICKET_OPERATIONS)[number];

/** @public */
export const TICKET_STATUSES = [
  'PENDING',
  'APPROVED',
  'REJECTED',
  'CANCELLED',
  'EXECUTING',
  'SUCCESS',
  'FAILED',
] as const;
/** @public */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Groups of ticket statuses used by list filters. @public */
export const TICKET_STATUS_GROUPS: Record<
  'ACTIVE' | 'TERMINAL',
  readonly TicketStatus[]
> = {
  ACTIVE: ['PENDING', 'APPROVED', 'EXECUTING'],
  TERMINAL: ['REJECTED', 'CANCELLED', 'SUCCESS', 'FAILED'],
};
/** @public */
export type TicketStatusGroup = keyof typeof TICKET_STATUS_GROUPS;

/** @public */
export const DOMAIN_EVENT_STATUSES = [
  'PENDING',
  'PROCESSING',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
] as const;
/** @public */
export type DomainEventStatus = (typeof DOMAIN_EVENT_STATUSES)[number];

/** @public */
export const DOMAIN_EVENT_TYPES = [
  'VM_CREATION_REQUESTED',
  'VM_CREATION_COMPLETED',
  'VM_CREATION_FAILED',
  'VM_MODIFY_REQUESTED',
  'VM_MODIFY_COMPLETED',
  'VM_MODIFY_FAILED',
  'VM_DELETION_REQUESTED',
  'VM_DELETION_COMPLETED',
  'VM_DELETION_FAILED',
  'VM_START_REQUESTED',
  'VM_START_COMPLETED',
  'VM_START_FAILED',
  'VM_STOP_REQUESTED',
  'VM_STOP_COMPLETED',
  'VM_STOP_FAILED',
  'VM_RESTART_REQUESTED',
  'VM_RESTART_COMPLETED',
  'VM_RESTART_FAILED',
  'REQUEST_CANCELLED',
  'VNC_ACCESS_REQUESTED',
  'VNC_ACCESS_GRANTED',
  'SYSTEM_CREATED',
  'SYSTEM_DELETED',
  'SERVICE_CREATED',
  'SERVICE_DELETED',
] as const;
/** @public */
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

/** The 12 VM statuses; a deleted VM has no row, so there is no DELETED. @public */
export const VM_STATUSES = [
  'CREATING',
  'STARTING',
  'RUNNING',
  'STOPPING',
  'STOPPED',
  'DELETING',
  'FAILED',
  'PENDING',
  'MIGRATING',
  'PAUSED',
  'UNKNOWN',
  'NOT_FOUND',
] as const;
/** @public */
export type VmStatus = (typeof VM_STATUSES)[number];

/** @public */
export const POWER_ACTIONS = ['start', 'stop', 'restart'] as const;
/** @public */
export type PowerAction = (typeof POWER_ACTIONS)[number];

/** How a power or console request was answered: done directly, or waiting for approval. @public */
export const DIRECT_OR_APPROVAL = ['ACCEPTED', 'PENDING_APPROVAL'] as const;
/** @public */
export type DirectOrApproval = (typeof DIRECT_OR_APPROVAL)[number];

/** @public */
export function isOneOf<T extends string>(
  values: readonly T[],
  value: unknown,
): value is T {
  return (
    typeof value === 'string' && (values as readonly string[]).includes(value)
  );
}
