import {
  AuditAction,
  DOMAIN_EVENT_AGGREGATES,
  DomainEventType,
  SHEPHERD_ERROR_CODES,
  ShepherdTicket,
  TicketOperation,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdApprovalProvider } from '@kubevirt-shepherd/plugin-shepherd-node';
import { randomUUID } from 'node:crypto';
import { Actor } from '../service/Actor';
import { conflict, writeUnique } from '../service/errors';
import { GovernanceContext } from '../service/GovernanceContext';
import { NewTicket } from '../database/stores/tickets/TicketsStore';

/** The de-duplication key of a ticket: one pending ticket per target and operation. */
export function dedupeKey(operation: TicketOperation, target: string): string {
  return `${operation}:${target}`;
}

/** What an operation submits: the request's fields of the ticket, with its event and audit. */
export type TicketDraft = Pick<
  ShepherdTicket,
  | 'operation'
  | 'reason'
  | 'environment'
  | 'systemId'
  | 'systemName'
  | 'serviceId'
  | 'serviceName'
  | 'namespace'
  | 'vmId'
  | 'vmName'
  | 'powerAction'
  | 'clusterId'
  | 'requestSpec'
  | 'grantMinutes'
> & {
  eventType: DomainEventType;
  /** What makes two pending requests the same one (see {@link dedupeKey}). */
  target: string;
  /** The immutable payload of the domain event. */
  payload: Record<string, unknown>;
  /** Canonical audit action of the submission, e.g. `vm.request`. */
  auditAction: AuditAction;
};

/**
 * Submits a ticket: its domain event (PENDING), the ticket (PENDING) and the audit row in one
 * transaction; then hands it to the approval provider. A second pending ticket for the same
 * target and operation is refused by the database and answered with 409
 * DUPLICATE_PENDING_REQUEST naming the existing ticket.
 */
export async function submitTicket(
  context: GovernanceContext,
  approvals: ShepherdApprovalProvider,
  actor: Actor,
  draft: TicketDraft,
): Promise<ShepherdTicket> {
  const now = context.now();
  const ticketId = randomUUID();
  const key = dedupeKey(draft.operation, draft.target);
  const ticket = await writeUnique(
    () =>
      context.execute(async unit => {
        const event = await unit.recordEvent({
          aggregateType: DOMAIN_EVENT_AGGREGATES.ticket,
          type: draft.eventType,
          aggregateId: ticketId,
          payload: { ...draft.payload, ticketId },
          status: 'PENDING',
          createdBy: actor.userEntityRef,
        });
        const record: NewTicket = {
          id: ticketId,
          eventId: event.id,
          operation: draft.operation,
          status: 'PENDING',
          requester: actor.userEntityRef,
          reason: draft.reason,
          environment: draft.environment,
          systemId: draft.systemId,
          systemName: draft.systemName,
          serviceId: draft.serviceId,
          serviceName: draft.serviceName,
          namespace: draft.namespace,
          vmId: draft.vmId,
          vmName: draft.vmName,
          powerAction: draft.powerAction,
          clusterId: draft.clusterId,
          requestSpec: draft.requestSpec,
          grantMinutes: draft.grantMinutes,
          dedupeKey: key,
          createdAt: now,
          updatedAt: now,
        };
        await unit.tx.tickets.insert(record);
        await unit.audit({
          action: draft.auditAction,
          actor: actor.userEntityRef,
          resourceType: draft.vmId ? 'vm' : 'service',
          resourceId: draft.vmId ?? draft.serviceId,
          resourceName: draft.vmName ?? draft.serviceName,
          parentType: 'system',
          parentId: draft.systemId,
          environment: draft.environment,
          ticketId,
          details: {
            operation: draft.operation,
            reason: draft.reason,
            ...draft.requestSpec,
          },
        });
        unit.afterCommit(() =>
          approvals.onApprovalRequested({
            ticketId,
            operation: draft.operation,
            environment: draft.environment,
            requester: actor.userEntityRef,
            systemName: draft.systemName,
            serviceName: draft.serviceName,
            namespace: draft.namespace,
            vmName: draft.vmName,
            reason: draft.reason,
          }),
        );
        return record;
      }),
    async () => {
      const existing = await context.store.tickets.findPending(key);
      return conflict(
        SHEPHERD_ERROR_CODES.DUPLICATE_PENDING_REQUEST,
        existing
          ? `A pending request for the same target already exists: ticket ${existing.id}`
          : 'A pending request for the same target already exists',
        { ticketId: existing?.id },
      );
    },
  );
  const { dedupeKey: _key, ...submitted } = ticket;
  return submitted;
}
