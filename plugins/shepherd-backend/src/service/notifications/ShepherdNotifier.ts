import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  ReconcileReport,
  SHEPHERD_NOTIFICATION_LINKS,
  ShepherdCluster,
  ShepherdTicket,
  reconcilerNotificationTopic,
  TICKET_OPERATION_WORDS,
  normalizeEntityRef,
  ticketNotificationTopic,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { PersonNames, REF_PERSON_NAMES } from './personNames';

const phrase = (ticket: ShepherdTicket) =>
  TICKET_OPERATION_WORDS[ticket.operation].phrase;

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
    /** Who is alerted about the platform itself (`shepherd.platformAdmins`). */
    private readonly platformAdmins: string[] = [],
    /** How requesters and approvers are named in the text. */
    private readonly people: PersonNames = REF_PERSON_NAMES,
  ) {}

  /**
   * Alerts the platform admins that the reconciler halted on a cluster: so many of its
   * records looked like ghosts that the cluster Shepherd reaches is probably not the one
   * its VMs run on.
   */
  async reconcileHalted(
    cluster: ShepherdCluster,
    report: ReconcileReport,
  ): Promise<void> {
    if (this.platformAdmins.length === 0) {
      this.logger.warn(
        `No platform admins configured (shepherd.platformAdmins) to alert: the reconciler halted on cluster ${cluster.name}: ${report.message}`,
      );
      return;
    }
    await this.#send({
      recipients: { type: 'entity', entityRef: this.platformAdmins },
      payload: {
        title: `Reconciler halted on cluster ${cluster.name}`,
        description: `${report.message} Nothing was marked. Check the cluster's credentials (does its kubeconfig point at the right cluster?) before the next run.`,
        link: SHEPHERD_NOTIFICATION_LINKS.reconciler,
        topic: reconcilerNotificationTopic(cluster.id),
        severity: 'critical',
      },
    });
  }

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
        // Backstage resolves recipients to refs in their normal form and compares exactly.
        excludeEntityRef: normalizeEntityRef(ticket.requester),
      },
      payload: {
        title: `Approval requested: ${phrase(ticket)}`,
        description: `${await this.people.nameOf(
          ticket.requester,
        )} asks for ${phrase(ticket)} for ${describeTarget(ticket)}: ${
          ticket.reason
        }`,
        link: SHEPHERD_NOTIFICATION_LINKS.approvals,
        topic: ticketNotificationTopic(ticket.id),
        severity: ticket.environment === 'prod' ? 'high' : 'normal',
      },
    });
  }

  async ticketDecided(ticket: ShepherdTicket): Promise<void> {
    const approved = ticket.status === 'APPROVED';
    const approver = ticket.approver
      ? await this.people.nameOf(ticket.approver)
      : 'An approver';
    await this.#send({
      recipients: {
        type: 'entity',
        entityRef: normalizeEntityRef(ticket.requester),
      },
      payload: {
        title: `${approved ? 'Approved' : 'Rejected'}: ${phrase(ticket)}`,
        description: approved
          ? `${approver} approved your request for ${describeTarget(ticket)}.`
          : `${approver} rejected your request for ${describeTarget(ticket)}: ${
              ticket.rejectReason
            }`,
        link: SHEPHERD_NOTIFICATION_LINKS.ticket(ticket.id),
        topic: ticketNotificationTopic(ticket.id),
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
      recipients: {
        type: 'entity',
        entityRef: normalizeEntityRef(ticket.requester),
      },
      payload: {
        title: `${error ? 'Failed' : 'Done'}: ${phrase(ticket)}`,
        description: error
          ? `Your request for ${describeTarget(
              ticket,
            )} failed on the cluster: ${error}`
          : `Your request for ${describeTarget(ticket)} was carried out.`,
        link: SHEPHERD_NOTIFICATION_LINKS.ticket(ticket.id),
        topic: ticketNotificationTopic(ticket.id),
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
