import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ApprovalTask,
  TICKET_ORDER_BY,
  TicketOrderBy,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Theme, useTheme } from '@material-ui/core/styles';
import { shepherdApiRef } from '../../api/ShepherdApi';
import {
  CLEAR_FILTERS_LABEL,
  EnvironmentChip,
  ListColumn,
  ListSearchBar,
  ListTable,
  NoMatchState,
  PagedList,
  RelativeTime,
  SEARCH_ONLY,
  ShepherdErrorPanel,
  TICKET_SEARCH_HELP,
  formatEntityRef,
  ticketChanges,
  useLiveData,
  useUrlListQuery,
} from '../common';
import { TicketSummary } from '../requests/TicketSummary';
import { OPERATION_LABELS } from '../requests/ticketText';
import { AgeBadge } from './AgeBadge';
import { ApprovalTaskLink } from './ApprovalTaskLink';
import { RequestReasonCell } from './RequestReasonCell';
import {
  AGE_NORMAL_MAX_DAYS,
  AGE_WARNING_MAX_DAYS,
  AgeLevel,
  ageLevelOf,
  sortByAge,
} from './approvalRules';

export const NO_TASKS_TITLE = 'No requests wait for your decision';
const NO_TASKS_DESCRIPTION =
  'Requests for new VMs, resizes and deletions, and production power and console requests, appear here when you may decide them. Your own requests are never listed: someone else decides them. The list refreshes by itself.';

const COLUMNS: ListColumn<ApprovalTask, TicketOrderBy>[] = [
  {
    title: 'Waiting',
    render: task => <AgeBadge ageDays={task.ageDays} />,
  },
  {
    title: 'Request',
    render: task => (
      <ApprovalTaskLink ticketId={task.ticket.id}>
        <TicketSummary ticket={task.ticket} />
      </ApprovalTaskLink>
    ),
  },
  {
    title: 'Operation',
    orderBy: 'operation',
    render: task => OPERATION_LABELS[task.ticket.operation],
  },
  {
    title: 'Requester',
    orderBy: 'requester',
    render: task => formatEntityRef(task.ticket.requester),
  },
  {
    title: 'Reason',
    render: task => <RequestReasonCell reason={task.ticket.reason} />,
  },
  {
    title: 'System / Service',
    render: task => `${task.ticket.systemName} / ${task.ticket.serviceName}`,
  },
  { title: 'Namespace', render: task => task.ticket.namespace },
  {
    title: 'Environment',
    orderBy: 'environment',
    render: task => <EnvironmentChip environment={task.ticket.environment} />,
  },
  {
    title: 'Submitted',
    orderBy: 'createdAt',
    render: task => <RelativeTime timestamp={task.ticket.createdAt} />,
  },
];

/** The accent of a row by how long its request has waited. */
function accentOf(theme: Theme, level: AgeLevel): string {
  switch (level) {
    case 'alert':
      return theme.palette.error.main;
    case 'warning':
      return theme.palette.warning.main;
    default:
      return 'transparent';
  }
}

/**
 * The approval workbench's queue: pending requests the user may decide, the longest-waiting
 * first and highlighted by age. It refreshes by itself, since requests arrive at any time.
 */
export function ApprovalQueuePage() {
  const api = useApi(shepherdApiRef);
  const theme = useTheme();
  const { filters, sort, paging, setFilters, setSort, setPaging } =
    useUrlListQuery({ ...SEARCH_ONLY, sortable: TICKET_ORDER_BY });
  const query = { ...filters, ...sort, ...paging };
  const tasks = useLiveData(
    () => api.listApprovalTasks(query),
    [api, JSON.stringify(query)],
    // New requests arrive at any time: the queue never settles (signals say when one did).
    { signals: [ticketChanges()], isSettled: () => false },
  );

  return (
    <>
      <ListSearchBar
        id="shepherd-approvals-search"
        label="Search requests"
        helperText={TICKET_SEARCH_HELP}
        search={filters.search}
        onSearch={search => setFilters({ search })}
      />
      {tasks.error && (
        <ShepherdErrorPanel
          title="Could not load the requests waiting for a decision"
          error={tasks.error}
        />
      )}
      <PagedList
        page={tasks.value}
        loading={tasks.loading}
        filtered={Boolean(filters.search)}
        firstRun={
          <EmptyState
            missing="data"
            title={NO_TASKS_TITLE}
            description={NO_TASKS_DESCRIPTION}
          />
        }
        onPageChange={setPaging}
      >
        {page => (
          <>
            <Box mb={1}>
              <Typography variant="body2" color="textSecondary">
                {page.totalItems === 1
                  ? '1 request waits for a decision'
                  : `${page.totalItems} requests wait for a decision`}
                , the longest-waiting first: up to {AGE_NORMAL_MAX_DAYS} days is
                normal, up to {AGE_WARNING_MAX_DAYS} days a warning, longer an
                alert. The list refreshes by itself.
              </Typography>
            </Box>
            <ListTable
              columns={COLUMNS}
              // Without a chosen order, the longest-waiting first; otherwise the server's order.
              data={sort.orderBy ? page.items : sortByAge(page.items)}
              sort={sort}
              onSortChange={setSort}
              emptyContent={
                <NoMatchState
                  title="No waiting requests match this search"
                  clearLabel={CLEAR_FILTERS_LABEL}
                  onClear={() => setFilters({})}
                />
              }
              rowStyle={task => ({
                borderLeft: `4px solid ${accentOf(
                  theme,
                  ageLevelOf(task.ageDays),
                )}`,
              })}
            />
          </>
        )}
      </PagedList>
    </>
  );
}
