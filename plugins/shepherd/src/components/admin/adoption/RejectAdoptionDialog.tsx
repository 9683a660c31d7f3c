import { useApi } from '@backstage/core-plugin-api';
import { ShepherdPendingAdoption } from '@kubevirt-shepherd/plugin-shepherd-common';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import { useAction } from '../../common';
import { FIELD_PROPS, FormDialog } from '../shared';
import { DECISION_REASON_MAX_LENGTH } from './AdoptDialog';
import { REJECT_LABEL } from './AdoptionTable';

/**
 * Declines a discovered VM for good: nothing on the cluster changes, and discovery does not
 * propose it again (another VM created later under its name is a new proposal).
 */
export function RejectAdoptionDialog(props: {
  adoption?: ShepherdPendingAdoption;
  onRejected: (adoption: ShepherdPendingAdoption) => void;
  onCancel: () => void;
}) {
  const { adoption, onRejected, onCancel } = props;
  const api = useApi(shepherdApiRef);
  const [reason, setReason] = useState('');
  const rejecting = useAction((id: string) =>
    api.rejectPendingAdoption(id, { reason: reason.trim() }),
  );
  const { reset } = rejecting;
  useEffect(() => {
    setReason('');
    reset();
  }, [adoption, reset]);

  const submit = async () => {
    if (!adoption) return;
    const result = await rejecting.run(adoption.id);
    if (result) onRejected(result);
  };
  const tooLong = reason.length > DECISION_REASON_MAX_LENGTH;

  return (
    <FormDialog
      open={!!adoption}
      title={`${REJECT_LABEL} ${adoption?.resourceName ?? ''}`}
      submitLabel={REJECT_LABEL}
      canSubmit={reason.trim() !== '' && !tooLong}
      busy={rejecting.busy}
      error={rejecting.error}
      errorTitle="The VM was not rejected"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Typography variant="body2" paragraph>
        Shepherd leaves {adoption?.namespace}/{adoption?.resourceName} as it is
        and stops proposing it. The reason goes to the audit log.
      </Typography>
      <TextField
        {...FIELD_PROPS}
        id="reject-adoption-reason"
        label="Reason"
        required
        value={reason}
        onChange={event => setReason(event.target.value)}
        error={tooLong}
        helperText={`${reason.length}/${DECISION_REASON_MAX_LENGTH}`}
      />
    </FormDialog>
  );
}
