import { Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { SHEPHERD_ERROR_CODES } from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { hasShepherdErrorCode } from '../../api/ShepherdApiError';
import { approvalsRouteRef } from '../../routes';
import { RecordHeader, ShepherdErrorPanel, TicketStatusBadge } from '../common';
import { RequestLink } from '../links';
import { describeTicket } from '../requests/ticketText';
import { DecidedCard } from './DecidedCard';
import { Decided, DecisionCard } from './DecisionCard';
import { EffectiveSpecCard } from './EffectiveSpecCard';
import { TaskSummaryCard } from './TaskSummaryCard';
import { useOfferedCatalog } from './useOfferedCatalog';

export const ALL_TASKS_LABEL = 'All requests waiting for a decision';

/**
 * One pending request in the approval workbench: what is asked, the effective spec and the
 * backend's warnings, and the decision (cluster, storage class and spec for new VMs).
 */
export function ApprovalTaskPage() {
  const { ticketId = '' } = useParams();
  const api = useApi(shepherdApiRef);
  const approvals = useRouteRef(approvalsRouteRef);
  const preview = useAsyncRetry(
    () => api.previewApproval(ticketId),
    [api, ticketId],
  );
  const catalog = useOfferedCatalog(preview.value?.ticket);
  const [decided, setDecided] = useState<Decided>();

  const backLink = <Link to={approvals()}>{ALL_TASKS_LABEL}</Link>;

  if (preview.loading && !preview.value) {
    return <Progress />;
  }
  if (!preview.value) {
    return (
      <>
        {backLink}
        {preview.error && (
          <Box mt={1}>
            <ShepherdErrorPanel
              title="Could not load the request"
              error={preview.error}
            />
            {hasShepherdErrorCode(
              preview.error,
              SHEPHERD_ERROR_CODES.TICKET_NOT_PENDING,
            ) && (
              <Box mt={1}>
                <RequestLink ticketId={ticketId}>
                  See how the request ended
                </RequestLink>
              </Box>
            )}
          </Box>
        )}
      </>
    );
  }

  const { ticket } = preview.value;
  return (
    <Grid container spacing={3}>
      <RecordHeader backLink={backLink} title={describeTicket(ticket)}>
        <TicketStatusBadge
          status={decided ? decidedStatus(decided) : ticket.status}
        />
      </RecordHeader>
      {decided && (
        <Grid item xs={12}>
          <DecidedCard decided={decided} />
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <TaskSummaryCard ticket={ticket} catalog={catalog.value} />
      </Grid>
      {(ticket.operation === 'CREATE' || ticket.operation === 'MODIFY') && (
        <Grid item xs={12} md={6}>
          <EffectiveSpecCard preview={preview.value} catalog={catalog.value} />
        </Grid>
      )}
      {!decided && (
        <Grid item xs={12}>
          <DecisionCard
            preview={preview.value}
            catalog={catalog.value}
            onDecided={setDecided}
          />
        </Grid>
      )}
    </Grid>
  );
}

function decidedStatus(decided: Decided) {
  return decided.kind === 'approved'
    ? decided.result.ticket.status
    : decided.ticket.status;
}
