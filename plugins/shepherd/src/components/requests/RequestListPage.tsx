import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { TICKET_ORDER_BY } from '@kubevirt-shepherd/plugin-shepherd-common';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { shepherdApiRef } from '../../api/ShepherdApi';
import {
  CLEAR_FILTERS_LABEL,
  ListSearchBar,
  NoMatchState,
  PaginationBar,
  ShepherdErrorPanel,
  TICKET_SEARCH_HELP,
  readSearch,
  ticketChanges,
  useLiveData,
  useUrlListQuery,
  writeSearch,
} from '../common';
import { TicketTable } from './TicketTable';
import { REQUEST_GROUPS, RequestGroup, isActiveTicket } from './ticketText';

/** The search param that holds the selected group. */
const GROUP_PARAM = 'group';

const FIRST_RUN_DESCRIPTION =
  'When you request a VM, or ask to start, stop, resize or delete one, or for console access, the request shows up here: waiting for an approver, being carried out, and how it ended.';

type RequestFilters = { group: RequestGroup; search?: string };

function readFilters(params: URLSearchParams): RequestFilters {
  const group =
    REQUEST_GROUPS.find(
      candidate => candidate.id === params.get(GROUP_PARAM),
    ) ?? REQUEST_GROUPS[0];
  return { group, search: readSearch(params) };
}

function writeFilters(filters: RequestFilters): URLSearchParams {
  const params = new URLSearchParams({ [GROUP_PARAM]: filters.group.id });
  writeSearch(params, filters.search);
  return params;
}

/** The caller's requests, grouped by whether they are still in progress; searched and sorted on the server. */
export function RequestListPage() {
  const api = useApi(shepherdApiRef);
  const { filters, sort, paging, setFilters, setSort, setPaging } =
    useUrlListQuery({
      read: readFilters,
      write: writeFilters,
      sortable: TICKET_ORDER_BY,
    });
  const { group, search } = filters;
  const { offset, limit } = paging;
  const tickets = useLiveData(
    () =>
      api.listTickets({
        scope: 'mine',
        statusGroup: group.statusGroup,
        search,
        ...sort,
        offset,
        limit,
      }),
    [api, group.statusGroup, search, sort.orderBy, sort.order, offset, limit],
    {
      signals: [ticketChanges()],
      isSettled: page => !page.items.some(isActiveTicket),
    },
  );
  // Another group starts at its first page, with the search kept.
  const selectGroup = (next: RequestGroup) =>
    setFilters({ group: next, search });

  let body;
  if (tickets.loading && !tickets.value) {
    body = <Progress />;
  } else if (tickets.value && tickets.value.items.length === 0) {
    body = search ? (
      <NoMatchState
        title="No requests match this search"
        clearLabel={CLEAR_FILTERS_LABEL}
        onClear={() => setFilters({ group })}
      />
    ) : (
      <EmptyState
        missing="data"
        title={group.emptyTitle}
        description={FIRST_RUN_DESCRIPTION}
      />
    );
  } else if (tickets.value) {
    body = (
      <>
        <TicketTable
          tickets={tickets.value.items}
          sort={sort}
          onSortChange={setSort}
        />
        <PaginationBar page={tickets.value} onChange={setPaging} />
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
      <ListSearchBar
        id="shepherd-requests-search"
        label="Search requests"
        helperText={TICKET_SEARCH_HELP}
        search={search}
        onSearch={text => setFilters({ group, search: text })}
      />
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
