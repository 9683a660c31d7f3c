import {
  AuditAction,
  ShepherdTicket,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Actor } from '../Actor';
import { UnitOfWork } from '../GovernanceContext';

/**
 * Audits what became of a request (approved, rejected, cancelled), under its Service; the
 * details name the request's operation.
 */
export async function auditTicket(
  unit: UnitOfWork,
  actor: Actor,
  action: AuditAction,
  ticket: ShepherdTicket,
  details: Record<string, unknown> = {},
) {
  await unit.audit({
    action,
    actor: actor.userEntityRef,
    resourceType: 'ticket',
    resourceId: ticket.id,
    parentType: 'service',
    parentId: ticket.serviceId,
    environment: ticket.environment,
    ticketId: ticket.id,
    details: { operation: ticket.operation, ...details },
  });
}
