import { Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useParams } from 'react-router-dom';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { myRequestsRouteRef } from '../../routes';
import { ShepherdErrorPanel, TicketStatusBadge, useLiveData } from '../common';
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
    isSettled: value => !isActiveTicket(value.ticket),
  });

  const backLink = <Link to={myRequests()}>All my requests</Link>;

  if (detail.loading && !detail.value) {
    return <Progress />;
  }
  if (!detail.value) {
    return (
      <>
        {backLink}
        {detail.error && (
          <ShepherdErrorPanel
            title="Could not load the request"
            error={detail.error}
          />
        )}
      </>
    );
  }

  const { ticket, events, history } = detail.value;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {backLink}
        <Box display="flex" alignItems="center" flexWrap="wrap" mt={1}>
          <Box mr={2}>
            <Typography variant="h5" component="h2">
              {describeTicket(ticket)}
            </Typography>
          </Box>
          <TicketStatusBadge status={ticket.status} />
          <Box ml="auto">
            <CancelRequestButton ticket={ticket} onCancelled={detail.refresh} />
          </Box>
        </Box>
      </Grid>
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
        <RequestSummaryCard ticket={ticket} />
      </Grid>
      <Grid item xs={12} md={6}>
        <RequestTimeline events={events} history={history} />
      </Grid>
    </Grid>
  );
}
