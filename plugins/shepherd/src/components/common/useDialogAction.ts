import { useEffect } from 'react';
import { ActionState, useAction } from './useAction';

/**
 * The action of a dialog, started afresh at every opening: `onOpen` resets the dialog's own
 * fields and the last run's error is dropped. A run that succeeds tells `onDone` its result;
 * one that fails keeps its error in the state, for the dialog to show.
 */
export function useDialogAction<A extends unknown[], R>(options: {
  open: boolean;
  action: (...args: A) => Promise<R>;
  onOpen?: () => void;
  onDone: (result: R) => void;
}): ActionState<R> & { run: (...args: A) => Promise<void> } {
  const { open, onOpen, onDone } = options;
  const action = useAction(options.action);

  useEffect(() => {
    if (open) {
      onOpen?.();
      action.reset();
    }
    // Only a new opening starts over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const run = async (...args: A) => {
    const result = await action.run(...args);
    if (result !== undefined) onDone(result);
  };
  return { ...action, run };
}
