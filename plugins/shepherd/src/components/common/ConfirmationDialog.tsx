import {
  Environment,
  ShepherdApiQuery,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ReactNode, useEffect, useState } from 'react';
import { ActionDialog } from './ActionDialog';

/**
 * How much a user must do to confirm: nothing beyond the button, tick a box (test VMs,
 * Services), or type the name of what goes away (production VMs, Systems, namespaces). The
 * backend checks the same tiers; the dialog only makes them explicit.
 */
export type ConfirmationTier =
  | { kind: 'button' }
  | { kind: 'checkbox'; label: string }
  | { kind: 'type-name'; name: string };

/** Label of the field where the name is typed. */
export const TYPE_NAME_LABEL = 'Type the name to confirm';

/** The tier of deleting a VM: a tick in test, its name typed in prod. */
export function deletionTierFor(
  environment: Environment,
  name: string,
): ConfirmationTier {
  return environment === 'prod'
    ? { kind: 'type-name', name }
    : {
        kind: 'checkbox',
        label: `I understand that ${name} and its disks will be deleted`,
      };
}

/** The API's confirmation parameter of a deletion for a satisfied tier. */
export function toDeletionConfirmation(
  tier: ConfirmationTier,
): Pick<ShepherdApiQuery<'RequestVmDeletion'>, 'confirm' | 'confirm_name'> {
  return tier.kind === 'type-name'
    ? { confirm_name: tier.name }
    : { confirm: true };
}

/**
 * A dialog that asks for a confirmation before a consequential action. The confirm button
 * stays disabled until the tier is met and while the action runs; an error of the action is
 * shown inside the dialog with its code, so the user can correct and retry.
 */
export function ConfirmationDialog(props: {
  open: boolean;
  title: string;
  /** What will happen, and any extra fields (a reason). */
  children?: ReactNode;
  tier: ConfirmationTier;
  confirmLabel: string;
  /** Further conditions of the caller's own fields, e.g. a required reason. */
  canConfirm?: boolean;
  busy?: boolean;
  error?: Error;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const {
    open,
    title,
    children,
    tier,
    confirmLabel,
    canConfirm = true,
    busy = false,
    error,
    onConfirm,
    onCancel,
  } = props;
  const [ticked, setTicked] = useState(false);
  const [typedName, setTypedName] = useState('');

  // Each opening starts unconfirmed.
  useEffect(() => {
    if (open) {
      setTicked(false);
      setTypedName('');
    }
  }, [open]);

  const tierMet =
    tier.kind === 'button' ||
    (tier.kind === 'checkbox' && ticked) ||
    (tier.kind === 'type-name' && typedName === tier.name);

  return (
    <ActionDialog
      open={open}
      titleId="shepherd-confirmation-title"
      title={title}
      error={error}
      actionLabel={confirmLabel}
      actionColor="secondary"
      canAct={tierMet && canConfirm}
      busy={busy}
      onAct={onConfirm}
      onCancel={onCancel}
    >
      {children}
      {tier.kind === 'checkbox' && (
        <FormControlLabel
          control={
            <Checkbox
              checked={ticked}
              onChange={event => setTicked(event.target.checked)}
              disabled={busy}
            />
          }
          label={tier.label}
        />
      )}
      {tier.kind === 'type-name' && (
        <>
          <Typography variant="body2" gutterBottom>
            This cannot be undone. Type <strong>{tier.name}</strong> to confirm.
          </Typography>
          <TextField
            id="shepherd-confirm-name"
            label={TYPE_NAME_LABEL}
            value={typedName}
            onChange={event => setTypedName(event.target.value)}
            disabled={busy}
            fullWidth
            autoComplete="off"
            margin="dense"
            variant="outlined"
          />
        </>
      )}
    </ActionDialog>
  );
}
