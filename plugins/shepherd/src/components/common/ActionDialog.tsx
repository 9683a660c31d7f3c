import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { ReactNode } from 'react';
import { ShepherdErrorPanel } from './ShepherdErrorPanel';

/**
 * A dialog that asks for one action: its fields, the backend's refusal with its code, Cancel
 * and the action's button, which shows progress while the request runs. Closing is refused
 * while it runs.
 */
export function ActionDialog(props: {
  open: boolean;
  /** The id of the title element, which names the dialog. */
  titleId: string;
  title: ReactNode;
  children: ReactNode;
  error?: Error;
  /** Heading of the backend's refusal, e.g. "The member was not added". */
  errorTitle?: string;
  actionLabel: string;
  /** `secondary` for actions that destroy or cannot be undone. */
  actionColor?: 'primary' | 'secondary';
  canAct: boolean;
  busy: boolean;
  onAct: () => void;
  onCancel: () => void;
}) {
  const { open, titleId, busy, error, onCancel } = props;
  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onCancel}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id={titleId}>{props.title}</DialogTitle>
      <DialogContent>
        {props.children}
        {error && <ShepherdErrorPanel title={props.errorTitle} error={error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button
          onClick={props.onAct}
          color={props.actionColor ?? 'primary'}
          variant="contained"
          disabled={!props.canAct || busy}
          startIcon={busy ? <CircularProgress size={16} /> : undefined}
        >
          {props.actionLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
