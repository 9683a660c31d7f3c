import {
  ShepherdApprovalProvider,
  ShepherdApprovalRequest,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ShepherdTicket } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdNotifier } from './ShepherdNotifier';

/**
 * The built-in approval provider: tickets wait in Shepherd's approval workbench and the
 * configured approvers are notified.
 */
export class WorkbenchApprovalProvider implements ShepherdApprovalProvider {
  readonly id = 'workbench';

  constructor(
    private readonly notifier: ShepherdNotifier,
    private readonly loadTicket: (
      id: string,
    ) => Promise<ShepherdTicket | undefined>,
  ) {}

  async onApprovalRequested(request: ShepherdApprovalRequest): Promise<void> {
    const ticket = await this.loadTicket(request.ticketId);
    if (ticket) {
      await this.notifier.approvalRequested(ticket);
    }
  }
}
