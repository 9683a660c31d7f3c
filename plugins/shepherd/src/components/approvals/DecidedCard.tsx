import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { approvalsRouteRef } from '../../routes';
import { TicketStatusBadge } from '../common';
import { RequestLink } from '../links';
import { describeTicket } from '../requests/ticketText';
import { Decided } from './DecisionCard';
import { WarningList } from './EffectiveSpecCard';

export const BACK_TO_QUEUE_LABEL =
  'Back to the requests waiting for a decision';

/** How the request was decided here, and where it goes on. */
export function DecidedCard(props: { decided: Decided }) {
  const { decided } = props;
  const approvals = useRouteRef(approvalsRouteRef);
  const ticket =
    decided.kind === 'approved' ? decided.result.ticket : decided.ticket;
  return (
    <InfoCard title={decided.kind === 'approved' ? 'Approved' : 'Rejected'}>
      <Alert severity={decided.kind === 'approved' ? 'success' : 'info'}>
        {describeTicket(ticket)} is now{' '}
        <TicketStatusBadge status={ticket.status} />.{' '}
        {decided.kind === 'approved'
          ? 'Shepherd carries it out in the background; the requester is notified.'
          : 'The requester is notified with your reason.'}
      </Alert>
      {decided.kind === 'approved' &&
        ticket.operation === 'CREATE' &&
        ticket.vmName && (
          <Box mt={2}>
            <Typography variant="body2">
              The VM is named <strong>{ticket.vmName}</strong>.
            </Typography>
          </Box>
        )}
      {decided.kind === 'approved' && (
        <WarningList warnings={decided.result.warnings} />
      )}
      <Box mt={2} display="flex" style={{ gap: 16 }}>
        <RequestLink ticketId={ticket.id}>Follow the request</RequestLink>
        <Link to={approvals()}>{BACK_TO_QUEUE_LABEL}</Link>
      </Box>
    </InfoCard>
  );
}
