import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { ReactNode } from 'react';
import { ShepherdErrorPanel } from '../common';

/** The state of an async load with a retry, as react-use's useAsyncRetry gives it. */
export type RetryableState<T> = {
  loading: boolean;
  error?: Error;
  value?: T;
  retry: () => void;
};

/**
 * Renders a loaded value: progress while it loads, the error with its code and a retry when
 * it failed, else the children with the value.
 */
export function Loaded<T>(props: {
  state: RetryableState<T>;
  /** What is loaded, e.g. "the namespaces", for the error's title. */
  what: string;
  children: (value: T) => ReactNode;
}) {
  const { state, what, children } = props;
  if (state.loading) {
    return <Progress />;
  }
  if (state.error) {
    return (
      <Box>
        <ShepherdErrorPanel
          title={`Could not load ${what}`}
          error={state.error}
        />
        <Box mt={1}>
          <Button variant="outlined" onClick={state.retry}>
            Try again
          </Button>
        </Box>
      </Box>
    );
  }
  return state.value === undefined ? null : <>{children(state.value)}</>;
}
