import { SHEPHERD_ERROR_CODES } from '@kubevirt-shepherd/plugin-shepherd-common';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ReactNode, useEffect } from 'react';
import {
  ConfirmationDialog,
  ConfirmationTier,
  errorCode,
  useAction,
} from '../../common';

/**
 * Deletes a catalog entry after a confirmation. The backend refuses entries still in use
 * (409 DELETE_RESTRICTED); the dialog then shows that refusal with its code and offers the
 * alternative the API suggests (disable, archive).
 */
export function DeleteEntryDialog(props: {
  /** The entry to delete; the dialog is open while set. */
  entry?: { id: string; name: string };
  /** What the entry is, e.g. "cluster". */
  kind: string;
  tier: (name: string) => ConfirmationTier;
  /** What deleting does and when the backend refuses it. */
  description: ReactNode;
  onDelete: (id: string, name: string) => Promise<void>;
  /** Offered when the entry is in use, e.g. "Disable it instead". */
  alternative?: {
    label: string;
    /** What the outcome says once it is done. */
    done: string;
    run: (id: string) => Promise<unknown>;
  };
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const {
    entry,
    kind,
    tier,
    description,
    onDelete,
    alternative,
    onDone,
    onCancel,
  } = props;
  // Both resolve to true, so that a success is told from a failure (whose error is kept).
  const remove = useAction(async (id: string, name: string) => {
    await onDelete(id, name);
    return true;
  });
  const fallback = useAction(async (id: string) => {
    await alternative?.run(id);
    return true;
  });

  useEffect(() => {
    remove.reset();
    fallback.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entry?.id]);

  if (!entry) return null;
  const confirm = async () => {
    if (await remove.run(entry.id, entry.name)) {
      onDone(`Deleted the ${kind} ${entry.name}.`);
    }
  };
  const takeAlternative = async () => {
    if (alternative && (await fallback.run(entry.id))) {
      onDone(`${alternative.done}`);
    }
  };
  const inUse =
    errorCode(remove.error) === SHEPHERD_ERROR_CODES.DELETE_RESTRICTED;

  return (
    <ConfirmationDialog
      open
      title={`Delete ${kind} ${entry.name}`}
      tier={tier(entry.name)}
      confirmLabel="Delete"
      busy={remove.busy || fallback.busy}
      error={remove.error ?? fallback.error}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      {description}
      {inUse && alternative && (
        <Typography variant="body2" component="div" paragraph>
          <Button
            variant="outlined"
            onClick={takeAlternative}
            disabled={fallback.busy}
          >
            {alternative.label}
          </Button>
        </Typography>
      )}
    </ConfirmationDialog>
  );
}
