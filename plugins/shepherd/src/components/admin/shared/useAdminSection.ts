import { ShepherdWarning } from '@kubevirt-shepherd/plugin-shepherd-common';
import { useState } from 'react';
import { useAction } from '../../common';
import { AdminOutcome } from './WarningsAlert';

/** An entry of an admin catalog that can be turned off without deleting it. */
export type ToggledEntry = { id: string; name: string; enabled: boolean };

/** Which dialog of a section is open: creating an entry, or one of an entry's actions. */
export type EntryDialog<T, Action extends string = never> =
  | { kind: 'create' }
  | { kind: 'edit' | 'delete' | Action; entry: T }
  | undefined;

/** What the row actions of a catalog's table ask its section to do. */
export type EntryRowActions<T> = {
  onEdit: (entry: T) => void;
  onToggleEnabled: (entry: T) => void;
  onDelete: (entry: T) => void;
};

/**
 * The state every admin section keeps: the open dialog, the outcome of the last change, and
 * enabling or disabling an entry. A change closes the dialog, says what it did and reloads
 * the list.
 */
export function useAdminSection<
  T extends { name: string },
  Action extends string = never,
>(options: {
  /** Reloads the section's list. */
  refresh: () => void;
  /** Flips an entry's `enabled`, for sections whose entries can be disabled. */
  toggle?: (entry: T) => Promise<ToggledEntry>;
}) {
  const { refresh, toggle } = options;
  const [dialog, setDialog] = useState<EntryDialog<T, Action>>();
  const [outcome, setOutcome] = useState<AdminOutcome>();
  const toggling = useAction(async (entry: T) => toggle?.(entry));

  const done = (next: AdminOutcome) => {
    setDialog(undefined);
    setOutcome(next);
    refresh();
  };
  const toggleEnabled = async (entry: T) => {
    setOutcome(undefined);
    const updated = await toggling.run(entry);
    if (updated) {
      done({
        message: `${updated.name} is ${
          updated.enabled ? 'enabled' : 'disabled'
        }.`,
      });
    }
  };
  const rowActions: EntryRowActions<T> = {
    onEdit: entry => setDialog({ kind: 'edit', entry }),
    onToggleEnabled: toggleEnabled,
    onDelete: entry => setDialog({ kind: 'delete', entry }),
  };

  const selected = dialog && 'entry' in dialog ? dialog.entry : undefined;
  const editing = dialog?.kind === 'edit';

  return {
    dialog,
    /** The entry the open dialog is about, if any. */
    selected,
    /** Whether the create-or-edit dialog is open. */
    formOpen: dialog?.kind === 'create' || editing,
    /** The entry the create-or-edit dialog edits; none while creating. */
    editing: editing ? selected : undefined,
    /** The entry the delete dialog is open for. */
    deleting: dialog?.kind === 'delete' ? selected : undefined,
    /** What the create-or-edit dialog does once saved: says so, with the backend's warnings. */
    saved:
      (createdMessage: (entry: T) => string) =>
      (entry: T, warnings: ShepherdWarning[]) =>
        done({
          message: editing ? `Saved ${entry.name}.` : createdMessage(entry),
          warnings,
        }),
    /** Ends a change that has nothing more to say than its message. */
    finish: (message: string) => done({ message }),
    open: setDialog,
    close: () => setDialog(undefined),
    outcome,
    clearOutcome: () => setOutcome(undefined),
    done,
    rowActions,
    toggleError: toggling.error,
  };
}

/** The delete dialog's way out for an entry in use: disabling it, if it is enabled. */
export function disableInstead(
  entry: ToggledEntry | undefined,
  disable: (id: string) => Promise<unknown>,
) {
  return entry?.enabled
    ? {
        label: 'Disable it instead',
        done: `${entry.name} is disabled.`,
        run: disable,
      }
    : undefined;
}
