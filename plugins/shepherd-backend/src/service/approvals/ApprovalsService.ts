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
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Actor } from '../Actor';

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
    input: ShepherdApiRequestBody<'RejectTicket'>,
  ): Promise<ShepherdTicket>;
}
