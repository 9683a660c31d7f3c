import { InfoCard, LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { TicketSubmission } from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { SUBMITTED_FOR_APPROVAL } from '../../labels';
import { requestDetailRouteRef } from '../../routes';
import { TicketStatusBadge } from '../common';

export const FOLLOW_REQUEST_LABEL = 'Follow the request';
export const REQUEST_ANOTHER_LABEL = 'Request another VM';

/** The ticket a submitted request became, with where to follow it. */
export function SubmittedCard(props: {
  submission: TicketSubmission;
  probableName?: string;
  onRequestAnother: () => void;
}) {
  const { submission, probableName, onRequestAnother } = props;
  const requestDetail = useRouteRef(requestDetailRouteRef);
  return (
    <InfoCard title={SUBMITTED_FOR_APPROVAL}>
      <Alert severity="success">
        Your request was received and is now{' '}
        <TicketStatusBadge status={submission.status} />. An approver will
        choose the cluster and approve or reject it; you will be notified.
      </Alert>
      {probableName && (
        <Box mt={2}>
          <Typography variant="body2">
            The VM will probably be named <strong>{probableName}</strong>; the
            number is assigned on approval.
          </Typography>
        </Box>
      )}
      <Box mt={2} display="flex" style={{ gap: 8 }}>
        <LinkButton
          to={requestDetail({ ticketId: submission.ticketId })}
          variant="contained"
          color="primary"
        >
          {FOLLOW_REQUEST_LABEL}
        </LinkButton>
        <Button variant="outlined" onClick={onRequestAnother}>
          {REQUEST_ANOTHER_LABEL}
        </Button>
      </Box>
    </InfoCard>
  );
}
