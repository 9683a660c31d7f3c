import { InfoCard } from '@backstage/core-components';
import {
  AuditLogEntry,
  DOMAIN_EVENT_STATUS_LABELS,
  DOMAIN_EVENT_TYPE_LABELS,
  DomainEventType,
  ShepherdDomainEvent,
  ShepherdTicket,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { AUDIT_ACTION_LABELS } from '../audit/auditVocabulary';
import { CODE_LABEL, RelativeTime, formatEntityRef } from '../common';

/** How a failed audited action is marked in the timeline. */
const FAILED_SUFFIX = ' (failed)';

type TimelineEntry = {
  key: string;
  at: string;
  /** What happened, in words. */
  title: string;
  /** The code the backend wrote (event type and status, or audit action): a tooltip, for support. */
  code: string;
  by: string;
  /** What went wrong, for failed steps, or why the request was rejected. */
  problem?: string;
};

/** Events that record a fact rather than work: their label says it all. */
const FACT_EVENTS: readonly DomainEventType[] = ['REQUEST_CANCELLED'];

/**
 * How the work of an event ended, in words. A request that did not go ahead leaves its event
 * CANCELLED, whether an approver rejected it or its requester withdrew it: the ticket says
 * which, and a rejection's reason.
 */
function eventOutcome(
  event: ShepherdDomainEvent,
  ticket: ShepherdTicket,
): { words: string; problem?: string } {
  if (event.status === 'CANCELLED' && ticket.status === 'REJECTED') {
    return { words: 'rejected', problem: ticket.rejectReason };
  }
  if (event.status === 'CANCELLED' && ticket.status === 'CANCELLED') {
    return { words: 'withdrawn' };
  }
  return {
    words: DOMAIN_EVENT_STATUS_LABELS[event.status] ?? event.status,
    problem: event.errorMessage,
  };
}

/**
 * One chronological list of what happened to a request: its domain events (the work) and
 * its audit trail (the decisions), oldest first.
 */
export function toTimeline(
  ticket: ShepherdTicket,
  events: ShepherdDomainEvent[],
  history: AuditLogEntry[],
): TimelineEntry[] {
  const fromEvents = events.map(event => {
    const label = DOMAIN_EVENT_TYPE_LABELS[event.type] ?? event.type;
    const outcome = eventOutcome(event, ticket);
    return {
      key: `event-${event.id}`,
      // The title tells how the work ended: it belongs where it ended.
      at: event.processedAt ?? event.createdAt,
      title: FACT_EVENTS.includes(event.type)
        ? label
        : `${label}: ${outcome.words}`,
      code: `${event.type} (${event.status})`,
      by: event.createdBy,
      problem: outcome.problem,
    };
  });
  const fromHistory = history.map(entry => ({
    key: `audit-${entry.id}`,
    at: entry.createdAt,
    title: `${AUDIT_ACTION_LABELS[entry.action] ?? entry.action}${
      entry.outcome === 'failure' ? FAILED_SUFFIX : ''
    }`,
    code: entry.action,
    by: entry.actor,
    problem:
      entry.outcome === 'failure' && typeof entry.details.error === 'string'
        ? entry.details.error
        : undefined,
  }));
  const time = (entry: TimelineEntry) => new Date(entry.at).getTime();
  return [...fromEvents, ...fromHistory].sort(
    (a, b) => time(a) - time(b) || a.key.localeCompare(b.key),
  );
}

/** The timeline of a request: events and audit entries in the order they happened. */
export function RequestTimeline(props: {
  ticket: ShepherdTicket;
  events: ShepherdDomainEvent[];
  history: AuditLogEntry[];
}) {
  const entries = toTimeline(props.ticket, props.events, props.history);
  return (
    <InfoCard title="Timeline">
      {entries.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Nothing has happened to this request yet.
        </Typography>
      ) : (
        <List dense aria-label="Timeline">
          {entries.map(entry => (
            <ListItem
              key={entry.key}
              divider
              title={`${CODE_LABEL}: ${entry.code}`}
            >
              <ListItemText
                primary={entry.title}
                secondary={
                  <>
                    {formatEntityRef(entry.by)} ·{' '}
                    <RelativeTime timestamp={entry.at} />
                    {entry.problem && (
                      <Typography
                        variant="body2"
                        color="error"
                        component="span"
                        display="block"
                      >
                        {entry.problem}
                      </Typography>
                    )}
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}
