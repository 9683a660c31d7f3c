import { StatusError, StatusOK, TableColumn } from '@backstage/core-components';
import { AuditLogEntry } from '@kubevirt-shepherd/plugin-shepherd-common';
import Tooltip from '@material-ui/core/Tooltip';
import { CSSProperties, ReactNode } from 'react';
import { NOT_SET } from '../../labels';
import {
  EnvironmentChip,
  KEEP_WHOLE,
  ListTable,
  RelativeTime,
  STATUS_BADGE_STYLE,
  WHOLE_WORDS,
  formatEntityRef,
} from '../common';
import { RequestLink } from '../links';
import { AuditEntryLink, EntryResource } from './auditLinks';

/** An entry's outcome in the API's words, with Backstage's status colours. */
export function OutcomeBadge(props: { outcome: AuditLogEntry['outcome'] }) {
  return (
    <span data-outcome={props.outcome} style={STATUS_BADGE_STYLE}>
      {props.outcome === 'success' ? (
        <StatusOK>success</StatusOK>
      ) : (
        <StatusError>failure</StatusError>
      )}
    </span>
  );
}

/** Who acted, short, with the full ref in a tooltip. */
export function Actor(props: { actor: string }) {
  return (
    <Tooltip title={props.actor}>
      <span>{formatEntityRef(props.actor)}</span>
    </Tooltip>
  );
}

/** A long id shortened for a table cell; the full id is in the tooltip. */
export function ShortId(props: { id: string }) {
  const { id } = props;
  return (
    <Tooltip title={id}>
      <code>{id.length > 13 ? `${id.slice(0, 8)}…` : id}</code>
    </Tooltip>
  );
}

const ACTION_CELL: CSSProperties = { ...WHOLE_WORDS, minWidth: '14em' };

const COLUMNS: TableColumn<AuditLogEntry>[] = [
  {
    title: 'When',
    cellStyle: KEEP_WHOLE,
    render: entry => <RelativeTime timestamp={entry.createdAt} />,
  },
  {
    title: 'Action',
    // The widest column: an action reads as a whole, broken between words at most.
    cellStyle: ACTION_CELL,
    render: entry => (
      <AuditEntryLink id={entry.id}>
        <code>{entry.action}</code>
      </AuditEntryLink>
    ),
  },
  {
    title: 'Outcome',
    render: entry => <OutcomeBadge outcome={entry.outcome} />,
  },
  {
    title: 'Actor',
    cellStyle: KEEP_WHOLE,
    render: entry => <Actor actor={entry.actor} />,
  },
  {
    title: 'Resource',
    cellStyle: WHOLE_WORDS,
    render: entry => <EntryResource entry={entry} />,
  },
  {
    title: 'Environment',
    render: entry =>
      entry.environment ? (
        <EnvironmentChip environment={entry.environment} />
      ) : (
        NOT_SET
      ),
  },
  {
    title: 'Request',
    cellStyle: KEEP_WHOLE,
    render: entry =>
      entry.ticketId ? (
        <RequestLink ticketId={entry.ticketId}>
          <ShortId id={entry.ticketId} />
        </RequestLink>
      ) : (
        NOT_SET
      ),
  },
];

/** One page of audit entries, newest first; each action links to the entry's page. */
export function AuditTable(props: {
  entries: AuditLogEntry[];
  emptyContent?: ReactNode;
}) {
  return (
    <ListTable
      columns={COLUMNS}
      data={props.entries}
      emptyContent={props.emptyContent}
    />
  );
}
