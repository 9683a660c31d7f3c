import { useState } from 'react';
import { ActionDialog, useDialogAction } from '../common';
import { DescriptionField } from './DescriptionField';

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
  const submit = useDialogAction({
    open,
    action: save,
    onOpen: () => setText(description),
    onDone: () => onSaved(),
  });

  const confirm = () => submit.run(text.trim());

  return (
    <ActionDialog
      open={open}
      titleId="shepherd-edit-description-title"
      title={`Description of ${subject}`}
      error={submit.error}
      errorTitle="The description was not saved"
      actionLabel={SAVE_DESCRIPTION_LABEL}
      canAct={text.trim() !== description.trim()}
      busy={submit.busy}
      onAct={confirm}
      onCancel={onCancel}
    >
      <DescriptionField
        id="shepherd-edit-description"
        helperText="Markdown. The name cannot be changed."
        value={text}
        onChange={setText}
        disabled={submit.busy}
        minRows={4}
      />
    </ActionDialog>
  );
}
