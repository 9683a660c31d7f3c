import { StatusError, StatusOK, TableColumn } from '@backstage/core-components';
import { AuditLogEntry } from '@kubevirt-shepherd/plugin-shepherd-common';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { NOT_SET } from '../../labels';
import {
  EnvironmentChip,
  ListTable,
  RelativeTime,
  formatEntityRef,
} from '../common';
import { RequestLink } from '../links';
import { AuditEntryLink, EntryResource } from './auditLinks';
import { auditActionLabel } from './auditVocabulary';

/** An entry's outcome in the API's words, with Backstage's status colours. */
export function OutcomeBadge(props: { outcome: AuditLogEntry['outcome'] }) {
  return (
    <span data-outcome={props.outcome} style={{ whiteSpace: 'nowrap' }}>
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

const COLUMNS: TableColumn<AuditLogEntry>[] = [
  {
    title: 'When',
    render: entry => <RelativeTime timestamp={entry.createdAt} />,
  },
  {
    title: 'Action',
    render: entry => <ActionCell entry={entry} />,
  },
  {
    title: 'Outcome',
    render: entry => <OutcomeBadge outcome={entry.outcome} />,
  },
  { title: 'Actor', render: entry => <Actor actor={entry.actor} /> },
  { title: 'Resource', render: entry => <EntryResource entry={entry} /> },
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
