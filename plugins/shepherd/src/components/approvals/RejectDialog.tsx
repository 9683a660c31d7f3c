import { useApi } from '@backstage/core-plugin-api';
import { ShepherdTicket } from '@kubevirt-shepherd/plugin-shepherd-common';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { ConfirmationDialog, ReasonField, useDialogAction } from '../common';
import { describeTicket } from '../requests/ticketText';

export const REJECT_LABEL = 'Reject';
export const REJECT_REASON_LABEL = 'Reason for the requester';

/** Rejects a pending request with a reason, which the requester is told. */
export function RejectDialog(props: {
  ticket: ShepherdTicket;
  open: boolean;
  onRejected: (ticket: ShepherdTicket) => void;
  onCancel: () => void;
}) {
  const { ticket, open, onRejected, onCancel } = props;
  const api = useApi(shepherdApiRef);
  const [reason, setReason] = useState('');
  const reject = useDialogAction({
    open,
    action: (ticketId: string, text: string) =>
      api.rejectTicket(ticketId, { reason: text }),
    onOpen: () => setReason(''),
    onDone: onRejected,
  });

  const confirm = () => reject.run(ticket.id, reason.trim());

  return (
    <ConfirmationDialog
      open={open}
      title={`Reject: ${describeTicket(ticket)}`}
      tier={{ kind: 'button' }}
      confirmLabel={REJECT_LABEL}
      canConfirm={reason.trim().length > 0}
      busy={reject.busy}
      error={reject.error}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <Typography variant="body2" paragraph>
        The request ends here. Say why, so the requester can fix it and ask
        again; the reason is kept in the audit log.
      </Typography>
      <ReasonField
        id="shepherd-reject-reason"
        label={REJECT_REASON_LABEL}
        required
        multiline
        value={reason}
        onChange={setReason}
        helperText="Required"
        disabled={reject.busy}
      />
    </ConfirmationDialog>
  );
}
