import { InfoCard, Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { approvalsRouteRef } from '../../routes';
import { formatCount, ticketChanges, useLiveData } from '../common';

/** The title of the overview's card for approvers. */
export const APPROVALS_WAITING_TITLE = 'Waiting for your decision';

/**
 * How many requests wait for the user's decision (the approval queue lists only those the
 * user may decide), following new requests and decisions; undefined while unknown, and for
 * users who decide none (`decides` false), who are not asked.
 */
export function useApprovalsWaiting(decides: boolean): number | undefined {
  const api = useApi(shepherdApiRef);
  const waiting = useLiveData(
    async () =>
      decides
        ? (await api.listApprovalTasks({ limit: 1 })).totalItems
        : undefined,
    [api, decides],
    // Requests arrive at any time: the count never settles (signals say when it changed).
    { signals: [ticketChanges()], isSettled: () => false },
  );
  return waiting.value;
}

/** The overview's card for approvers: how many requests wait for them, and where. */
export function ApprovalsWaitingCard(props: { waiting: number }) {
  const { waiting } = props;
  const approvals = useRouteRef(approvalsRouteRef);
  return (
    <InfoCard title={APPROVALS_WAITING_TITLE}>
      {waiting === 0 ? (
        <Typography variant="body1">
          No request waits for your decision.
        </Typography>
      ) : (
        <Typography variant="body1">
          <Link to={approvals()}>
            {formatCount(waiting, 'request', 'requests')}
          </Link>{' '}
          {waiting === 1 ? 'waits' : 'wait'} for your decision, oldest first in
          the approval queue.
        </Typography>
      )}
    </InfoCard>
  );
}
