import {
  ShepherdTicket,
  TicketOrderBy,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ReactNode } from 'react';
import { NOT_SET } from '../../labels';
import {
  EnvironmentChip,
  ListColumn,
  ListSort,
  ListTable,
  RelativeTime,
  TicketStatusBadge,
  formatEntityRef,
} from '../common';
import { RequestLink } from '../links';
import { TicketSummary } from './TicketSummary';
import { OPERATION_LABELS, withdrawalOf } from './ticketText';

function columnsFor(options: {
  showRequester: boolean;
  showEnvironment: boolean;
}): ListColumn<ShepherdTicket, TicketOrderBy>[] {
  const { showRequester, showEnvironment } = options;
  return [
    {
      title: 'Request',
      render: ticket => (
        <RequestLink ticketId={ticket.id}>
          <TicketSummary ticket={ticket} />
        </RequestLink>
      ),
    },
    {
      title: 'Operation',
      orderBy: 'operation',
      render: ticket => OPERATION_LABELS[ticket.operation],
    },
    {
      title: 'Status',
      orderBy: 'status',
      render: ticket => <TicketStatusBadge status={ticket.status} />,
    },
    ...(showEnvironment
      ? [
          {
            title: 'Environment',
            orderBy: 'environment' as const,
            render: (ticket: ShepherdTicket) => (
              <EnvironmentChip environment={ticket.environment} />
            ),
          },
        ]
      : []),
    ...(showRequester
      ? [
          {
            title: 'Requester',
            orderBy: 'requester' as const,
            render: (ticket: ShepherdTicket) =>
              formatEntityRef(ticket.requester),
          },
        ]
      : []),
    {
      title: 'Submitted',
      orderBy: 'createdAt',
      render: ticket => <RelativeTime timestamp={ticket.createdAt} />,
    },
    {
      title: 'Decided',
      // A withdrawn request was not decided; its status says it was withdrawn.
      render: ticket =>
        ticket.decidedAt && !withdrawalOf(ticket) ? (
          <RelativeTime timestamp={ticket.decidedAt} />
        ) : (
          NOT_SET
        ),
    },
  ];
}

/**
 * Tickets (requests) as a table, each linking to its page. Paging is the caller's, with a
 * PaginationBar under the table: the table shows one page of the API.
 */
export function TicketTable(props: {
  tickets: ShepherdTicket[];
  /** Show who asked; off for the caller's own requests. */
  showRequester?: boolean;
  /** Show each request's environment; off where all share one (a VM's requests). */
  showEnvironment?: boolean;
  emptyContent?: ReactNode;
  /** With `onSortChange`, the headers sort the list on the server. */
  sort?: ListSort<TicketOrderBy>;
  onSortChange?: (sort: ListSort<TicketOrderBy>) => void;
}) {
  return (
    <ListTable
      columns={columnsFor({
        showRequester: props.showRequester ?? false,
        showEnvironment: props.showEnvironment ?? true,
      })}
      data={props.tickets}
      emptyContent={props.emptyContent}
      sort={props.sort}
      onSortChange={props.onSortChange}
    />
  );
}
