import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { useEffect, useState } from 'react';
import { ShepherdErrorPanel, useAction } from '../common';

/** The confirm button of the description dialog. */
export const SAVE_DESCRIPTION_LABEL = 'Save';

/**
 * Changes the description of a System or Service, the only thing about them that can change
 * (names are immutable).
 */
export function EditDescriptionDialog(props: {
  open: boolean;
  /** e.g. "the System payments". */
  subject: string;
  description: string;
  save: (description: string) => Promise<unknown>;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { open, subject, description, save, onSaved, onCancel } = props;
  const [text, setText] = useState(description);
  const submit = useAction(save);

  useEffect(() => {
    if (open) {
      setText(description);
      submit.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const confirm = async () => {
    const saved = await submit.run(text.trim());
    if (saved !== undefined) {
      onSaved();
    }
  };

  return (
    <Dialog
      open={open}
      onClose={submit.busy ? undefined : onCancel}
      aria-labelledby="shepherd-edit-description-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="shepherd-edit-description-title">
        Description of {subject}
      </DialogTitle>
      <DialogContent>
        <TextField
          id="shepherd-edit-description"
          label="Description"
          helperText="Markdown. The name cannot be changed."
          value={text}
          onChange={event => setText(event.target.value)}
          disabled={submit.busy}
          fullWidth
          multiline
          minRows={4}
          margin="dense"
          variant="outlined"
        />
        {submit.error && (
          <ShepherdErrorPanel
            title="The description was not saved"
            error={submit.error}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={submit.busy}>
          Cancel
        </Button>
        <Button
          onClick={confirm}
          color="primary"
          variant="contained"
          disabled={submit.busy || text.trim() === description.trim()}
          startIcon={submit.busy ? <CircularProgress size={16} /> : undefined}
        >
          {SAVE_DESCRIPTION_LABEL}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
