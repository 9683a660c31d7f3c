import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  Environment,
  TicketOperation,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/** A committed ticket that waits for an approval decision. @public */
export interface ShepherdApprovalRequest {
  ticketId: string;
  operation: TicketOperation;
  environment: Environment;
  requester: string;
  systemName: string;
  serviceName: string;
  namespace: string;
  vmName?: string;
  reason: string;
}

/**
 * Brings tickets that need approval to the people or systems that decide them.
 *
 * The built-in provider is Shepherd's approval workbench: it notifies the configured approvers,
 * who decide in the portal. An external approval system (ITSM, chat-ops) can replace it; it
 * then records its decisions through the approval API with its service credentials.
 *
 * @public
 */
export interface ShepherdApprovalProvider {
  /** Stable identifier, e.g. `workbench`. */
  readonly id: string;
  /**
   * Called after the ticket was committed, never inside a transaction. Failures are logged
   * and do not undo the ticket.
   */
  onApprovalRequested(request: ShepherdApprovalRequest): Promise<void>;
}

/** @public */
export interface ShepherdApprovalExtensionPoint {
  /** Replaces the built-in workbench provider; at most one provider can be set. */
  setApprovalProvider(provider: ShepherdApprovalProvider): void;
}

/** @public */
export const shepherdApprovalExtensionPoint =
  createExtensionPoint<ShepherdApprovalExtensionPoint>({
    id: 'shepherd.approval',
  });
