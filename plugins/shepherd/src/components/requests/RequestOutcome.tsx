import {
  AuditLogEntry,
  ShepherdDomainEvent,
  ShepherdTicket,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { formatEntityRef } from '../common';

/** Whether a request ended in a way RequestOutcome explains. */
export function hasOutcomeToExplain(ticket: ShepherdTicket): boolean {
  return ticket.status === 'REJECTED' || ticket.status === 'FAILED';
}

/**
 * Why a request did not go through: the approver's reason for a rejection, or the errors of
 * the work that failed. Nothing for requests that are fine.
 */
export function RequestOutcome(props: {
  ticket: ShepherdTicket;
  events: ShepherdDomainEvent[];
  history: AuditLogEntry[];
}) {
  const { ticket, events, history } = props;
  if (ticket.status === 'REJECTED') {
    return (
      <Alert severity="warning">
        <AlertTitle>Rejected by {formatEntityRef(ticket.approver)}</AlertTitle>
        {ticket.rejectReason ?? 'No reason was given.'}
      </Alert>
    );
  }
  if (ticket.status === 'FAILED') {
    const messages = [
      ...events.map(event => event.errorMessage),
      ...history.map(entry =>
        entry.outcome === 'failure' ? entry.details.error : undefined,
      ),
    ];
    // The event and the audit entry of one failure usually carry the same message.
    const problems = [
      ...new Set(
        messages.filter(
          (message): message is string =>
            typeof message === 'string' && message.length > 0,
        ),
      ),
    ];
    return (
      <Alert severity="error">
        <AlertTitle>The request failed while it was carried out</AlertTitle>
        {problems.length > 0
          ? problems.map(problem => <div key={problem}>{problem}</div>)
          : 'The backend recorded no error message; the timeline shows the last steps.'}
      </Alert>
    );
  }
  return null;
}
