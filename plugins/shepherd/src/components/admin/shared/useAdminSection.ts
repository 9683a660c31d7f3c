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

  return {
    dialog,
    /** The entry the open dialog is about, if any. */
    selected: dialog && 'entry' in dialog ? dialog.entry : undefined,
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
