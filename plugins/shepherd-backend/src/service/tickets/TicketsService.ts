import {
  Page,
  ShepherdTicket,
  TicketDetail,
  TicketOperation,
  TicketOrderBy,
  TicketStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ListSort } from '../../database/sorting';
import { Actor } from '../Actor';

export interface TicketListRequest extends ListSort<TicketOrderBy> {
  offset: number;
  limit: number;
  /** `mine` (default): the caller's own tickets; `all`: every ticket the caller may read. */
  scope?: 'mine' | 'all';
  statuses?: TicketStatus[];
  operations?: TicketOperation[];
  vmId?: string;
  /** Text in the VM name, the Service, the System, the requester or the reason. */
  search?: string;
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
