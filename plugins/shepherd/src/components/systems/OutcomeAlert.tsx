import { ShepherdWarning } from '@kubevirt-shepherd/plugin-shepherd-common';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ReactNode } from 'react';
import { CodedMessage } from '../common';

/** What a finished action says: done, and any warnings the backend answered with it. */
export type Outcome = {
  message: ReactNode;
  warnings?: ShepherdWarning[];
};

/**
 * The outcome of a create, register or delete: a success, or, when the backend answered
 * warnings (e.g. NAME_LENGTH_WARNING), a warning that lists each with its code.
 */
export function OutcomeAlert(props: { outcome: Outcome; onClose: () => void }) {
  const { outcome, onClose } = props;
  const warnings = outcome.warnings ?? [];
  return (
    <Alert
      severity={warnings.length > 0 ? 'warning' : 'success'}
      onClose={onClose}
    >
      {warnings.length > 0 ? (
        <>
          <AlertTitle>{outcome.message}</AlertTitle>
          {warnings.map(warning => (
            <div key={warning.code}>
              <CodedMessage message={warning.message} code={warning.code} />
            </div>
          ))}
        </>
      ) : (
        outcome.message
      )}
    </Alert>
  );
}
