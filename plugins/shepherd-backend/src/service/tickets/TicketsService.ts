import {
  Page,
  ShepherdTicket,
  TicketDetail,
  TicketOperation,
  TicketStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Actor } from '../Actor';

export interface TicketListRequest {
  offset: number;
  limit: number;
  /** `mine` (default): the caller's own tickets; `all`: every ticket the caller may read. */
  scope?: 'mine' | 'all';
  statuses?: TicketStatus[];
  operations?: TicketOperation[];
  vmId?: string;
}

/** Tickets as their requesters and readers see them. */
export interface TicketsService {
  listTickets(
    actor: Actor,
    request: TicketListRequest,
  ): Promise<Page<ShepherdTicket>>;
  getTicket(actor: Actor, id: string): Promise<TicketDetail>;
  /** Withdraws the caller's own pending ticket. */
  cancelTicket(actor: Actor, id: string): Promise<ShepherdTicket>;
}
