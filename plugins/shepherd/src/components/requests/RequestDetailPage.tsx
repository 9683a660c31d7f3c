import { Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { useParams } from 'react-router-dom';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { myRequestsRouteRef } from '../../routes';
import {
  RecordHeader,
  RecordNotLoaded,
  ShepherdErrorPanel,
  TicketStatusBadge,
  ticketChanges,
  useLiveData,
} from '../common';
import { CancelRequestButton } from './CancelRequestButton';
import { RequestOutcome, hasOutcomeToExplain } from './RequestOutcome';
import { RequestSummaryCard } from './RequestSummaryCard';
import { RequestTimeline } from './RequestTimeline';
import { describeTicket, isActiveTicket } from './ticketText';

/** One request: what it asks for, where it stands, what happened to it; withdraw while pending. */
export function RequestDetailPage() {
  const { ticketId = '' } = useParams();
  const api = useApi(shepherdApiRef);
  const myRequests = useRouteRef(myRequestsRouteRef);
  const detail = useLiveData(() => api.getTicket(ticketId), [api, ticketId], {
    signals: [ticketChanges({ ticketId })],
    isSettled: value => !isActiveTicket(value.ticket),
  });

  const backLink = <Link to={myRequests()}>All my requests</Link>;

  if (!detail.value) {
    return (
      <RecordNotLoaded
        record={detail}
        errorTitle="Could not load the request"
        backLink={backLink}
      />
    );
  }

  const { ticket, events, history } = detail.value;
  return (
    <Grid container spacing={3}>
      <RecordHeader backLink={backLink} title={describeTicket(ticket)}>
        <TicketStatusBadge status={ticket.status} />
        <Box ml="auto">
          <CancelRequestButton ticket={ticket} onCancelled={detail.refresh} />
        </Box>
      </RecordHeader>
      {detail.error && (
        <Grid item xs={12}>
          <ShepherdErrorPanel
            title="Could not refresh the request"
            error={detail.error}
          />
        </Grid>
      )}
      {hasOutcomeToExplain(ticket) && (
        <Grid item xs={12}>
          <RequestOutcome ticket={ticket} events={events} history={history} />
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <RequestSummaryCard ticket={ticket} events={events} />
      </Grid>
      <Grid item xs={12} md={6}>
        <RequestTimeline ticket={ticket} events={events} history={history} />
      </Grid>
    </Grid>
  );
}
