import type { ShepherdApiSchema } from '../schema';
import {
  catalogScopeValues,
  clusterStatusValues,
  directOrApprovalValues,
  domainEventStatusValues,
  domainEventTypeValues,
  environmentValues,
  memberRoleValues,
  pendingAdoptionStatusValues,
  powerActionValues,
  reconcileFindingKindValues,
  reconcileModeValues,
  reconcileReportStatusValues,
  reconcileTriggerValues,
  listOrderValues,
  templateSourceTypeValues,
  templateStatusValues,
  ticketOperationValues,
  ticketOrderByValues,
  ticketStatusValues,
  vmOrderByValues,
  vmStatusValues,
} from '../schema/openapi.generated';

/**
 * The vocabulary of Shepherd: every enum the API, the store and the UI share. The strings are
 * the upstream product's and must not change; they are written once, in the API contract
 * (openapi.yaml), and their lists here are the ones generated from it.
 */

/** @public */
export const ENVIRONMENTS = environmentValues;
/** @public */
export type Environment = ShepherdApiSchema<'Environment'>;

/** Roles of a System member, strongest first; inherited System → Service → VM. @public */
export const MEMBER_ROLES = memberRoleValues;
/** @public */
export type MemberRole = ShepherdApiSchema<'MemberRole'>;

/** Who sees a template or an instance size in the request catalog. @public */
export const CATALOG_SCOPES = catalogScopeValues;
/** @public */
export type CatalogScope = ShepherdApiSchema<'CatalogScope'>;

/** @public */
export const TEMPLATE_SOURCE_TYPES = templateSourceTypeValues;
/** @public */
export type TemplateSourceType = ShepherdApiSchema<'TemplateSourceType'>;

/**
 * Template lifecycle: only `active` templates serve new requests; `deprecated` ones keep
 * existing VMs; `archived` ones are hidden.
 *
 * @public
 */
export const TEMPLATE_STATUSES = templateStatusValues;
/** @public */
export type TemplateStatus = ShepherdApiSchema<'TemplateStatus'>;

/** @public */
export const CLUSTER_STATUSES = clusterStatusValues;
/** @public */
export type ClusterStatus = ShepherdApiSchema<'ClusterStatus'>;

/** @public */
export const TICKET_OPERATIONS = ticketOperationValues;
/** @public */
export type TicketOperation = ShepherdApiSchema<'TicketOperation'>;

/** @public */
export const TICKET_STATUSES = ticketStatusValues;
/** @public */
export type TicketStatus = ShepherdApiSchema<'TicketStatus'>;

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
export const DOMAIN_EVENT_STATUSES = domainEventStatusValues;
/** @public */
export type DomainEventStatus = ShepherdApiSchema<'DomainEventStatus'>;

/** @public */
export const DOMAIN_EVENT_TYPES = domainEventTypeValues;
/** @public */
export type DomainEventType = ShepherdApiSchema<'DomainEventType'>;

/** The 12 VM statuses; a deleted VM has no row, so there is no DELETED. @public */
export const VM_STATUSES = vmStatusValues;
/** @public */
export type VmStatus = ShepherdApiSchema<'VmStatus'>;

/** @public */
export const POWER_ACTIONS = powerActionValues;
/** @public */
export type PowerAction = ShepherdApiSchema<'PowerAction'>;

/** How a power or console request was answered: done directly, or waiting for approval. @public */
export const DIRECT_OR_APPROVAL = directOrApprovalValues;
/** @public */
export type DirectOrApproval = ShepherdApiSchema<'DirectOrApproval'>;

/**
 * The reconciler's modes: `dry-run` reports, `mark` also marks ghosts and orphans, `delete`
 * is refused (RECONCILE_MODE_NOT_SUPPORTED).
 *
 * @public
 */
export const RECONCILE_MODES = reconcileModeValues;
/** @public */
export type ReconcileMode = ShepherdApiSchema<'ReconcileMode'>;
/** The modes a run can have; `delete` is not one of them. @public */
export type RunnableReconcileMode = Exclude<ReconcileMode, 'delete'>;

/** @public */
export const RECONCILE_TRIGGERS = reconcileTriggerValues;
/** @public */
export type ReconcileTrigger = ShepherdApiSchema<'ReconcileTrigger'>;

/** @public */
export const RECONCILE_REPORT_STATUSES = reconcileReportStatusValues;
/** @public */
export type ReconcileReportStatus = ShepherdApiSchema<'ReconcileReportStatus'>;

/** Why the breaker halted a run. @public */
export type ReconcileHaltReason = ShepherdApiSchema<'ReconcileHaltReason'>;

/** @public */
export const RECONCILE_FINDING_KINDS = reconcileFindingKindValues;
/** @public */
export type ReconcileFindingKind = ShepherdApiSchema<'ReconcileFindingKind'>;

/**
 * Where a VM found on a cluster without Shepherd's labels stands: proposed (PENDING), taken
 * into a Service (ADOPTED) or declined for good (REJECTED). Upstream §2.17.
 *
 * @public
 */
export const PENDING_ADOPTION_STATUSES = pendingAdoptionStatusValues;
/** @public */
export type PendingAdoptionStatus = ShepherdApiSchema<'PendingAdoptionStatus'>;

/** @public */
export function isOneOf<T extends string>(
  values: readonly T[],
  value: unknown,
): value is T {
  return (
    typeof value === 'string' && (values as readonly string[]).includes(value)
  );
}

/** The directions a list can be ordered in (the lists' `order` parameter). @public */
export const LIST_ORDERS = listOrderValues;
/** @public */
export type ListOrder = ShepherdApiSchema<'ListOrder'>;

/** The columns the VM list can be ordered by (its `orderBy` parameter). @public */
export const VM_ORDER_BY = vmOrderByValues;
/** @public */
export type VmOrderBy = ShepherdApiSchema<'VmOrderBy'>;

/**
 * The columns lists of tickets, My requests and the approval queue, can be ordered by (their
 * `orderBy` parameter).
 *
 * @public
 */
export const TICKET_ORDER_BY = ticketOrderByValues;
/** @public */
export type TicketOrderBy = ShepherdApiSchema<'TicketOrderBy'>;
