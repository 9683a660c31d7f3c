import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { FormEvent, ReactNode, useId } from 'react';
import { ShepherdErrorPanel } from '../../common';

/** Props shared by the fields of admin forms. */
export const FIELD_PROPS = {
  fullWidth: true,
  margin: 'dense',
  variant: 'outlined',
} as const;

/** Input props of fields that hold code (YAML, JSON, paths): monospace, not spell-checked. */
export const CODE_INPUT_PROPS = {
  spellCheck: false,
  style: { fontFamily: 'monospace' },
} as const;

/**
 * A dialog with a form of an admin catalog. Submitting stays disabled while the form has
 * problems the UI can see and while the request runs; the backend's refusal is shown inside
 * the dialog with its code, so the admin can correct and retry.
 */
export function FormDialog(props: {
  open: boolean;
  title: string;
  submitLabel: string;
  canSubmit: boolean;
  busy: boolean;
  error?: Error;
  /** Heading of the backend's refusal, e.g. "The cluster was not registered". */
  errorTitle: string;
  /** Shown under the backend's refusal: what to do about this code. */
  errorHint?: ReactNode;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
  maxWidth?: 'sm' | 'md';
}) {
  const {
    open,
    title,
    submitLabel,
    canSubmit,
    busy,
    error,
    errorTitle,
    errorHint,
    onSubmit,
    onCancel,
    children,
    maxWidth = 'sm',
  } = props;
  const titleId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSubmit && !busy) onSubmit();
  };
  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onCancel}
      aria-labelledby={titleId}
      fullWidth
      maxWidth={maxWidth}
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          {children}
          {error && (
            <>
              <ShepherdErrorPanel title={errorTitle} error={error} />
              {errorHint}
            </>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={!canSubmit || busy}
            startIcon={busy ? <CircularProgress size={16} /> : undefined}
          >
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
