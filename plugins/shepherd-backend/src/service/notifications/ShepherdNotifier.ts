import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ShepherdTicket } from '@kubevirt-shepherd/plugin-shepherd-common';

/** Where the frontend plugin shows a ticket and the approval queue. */
export const TICKET_LINK = (ticketId: string) =>
  `/shepherd/requests/${ticketId}`;
export const APPROVALS_LINK = '/shepherd/approvals';

const OPERATION_TITLES: Record<ShepherdTicket['operation'], string> = {
  CREATE: 'a new VM',
  MODIFY: 'a VM change',
  DELETE: 'a VM deletion',
  POWER: 'a power operation',
  VNC_ACCESS: 'console access',
};

function describeTarget(ticket: ShepherdTicket): string {
  const where = `${ticket.systemName}/${ticket.serviceName} in ${ticket.namespace} (${ticket.environment})`;
  return ticket.vmName ? `${ticket.vmName}, ${where}` : where;
}

/**
 * Tells people about tickets through Backstage notifications: approvers about new requests,
 * requesters about decisions. Topics are per ticket, so the notifications of one ticket
 * group together. Sending never fails the caller: the ticket is already committed.
 */
export class ShepherdNotifier {
  constructor(
    private readonly notifications: NotificationService,
    private readonly approvers: string[],
    private readonly logger: LoggerService,
  ) {}

  async approvalRequested(ticket: ShepherdTicket): Promise<void> {
    if (this.approvers.length === 0) {
      this.logger.info(
        `No approvers configured (shepherd.approvers); ticket ${ticket.id} waits in the approval workbench`,
      );
      return;
    }
    await this.#send({
      recipients: {
        type: 'entity',
        entityRef: this.approvers,
        excludeEntityRef: ticket.requester,
      },
      payload: {
        title: `Approval requested: ${OPERATION_TITLES[ticket.operation]}`,
        description: `${ticket.requester} asks for ${
          OPERATION_TITLES[ticket.operation]
        } for ${describeTarget(ticket)}: ${ticket.reason}`,
        link: APPROVALS_LINK,
        topic: `shepherd-ticket:${ticket.id}`,
        severity: ticket.environment === 'prod' ? 'high' : 'normal',
      },
    });
  }

  async ticketDecided(ticket: ShepherdTicket): Promise<void> {
    const approved = ticket.status === 'APPROVED';
    await this.#send({
      recipients: { type: 'entity', entityRef: ticket.requester },
      payload: {
        title: `${approved ? 'Approved' : 'Rejected'}: ${
          OPERATION_TITLES[ticket.operation]
        }`,
        description: approved
          ? `${ticket.approver} approved your request for ${describeTarget(
              ticket,
            )}.`
          : `${ticket.approver} rejected your request for ${describeTarget(
              ticket,
            )}: ${ticket.rejectReason}`,
        link: TICKET_LINK(ticket.id),
        topic: `shepherd-ticket:${ticket.id}`,
        severity: approved ? 'normal' : 'high',
      },
    });
  }

  /** Tells the requester that an approved ticket was carried out on the cluster, or failed. */
  async executionFinished(
    ticket: ShepherdTicket,
    error?: string,
  ): Promise<void> {
    await this.#send({
      recipients: { type: 'entity', entityRef: ticket.requester },
      payload: {
        title: `${error ? 'Failed' : 'Done'}: ${
          OPERATION_TITLES[ticket.operation]
        }`,
        description: error
          ? `Your request for ${describeTarget(
              ticket,
            )} failed on the cluster: ${error}`
          : `Your request for ${describeTarget(ticket)} was carried out.`,
        link: TICKET_LINK(ticket.id),
        topic: `shepherd-ticket:${ticket.id}`,
        severity: error ? 'high' : 'normal',
      },
    });
  }

  async #send(options: Parameters<NotificationService['send']>[0]) {
    try {
      await this.notifications.send(options);
    } catch (error) {
      this.logger.warn(`Could not send a Shepherd notification: ${error}`);
    }
  }
}
