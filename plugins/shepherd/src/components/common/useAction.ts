import { useCallback, useRef, useState } from 'react';

export type ActionState<R> = {
  busy: boolean;
  error?: Error;
  /** The answer of the last successful run. */
  result?: R;
};

/**
 * Runs a user's action (a request to the backend) and keeps its state for the UI: busy while
 * it runs, then its result or its error. `run` resolves to the result, or to undefined when
 * the action failed (the error is in the state), so callers need no try/catch.
 */
export function useAction<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
): ActionState<R> & {
  run: (...args: A) => Promise<R | undefined>;
  reset: () => void;
} {
  const [state, setState] = useState<ActionState<R>>({ busy: false });
  const actionRef = useRef(action);
  actionRef.current = action;

  const run = useCallback(async (...args: A) => {
    setState({ busy: true });
    try {
      const result = await actionRef.current(...args);
      setState({ busy: false, result });
      return result;
    } catch (error) {
      setState({
        busy: false,
        error: error instanceof Error ? error : new Error(String(error)),
      });
      return undefined;
    }
  }, []);

  const reset = useCallback(() => setState({ busy: false }), []);

  return { ...state, run, reset };
}
