import {
  ShepherdApiRequestBody,
  ApprovalDecision,
  ApprovalManifest,
  ApprovalManifestRequest,
  ApprovalPreview,
  ApprovalTask,
  Page,
  ShepherdTicket,
  ShepherdWarning,
  TicketOrderBy,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ListSort } from '../../database/sorting';
import { Actor } from '../Actor';

/** Which page of the approval queue, searched and ordered as the caller asks. */
export interface ApprovalTaskListRequest extends ListSort<TicketOrderBy> {
  offset: number;
  limit: number;
  /** Text in the VM name, the Service, the System, the requester or the reason. */
  search?: string;
}

/** The approval workbench: pending tickets and their decisions. */
export interface ApprovalsService {
  listTasks(
    actor: Actor,
    request: ApprovalTaskListRequest,
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
    input: ShepherdApiRequestBody<'RejectTicket'>,
  ): Promise<ShepherdTicket>;
}
