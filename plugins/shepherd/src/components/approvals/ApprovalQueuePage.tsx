import { EmptyState, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ApprovalTask } from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Theme, useTheme } from '@material-ui/core/styles';
import { useSearchParams } from 'react-router-dom';
import { shepherdApiRef } from '../../api/ShepherdApi';
import {
  EnvironmentChip,
  ListTable,
  PagedList,
  RelativeTime,
  ShepherdErrorPanel,
  formatEntityRef,
  readPaging,
  ticketChanges,
  useLiveData,
} from '../common';
import { OPERATION_LABELS, describeTicket } from '../requests/ticketText';
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

const COLUMNS: TableColumn<ApprovalTask>[] = [
  {
    title: 'Waiting',
    render: task => <AgeBadge ageDays={task.ageDays} />,
  },
  {
    title: 'Request',
    render: task => (
      <ApprovalTaskLink ticketId={task.ticket.id}>
        {describeTicket(task.ticket)}
      </ApprovalTaskLink>
    ),
  },
  {
    title: 'Operation',
    render: task => OPERATION_LABELS[task.ticket.operation],
  },
  {
    title: 'Requester',
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
    render: task => <EnvironmentChip environment={task.ticket.environment} />,
  },
  {
    title: 'Submitted',
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
  const [params, setParams] = useSearchParams();
  const { offset, limit } = readPaging(params);
  const tasks = useLiveData(
    () => api.listApprovalTasks({ offset, limit }),
    [api, offset, limit],
    // New requests arrive at any time: the queue never settles (signals say when one did).
    { signals: [ticketChanges()], isSettled: () => false },
  );

  const changePage = (paging: { offset: number; limit: number }) =>
    setParams(
      { offset: String(paging.offset), limit: String(paging.limit) },
      { replace: true },
    );

  return (
    <>
      {tasks.error && (
        <ShepherdErrorPanel
          title="Could not load the requests waiting for a decision"
          error={tasks.error}
        />
      )}
      <PagedList
        page={tasks.value}
        loading={tasks.loading}
        firstRun={
          <EmptyState
            missing="data"
            title={NO_TASKS_TITLE}
            description={NO_TASKS_DESCRIPTION}
          />
        }
        onPageChange={changePage}
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
              data={sortByAge(page.items)}
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
