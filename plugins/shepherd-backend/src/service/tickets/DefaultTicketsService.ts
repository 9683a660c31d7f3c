import {
  DOMAIN_EVENT_AGGREGATES,
  SHEPHERD_ERROR_CODES,
  ShepherdTicket,
  TicketDetail,
  sameEntityRef,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Actor } from '../Actor';
import { conflict, notAllowed, found } from '../errors';
import { GovernanceContext } from '../GovernanceContext';
import { auditTicket } from './auditTicket';
import { TicketListRequest, TicketsService } from './TicketsService';
import { PermissionConditions } from '../../database/permissionFilter';

/** The longest audit trail shown with a ticket. */
const TICKET_HISTORY_LIMIT = 100;

export class DefaultTicketsService implements TicketsService {
  constructor(private readonly context: GovernanceContext) {}

  async listTickets(
    actor: Actor,
    request: TicketListRequest & { conditions?: PermissionConditions },
  ) {
    return this.context.store.tickets.list({
      offset: request.offset,
      limit: request.limit,
      statuses: request.statuses,
      operations: request.operations,
      vmId: request.vmId,
      search: request.search,
      orderBy: request.orderBy,
      order: request.order,
      requester: request.scope === 'all' ? undefined : actor.userEntityRef,
      conditions: request.conditions,
    });
  }

  /** The ticket; 404 when it does not exist. */
  async loadTicket(id: string): Promise<ShepherdTicket> {
    return found(await this.context.store.tickets.get(id), 'Ticket');
  }

  async getTicket(_actor: Actor, id: string): Promise<TicketDetail> {
    const ticket = await this.loadTicket(id);
    const { store } = this.context;
    const events = await store.events.listForAggregate(
      DOMAIN_EVENT_AGGREGATES.ticket,
      id,
    );
    const history = await store.audit.list({
      offset: 0,
      limit: TICKET_HISTORY_LIMIT,
      ticketId: id,
    });
    return { ticket, events, history: [...history.items].reverse() };
  }

  async cancelTicket(actor: Actor, id: string) {
    const ticket = await this.loadTicket(id);
    if (!sameEntityRef(ticket.requester, actor.userEntityRef)) {
      throw notAllowed('Only the requester can cancel a request');
    }
    const updatedAt = this.context.now();
    await this.context.execute(async unit => {
      const moved = await unit.tx.tickets.transition(id, ['PENDING'], {
        status: 'CANCELLED',
        decidedAt: updatedAt,
        updatedAt,
      });
      if (!moved) {
        throw conflict(
          SHEPHERD_ERROR_CODES.TICKET_NOT_PENDING,
          `Only pending requests can be cancelled; this one is ${ticket.status}`,
        );
      }
      await unit.tx.events.transition(ticket.eventId, ['PENDING'], {
        status: 'CANCELLED',
        processedAt: updatedAt,
      });
      await unit.recordFact({
        aggregateType: DOMAIN_EVENT_AGGREGATES.ticket,
        type: 'REQUEST_CANCELLED',
        aggregateId: id,
        payload: { ticketId: id, cancelledBy: actor.userEntityRef },
        createdBy: actor.userEntityRef,
      });
      await auditTicket(unit, actor, 'approval.cancel', ticket);
    });
    return {
      ...ticket,
      status: 'CANCELLED' as const,
      decidedAt: updatedAt,
      updatedAt,
    };
  }
}
