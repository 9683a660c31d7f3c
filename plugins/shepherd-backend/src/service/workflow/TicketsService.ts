import {
  ApprovalDecision,
  ApprovalManifest,
  ApprovalManifestRequest,
  ApprovalPreview,
  ApprovalTask,
  Page,
  ShepherdTicket,
  ShepherdWarning,
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

/** The approval workbench: pending tickets and their decisions. */
export interface ApprovalsService {
  listTasks(
    actor: Actor,
    request: { offset: number; limit: number },
  ): Promise<Page<ApprovalTask>>;
  preview(actor: Actor, ticketId: string): Promise<ApprovalPreview>;
  /** The VirtualMachine approving a CREATE with these choices would apply. */
  renderManifest(
    actor: Actor,
    ticketId: string,
    request: ApprovalManifestRequest,
  ): Promise<ApprovalManifest>;
  approve(
    actor: Actor,
    ticketId: string,
    decision: ApprovalDecision,
  ): Promise<{ ticket: ShepherdTicket; warnings: ShepherdWarning[] }>;
  reject(
    actor: Actor,
    ticketId: string,
    input: { reason: string },
  ): Promise<ShepherdTicket>;
}
