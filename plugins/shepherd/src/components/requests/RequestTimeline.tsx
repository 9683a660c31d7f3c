import { InfoCard } from '@backstage/core-components';
import {
  AuditLogEntry,
  DOMAIN_EVENT_STATUS_LABELS,
  DOMAIN_EVENT_TYPE_LABELS,
  ShepherdDomainEvent,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { AUDIT_ACTION_LABELS } from '../audit/auditVocabulary';
import { RelativeTime, formatEntityRef } from '../common';

/** How a failed audited action is marked in the timeline. */
const FAILED_SUFFIX = ' (failed)';

type TimelineEntry = {
  key: string;
  at: string;
  /** What happened, in words. */
  title: string;
  /** The code the backend wrote (event type and status, or audit action), for support. */
  code: string;
  by: string;
  /** What went wrong, for failed steps. */
  problem?: string;
};

/**
 * One chronological list of what happened to a request: its domain events (the work) and
 * its audit trail (the decisions), oldest first.
 */
export function toTimeline(
  events: ShepherdDomainEvent[],
  history: AuditLogEntry[],
): TimelineEntry[] {
  const fromEvents = events.map(event => ({
    key: `event-${event.id}`,
    at: event.createdAt,
    title: `${DOMAIN_EVENT_TYPE_LABELS[event.type] ?? event.type}: ${
      DOMAIN_EVENT_STATUS_LABELS[event.status] ?? event.status
    }`,
    code: `${event.type} (${event.status})`,
    by: event.createdBy,
    problem: event.errorMessage,
  }));
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
  events: ShepherdDomainEvent[];
  history: AuditLogEntry[];
}) {
  const entries = toTimeline(props.events, props.history);
  return (
    <InfoCard title="Timeline">
      {entries.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Nothing has happened to this request yet.
        </Typography>
      ) : (
        <List dense aria-label="Timeline">
          {entries.map(entry => (
            <ListItem key={entry.key} divider>
              <ListItemText
                primary={entry.title}
                secondary={
                  <>
                    <code title="Code in the API and the audit log">
                      {entry.code}
                    </code>{' '}
                    · {formatEntityRef(entry.by)} ·{' '}
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
