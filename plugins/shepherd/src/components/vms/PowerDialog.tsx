import {
  PowerAction,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { ConfirmationDialog, ReasonField } from '../common';

/** The verb of each power action on buttons and in titles. */
export const POWER_ACTION_LABELS: Record<PowerAction, string> = {
  start: 'Start',
  stop: 'Stop',
  restart: 'Restart',
};

/** Whether an action goes straight to the backend: starting a test VM interrupts nothing. */
export function powerNeedsConfirmation(vm: ShepherdVm, action: PowerAction) {
  return action !== 'start' || vm.environment === 'prod';
}

/** Confirms a power action, with an optional reason; says when an approver must allow it. */
export function PowerDialog(props: {
  vm: ShepherdVm;
  action: PowerAction | undefined;
  busy: boolean;
  error?: Error;
  onConfirm: (reason: string | undefined) => void;
  onCancel: () => void;
}) {
  const { vm, action, busy, error, onConfirm, onCancel } = props;
  const [reason, setReason] = useState('');
  useEffect(() => setReason(''), [action]);
  const label = action ? POWER_ACTION_LABELS[action] : '';
  return (
    <ConfirmationDialog
      open={action !== undefined}
      title={`${label} ${vm.name}?`}
      tier={{ kind: 'button' }}
      confirmLabel={vm.environment === 'prod' ? 'Submit for approval' : label}
      busy={busy}
      error={error}
      onConfirm={() => onConfirm(reason.trim() || undefined)}
      onCancel={onCancel}
    >
      <Typography variant="body2" paragraph>
        {vm.environment === 'prod'
          ? 'This is a production VM: an approver must allow the action before it runs.'
          : `${vm.name} will ${action} now.`}
      </Typography>
      <ReasonField
        id="shepherd-power-reason"
        value={reason}
        onChange={setReason}
        disabled={busy}
      />
    </ConfirmationDialog>
  );
}
