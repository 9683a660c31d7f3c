import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { useSearchParams } from 'react-router-dom';
import { shepherdApiRef } from '../../api/ShepherdApi';
import {
  PaginationBar,
  ShepherdErrorPanel,
  readPaging,
  ticketChanges,
  useLiveData,
} from '../common';
import { TicketTable } from './TicketTable';
import { REQUEST_GROUPS, RequestGroup, isActiveTicket } from './ticketText';

/** The search param that holds the selected group. */
const GROUP_PARAM = 'group';

const FIRST_RUN_DESCRIPTION =
  'When you request a VM, or ask to start, stop, resize or delete one, or for console access, the request shows up here: waiting for an approver, being carried out, and how it ended.';

function useSelectedGroup(): [RequestGroup, (group: RequestGroup) => void] {
  const [params, setParams] = useSearchParams();
  const group =
    REQUEST_GROUPS.find(
      candidate => candidate.id === params.get(GROUP_PARAM),
    ) ?? REQUEST_GROUPS[0];
  // Another group starts at its first page.
  const select = (next: RequestGroup) =>
    setParams({ [GROUP_PARAM]: next.id }, { replace: true });
  return [group, select];
}

/** The caller's requests, grouped by whether they are still in progress. */
export function RequestListPage() {
  const api = useApi(shepherdApiRef);
  const [params, setParams] = useSearchParams();
  const [group, selectGroup] = useSelectedGroup();
  const { offset, limit } = readPaging(params);
  const tickets = useLiveData(
    () =>
      api.listTickets({
        scope: 'mine',
        statusGroup: group.statusGroup,
        offset,
        limit,
      }),
    [api, group.statusGroup, offset, limit],
    {
      signals: [ticketChanges()],
      isSettled: page => !page.items.some(isActiveTicket),
    },
  );

  const changePage = (paging: { offset: number; limit: number }) =>
    setParams(
      {
        [GROUP_PARAM]: group.id,
        offset: String(paging.offset),
        limit: String(paging.limit),
      },
      { replace: true },
    );

  let body;
  if (tickets.loading && !tickets.value) {
    body = <Progress />;
  } else if (tickets.value && tickets.value.items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title={group.emptyTitle}
        description={FIRST_RUN_DESCRIPTION}
      />
    );
  } else if (tickets.value) {
    body = (
      <>
        <TicketTable tickets={tickets.value.items} />
        <PaginationBar page={tickets.value} onChange={changePage} />
      </>
    );
  }

  return (
    <>
      <Tabs
        value={group.id}
        onChange={(_event, id) =>
          selectGroup(REQUEST_GROUPS.find(candidate => candidate.id === id)!)
        }
        indicatorColor="primary"
        aria-label="Request groups"
      >
        {REQUEST_GROUPS.map(candidate => (
          <Tab
            key={candidate.id}
            value={candidate.id}
            label={candidate.label}
          />
        ))}
      </Tabs>
      {tickets.error && (
        <ShepherdErrorPanel
          title="Could not load your requests"
          error={tickets.error}
        />
      )}
      {body}
    </>
  );
}
