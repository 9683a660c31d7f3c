import { ShepherdWarning } from '@kubevirt-shepherd/plugin-shepherd-common';
import Alert from '@material-ui/lab/Alert';
import { CodedMessage } from '../../common';

/** What an admin action did, with the backend's soft findings (`warnings`) if any. */
export type AdminOutcome = {
  message: string;
  warnings?: ShepherdWarning[];
};

/** The outcome of the last action: a success, and each warning with its code. */
export function OutcomeAlert(props: {
  outcome: AdminOutcome;
  onClose: () => void;
}) {
  const { outcome, onClose } = props;
  const warnings = outcome.warnings ?? [];
  return (
    <Alert
      severity={warnings.length > 0 ? 'warning' : 'success'}
      onClose={onClose}
      style={{ marginBottom: 16 }}
    >
      {outcome.message}
      {warnings.map(warning => (
        <div key={warning.code}>
          <CodedMessage message={warning.message} code={warning.code} />
        </div>
      ))}
    </Alert>
  );
}
