import {
  NamedEntity,
  WithWarnings,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Typography from '@material-ui/core/Typography';
import { ReactNode, useState } from 'react';
import { ActionDialog, useDialogAction } from '../common';
import { DescriptionField } from './DescriptionField';
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
  const submit = useDialogAction({
    open,
    action: create,
    onOpen: () => {
      setName('');
      setDescription('');
    },
    onDone: onCreated,
  });

  const valid = checkName(entity, name)?.ok === true;
  const confirm = () => submit.run({ name, description: description.trim() });

  return (
    <ActionDialog
      open={open}
      titleId={`shepherd-create-${entity}-title`}
      title={title}
      error={submit.error}
      errorTitle={`The ${entity} was not created`}
      actionLabel={CREATE_LABEL}
      canAct={valid}
      busy={submit.busy}
      onAct={confirm}
      onCancel={onCancel}
    >
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
      <DescriptionField
        id={`shepherd-create-${entity}-description`}
        helperText="Markdown; can be changed later"
        value={description}
        onChange={setDescription}
        disabled={submit.busy}
        minRows={2}
      />
      {extraFields}
    </ActionDialog>
  );
}
