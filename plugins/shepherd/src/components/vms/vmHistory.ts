import {
  ShepherdTicket,
  ShepherdVm,
  TicketStatus,
  VmHistoryEntry as RecordedVmAction,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { AUDIT_ACTION_LABELS } from '../audit/auditVocabulary';
import { describeTicket, isActiveTicket } from '../requests/ticketText';

/** One step in a VM's history. */
export type VmHistoryEntry = {
  key: string;
  at: string;
  title: string;
  /** Who acted, an entity ref; absent for what the system did on its own. */
  by?: string;
  /** The request the step belongs to. */
  ticketId?: string;
  /** The request's status after this step, for its badge. */
  ticketStatus?: TicketStatus;
  /**
   * Whether this is the step a request under way stands at: only it may look like work in
   * progress; the earlier steps of a request are over.
   */
  current?: boolean;
  /** What went wrong, or the approver's reason. */
  note?: string;
};

/** How a request ended, in words, by its final status (the words of direct actions too). */
const ENDINGS: Partial<Record<TicketStatus, string>> = {
  SUCCESS: 'done',
  FAILED: 'failed',
  CANCELLED: 'withdrawn',
};

function ticketSteps(ticket: ShepherdTicket): VmHistoryEntry[] {
  const what = describeTicket(ticket);
  const steps: VmHistoryEntry[] = [
    {
      key: `${ticket.id}-requested`,
      at: ticket.createdAt,
      title: `Requested: ${what}`,
      by: ticket.requester,
      ticketId: ticket.id,
      ticketStatus: 'PENDING',
      note: ticket.reason,
    },
  ];
  // A withdrawn request was not decided: the API records the withdrawal in decidedAt, and
  // its end below says it.
  if (ticket.decidedAt && ticket.status !== 'CANCELLED') {
    const rejected = ticket.status === 'REJECTED';
    steps.push({
      key: `${ticket.id}-decided`,
      at: ticket.decidedAt,
      title: `${rejected ? 'Rejected' : 'Approved'}: ${what}`,
      by: ticket.approver,
      ticketId: ticket.id,
      ticketStatus: rejected ? 'REJECTED' : 'APPROVED',
      note: rejected ? ticket.rejectReason : ticket.decisionComment,
    });
  }
  const ending = ENDINGS[ticket.status];
  if (ending) {
    steps.push({
      key: `${ticket.id}-ended`,
      at: ticket.updatedAt,
      title: `${what}: ${ending}`,
      by: ticket.status === 'CANCELLED' ? ticket.requester : undefined,
      ticketId: ticket.id,
      ticketStatus: ticket.status,
    });
  }
  if (isActiveTicket(ticket)) {
    // The request stands at its latest step, and with its current status (EXECUTING after
    // the approval).
    const latest = steps[steps.length - 1];
    steps[steps.length - 1] = {
      ...latest,
      ticketStatus: ticket.status,
      current: true,
    };
  }
  return steps;
}

function detail(
  entry: RecordedVmAction,
  name: keyof RecordedVmAction['details'],
): string | undefined {
  return entry.details[name] || undefined;
}

/**
 * An action on the VM that needed no request, in words: a power action as asked for (with
 * its reason), and how the job that carried it out ended, naming the action.
 */
function directStep(
  entry: RecordedVmAction,
): Pick<VmHistoryEntry, 'title' | 'note'> {
  const action = detail(entry, 'action');
  const actionWord = action
    ? `${action.charAt(0).toUpperCase()}${action.slice(1)}`
    : undefined;
  if (entry.action === 'execution.completed' && actionWord) {
    return { title: `${actionWord}: ${ENDINGS.SUCCESS}` };
  }
  if (entry.action === 'execution.failed') {
    return {
      title: `${actionWord ?? 'Action'}: ${ENDINGS.FAILED}`,
      note: detail(entry, 'error'),
    };
  }
  const label = AUDIT_ACTION_LABELS[entry.action] ?? entry.action;
  return {
    title: entry.outcome === 'failure' ? `${label} (failed)` : label,
    note: detail(entry, 'reason'),
  };
}

/**
 * The history of a VM, newest first: the steps of every request on it (asked, decided,
 * carried out), the recorded actions on the VM that belong to no request (actions that need
 * no approval, such as a power action in test), and its current status.
 */
export function vmHistory(
  vm: ShepherdVm,
  tickets: ShepherdTicket[],
  auditEntries: RecordedVmAction[] = [],
): VmHistoryEntry[] {
  const direct = auditEntries
    .filter(entry => !entry.ticketId)
    .map(entry => ({
      key: `audit-${entry.id}`,
      at: entry.createdAt,
      by: entry.actor,
      ...directStep(entry),
    }));
  // Its status message is on the placement card, next to the status.
  const current: VmHistoryEntry = {
    key: 'current',
    at: vm.updatedAt,
    title: `Status ${vm.status}`,
  };
  const time = (entry: VmHistoryEntry) => new Date(entry.at).getTime();
  return [current, ...tickets.flatMap(ticketSteps), ...direct].sort(
    (a, b) => time(b) - time(a) || a.key.localeCompare(b.key),
  );
}
