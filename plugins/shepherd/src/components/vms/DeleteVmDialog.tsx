import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { VmRequestDialogProps } from './VmRequestDialogProps';
import {
  ConfirmationDialog,
  RequestReasonField,
  deletionTierFor,
  requestReasonCheck,
  toDeletionConfirmation,
  useDialogAction,
} from '../common';

export const DELETE_LABEL = 'Request deletion';

/**
 * Requests the deletion of a VM with the confirmation its environment asks for: a tick for
 * test VMs, the VM's name typed and a reason for production ones. Deletion always waits for
 * an approver.
 */
export function DeleteVmDialog(props: VmRequestDialogProps) {
  const { vm, open, onSubmitted, onCancel } = props;
  const api = useApi(shepherdApiRef);
  const [reason, setReason] = useState('');
  const tier = deletionTierFor(vm.environment, vm.name);
  const reasonCheck = requestReasonCheck('DELETE', vm.environment, reason);
  const submit = useDialogAction({
    open,
    action: api.requestVmDeletion.bind(api),
    onOpen: () => setReason(''),
    onDone: onSubmitted,
  });

  const confirm = () =>
    submit.run(vm.id, {
      ...toDeletionConfirmation(tier),
      reason: reason.trim() || undefined,
    });

  return (
    <ConfirmationDialog
      open={open}
      title={`Delete ${vm.name}?`}
      tier={tier}
      confirmLabel={DELETE_LABEL}
      canConfirm={reasonCheck.valid}
      busy={submit.busy}
      error={submit.error}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <Typography variant="body2" paragraph>
        Once an approver allows it, the VM and its disks are removed from{' '}
        {vm.clusterName ?? 'its cluster'}. Its requests and audit trail are
        kept.
      </Typography>
      <RequestReasonField
        id="shepherd-delete-reason"
        operation="DELETE"
        environment={vm.environment}
        value={reason}
        onChange={setReason}
        disabled={submit.busy}
      />
    </ConfirmationDialog>
  );
}
