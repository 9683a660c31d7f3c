import {
  ApprovalDecision,
  ApprovalManifest,
  ApprovalManifestRequest,
  ApprovalPreview,
  SHEPHERD_ERROR_CODES,
  ShepherdTicket,
  sameEntityRef,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { PermissionConditions } from '../../database/permissionFilter';
import { TicketsStore } from '../../database/stores/tickets/TicketsStore';
import { AnyVmOperation, DecisionField } from '../../operations/VmOperation';
import { VmOperations } from '../../operations/VmOperations';
import { claimVmOperation } from '../../operations/vmOperationLock';
import { vmOfTicket } from '../../operations/vmRequests';
import { Actor } from '../Actor';
import { conflict, invalidInput, notAllowed, found } from '../errors';
import { GovernanceContext, UnitOfWork } from '../GovernanceContext';
import { ShepherdNotifier } from '../notifications/ShepherdNotifier';
import { auditTicket } from '../tickets/auditTicket';
import { ApprovalTaskListRequest, ApprovalsService } from './ApprovalsService';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The fields of an approval that belong to some operations only, in the order they are named. */
const DECISION_FIELDS: readonly DecisionField[] = [
  'clusterId',
  'storageClass',
  'spec',
  'grantMinutes',
  'confirmVmName',
];

type TicketDecision = Parameters<TicketsStore['transition']>[2];

/**
 * The approval workbench, generic over VM operations: each ticket's operation says what an
 * approver may choose, checks it (with the cluster's preflight, outside any transaction) and
 * writes what approving means. Approving runs as one unit of work: the operation's writes,
 * the ticket's decision, its event, the job and the audit row. Execution on the cluster
 * happens afterwards, asynchronously.
 */
export class DefaultApprovalsService implements ApprovalsService {
  constructor(
    private readonly context: GovernanceContext,
    private readonly operations: VmOperations,
    private readonly notifier: ShepherdNotifier,
  ) {}

  private get store() {
    return this.context.store;
  }

  async listTasks(
    actor: Actor,
    request: ApprovalTaskListRequest & { conditions?: PermissionConditions },
  ) {
    const page = await this.store.tickets.list({
      offset: request.offset,
      limit: request.limit,
      search: request.search,
      orderBy: request.orderBy,
      order: request.order,
      conditions: request.conditions,
      statuses: ['PENDING'],
      excludeRequester: actor.userEntityRef,
      oldestFirst: true,
    });
    const now = this.context.clock().getTime();
    return {
      ...page,
      items: page.items.map(ticket => ({
        ticket,
        ageDays: Math.floor((now - Date.parse(ticket.createdAt)) / DAY_MS),
      })),
    };
  }

  /** The ticket; 404 when it does not exist. */
  async loadTicket(ticketId: string): Promise<ShepherdTicket> {
    return found(await this.store.tickets.get(ticketId), 'Ticket');
  }

  /** A ticket the caller may decide now: someone else's, still pending. */
  async #loadPending(actor: Actor, ticketId: string) {
    const ticket = await this.loadTicket(ticketId);
    if (sameEntityRef(ticket.requester, actor.userEntityRef)) {
      throw notAllowed(
        'Requesters cannot decide their own requests',
        SHEPHERD_ERROR_CODES.SELF_APPROVAL_FORBIDDEN,
      );
    }
    if (ticket.status !== 'PENDING') {
      throw conflict(
        SHEPHERD_ERROR_CODES.TICKET_NOT_PENDING,
        `Only pending tickets can be decided; this one is ${ticket.status}`,
      );
    }
    return ticket;
  }

  async preview(actor: Actor, ticketId: string): Promise<ApprovalPreview> {
    const ticket = await this.#loadPending(actor, ticketId);
    const { approval } = this.operations.forTicket(ticket.operation);
    return {
      ticket,
      warnings: [],
      clusters: [],
      ...(await approval.preview?.(ticket)),
    };
  }

  async renderManifest(
    actor: Actor,
    ticketId: string,
    request: ApprovalManifestRequest,
  ): Promise<ApprovalManifest> {
    const ticket = await this.#loadPending(actor, ticketId);
    const { approval } = this.operations.forTicket(ticket.operation);
    if (!approval.manifest) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
        `Only requests for new VMs have a manifest; this one is ${ticket.operation}`,
      );
    }
    return approval.manifest(ticket, request);
  }

  async approve(actor: Actor, ticketId: string, decision: ApprovalDecision) {
    const ticket = await this.#loadPending(actor, ticketId);
    const operation = this.operations.forTicket(ticket.operation);
    this.#checkDecisionFields(operation, ticket, decision);
    // Checked before the unit of work: planning only reads and asks the cluster, and the
    // decision itself is guarded by the conditional ticket transition inside.
    const { plan, warnings } = await operation.approval.plan(ticket, decision);
    const decidedAt = this.context.now();
    const approved = await this.context.execute(async unit => {
      await this.#holdPending(unit, ticket, decidedAt);
      const vm = ticket.vmId ? await vmOfTicket(unit, ticket.vmId) : undefined;
      const written = await operation.approval.write(unit, {
        actor,
        ticket,
        vm,
        plan,
        decidedAt,
      });
      const decided = {
        status: 'APPROVED' as const,
        approver: actor.userEntityRef,
        decisionComment: decision.comment,
        decidedAt,
        updatedAt: decidedAt,
        ...written.ticket,
      };
      await this.#decide(
        unit,
        ticket,
        decided,
        operation.job ? 'PROCESSING' : 'COMPLETED',
      );
      if (operation.job) {
        // Holds the VM for the job: a VM has one operation in flight (409 otherwise).
        await claimVmOperation(
          unit,
          {
            kind: operation.job.kind,
            eventId: ticket.eventId,
            clusterId: written.clusterId,
          },
          {
            id: written.ticket?.vmId ?? vm?.id ?? '',
            name: written.ticket?.vmName ?? vm?.name ?? '',
          },
        );
      }
      await auditTicket(unit, actor, 'approval.approve', ticket, {
        decision: written.audit.decision,
        ...written.audit.details,
      });
      return { ...ticket, ...decided };
    });
    return { ticket: approved, warnings };
  }

  /** Refuses choices the ticket's operation does not take (e.g. a cluster for a deletion). */
  #checkDecisionFields(
    operation: AnyVmOperation,
    ticket: ShepherdTicket,
    decision: ApprovalDecision,
  ) {
    const taken: readonly DecisionField[] = operation.approval.decisionFields;
    const misplaced = DECISION_FIELDS.filter(
      field => decision[field] !== undefined && !taken.includes(field),
    );
    if (misplaced.length > 0) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
        `${misplaced.join(', ')} cannot be decided for ${
          ticket.operation
        } tickets`,
      );
    }
  }

  /**
   * Holds the pending ticket for this unit of work before anything else is written: of
   * concurrent approvals, the others wait for the first to commit and then find the ticket
   * decided (409 TICKET_NOT_PENDING), rather than running into what the first wrote (its VM's
   * name, its job) and failing on that.
   */
  async #holdPending(unit: UnitOfWork, ticket: ShepherdTicket, now: string) {
    if (
      !(await unit.tx.tickets.transition(ticket.id, ['PENDING'], {
        updatedAt: now,
      }))
    ) {
      throw this.#decidedMeanwhile();
    }
  }

  #decidedMeanwhile() {
    return conflict(
      SHEPHERD_ERROR_CODES.TICKET_NOT_PENDING,
      'The ticket was decided by someone else in the meantime',
    );
  }

  /** Moves the ticket and its event on; losing a race to another decision answers 409. */
  async #decide(
    unit: UnitOfWork,
    ticket: ShepherdTicket,
    patch: TicketDecision,
    eventStatus: 'PROCESSING' | 'COMPLETED' | 'CANCELLED',
  ) {
    const moved = await unit.tx.tickets.transition(
      ticket.id,
      ['PENDING'],
      patch,
    );
    if (!moved) {
      throw this.#decidedMeanwhile();
    }
    await unit.tx.events.transition(ticket.eventId, ['PENDING'], {
      status: eventStatus,
      ...(eventStatus !== 'PROCESSING' && { processedAt: patch.updatedAt }),
    });
    unit.afterCommit(async () => {
      const decided = await this.store.tickets.get(ticket.id);
      if (decided) await this.notifier.ticketDecided(decided);
    });
  }

  async reject(
    actor: Actor,
    ticketId: string,
    input: Parameters<ApprovalsService['reject']>[2],
  ) {
    const reason = input.reason?.trim();
    const ticket = await this.#loadPending(actor, ticketId);
    if (!reason) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.REJECT_REASON_REQUIRED,
        'Say why the request is rejected; the requester is told',
      );
    }
    const decidedAt = this.context.now();
    const patch = {
      status: 'REJECTED' as const,
      approver: actor.userEntityRef,
      rejectReason: reason,
      decidedAt,
      updatedAt: decidedAt,
    };
    await this.context.execute(async unit => {
      await this.#decide(unit, ticket, patch, 'CANCELLED');
      await auditTicket(unit, actor, 'approval.reject', ticket, { reason });
    });
    return { ...ticket, ...patch };
  }
}
