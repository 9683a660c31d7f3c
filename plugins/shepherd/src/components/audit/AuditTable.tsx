import { StatusError, StatusOK, TableColumn } from '@backstage/core-components';
import { AuditLogEntry } from '@kubevirt-shepherd/plugin-shepherd-common';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
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
import { auditActionLabel } from './auditVocabulary';

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

/** The words of the link to an entry's request; its id is in the tooltip. */
export const REQUEST_LINK_LABEL = 'Request';

/**
 * An entry's action in words, linked to the entry's page, with the code beneath: auditors
 * filter by it. Codes do not break inside a word.
 */
export function ActionCell(props: { entry: AuditLogEntry }) {
  const { entry } = props;
  return (
    <>
      <AuditEntryLink id={entry.id}>
        {auditActionLabel(entry.action)}
      </AuditEntryLink>
      <Typography
        variant="caption"
        color="textSecondary"
        component="div"
        style={{ whiteSpace: 'nowrap' }}
      >
        {entry.action}
      </Typography>
    </>
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
    render: entry => <ActionCell entry={entry} />,
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
        <Tooltip title={entry.ticketId}>
          <span>
            <RequestLink ticketId={entry.ticketId}>
              {REQUEST_LINK_LABEL}
            </RequestLink>
          </span>
        </Tooltip>
      ) : (
        NOT_SET
      ),
  },
];

/** One page of audit entries, newest first; each action, in words, links to the entry's page. */
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
