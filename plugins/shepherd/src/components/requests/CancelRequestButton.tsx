import { useApi } from '@backstage/core-plugin-api';
import {
  ShepherdTicket,
  shepherdTicketCancelPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { ConfirmationDialog, PermissionedButton, useAction } from '../common';
import { describeTicket } from './ticketText';

/** Label of the button and of the dialog's confirmation. */
export const WITHDRAW_LABEL = 'Withdraw request';

/**
 * Lets the requester withdraw a request that still waits for an approver. Hidden for
 * requests that are no longer pending and for users who may not cancel it.
 */
export function CancelRequestButton(props: {
  ticket: ShepherdTicket;
  onCancelled: () => void;
}) {
  const { ticket, onCancelled } = props;
  const api = useApi(shepherdApiRef);
  const [open, setOpen] = useState(false);
  const cancel = useAction(() => api.cancelTicket(ticket.id));

  if (ticket.status !== 'PENDING') {
    return null;
  }
  const close = () => {
    setOpen(false);
    cancel.reset();
  };
  const confirm = async () => {
    if (await cancel.run()) {
      setOpen(false);
      onCancelled();
    }
  };

  return (
    <>
      <PermissionedButton
        permission={shepherdTicketCancelPermission}
        resourceRef={ticket.id}
        whenDenied="hide"
        variant="outlined"
        onClick={() => setOpen(true)}
      >
        {WITHDRAW_LABEL}
      </PermissionedButton>
      <ConfirmationDialog
        open={open}
        title="Withdraw this request?"
        tier={{ kind: 'button' }}
        confirmLabel={WITHDRAW_LABEL}
        busy={cancel.busy}
        error={cancel.error}
        onConfirm={confirm}
        onCancel={close}
      >
        <Typography variant="body2" paragraph>
          {describeTicket(ticket)} will no longer wait for an approver. You can
          request it again later.
        </Typography>
      </ConfirmationDialog>
    </>
  );
}
