import {
  NamedEntity,
  WithWarnings,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ReactNode, useEffect, useState } from 'react';
import { ShepherdErrorPanel, useAction } from '../common';
import { NameField, checkName } from './NameField';

/** The confirm button of the create dialogs. */
export const CREATE_LABEL = 'Create';

/**
 * Creates a System or a Service: a name checked as the backend checks it (the confirm
 * button waits for a valid one; a long name only warns) and a Markdown description. The
 * backend's refusal (NAME_ALREADY_EXISTS, …) is shown in the dialog with its code.
 */
export function CreateDialog<T>(props: {
  open: boolean;
  entity: NamedEntity;
  title: string;
  /** What the new record is for; shown above the fields. */
  intro: ReactNode;
  /** Further fields, e.g. the owner of a System. */
  extraFields?: ReactNode;
  create: (input: {
    name: string;
    description: string;
  }) => Promise<WithWarnings<T>>;
  onCreated: (result: WithWarnings<T>) => void;
  onCancel: () => void;
}) {
  const {
    open,
    entity,
    title,
    intro,
    extraFields,
    create,
    onCreated,
    onCancel,
  } = props;
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const submit = useAction(create);

  useEffect(() => {
    if (open) {
      setName('');
      setDescription('');
      submit.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const valid = checkName(entity, name)?.ok === true;
  const confirm = async () => {
    const result = await submit.run({ name, description: description.trim() });
    if (result) {
      onCreated(result);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={submit.busy ? undefined : onCancel}
      aria-labelledby={`shepherd-create-${entity}-title`}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id={`shepherd-create-${entity}-title`}>{title}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" paragraph>
          {intro}
        </Typography>
        <NameField
          id={`shepherd-create-${entity}-name`}
          entity={entity}
          value={name}
          onChange={setName}
          disabled={submit.busy}
        />
        <TextField
          id={`shepherd-create-${entity}-description`}
          label="Description"
          helperText="Markdown; can be changed later"
          value={description}
          onChange={event => setDescription(event.target.value)}
          disabled={submit.busy}
          fullWidth
          multiline
          minRows={2}
          margin="dense"
          variant="outlined"
        />
        {extraFields}
        {submit.error && (
          <ShepherdErrorPanel
            title={`The ${entity} was not created`}
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
          disabled={!valid || submit.busy}
          startIcon={submit.busy ? <CircularProgress size={16} /> : undefined}
        >
          {CREATE_LABEL}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
