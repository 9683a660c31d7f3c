import {
  Environment,
  GovernedOperation,
  REQUEST_REASON_MAX_LENGTH,
  checkRequestReason,
  requiresRequestReason,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import TextField from '@material-ui/core/TextField';

/** The label of a reason the user may leave out. */
export const OPTIONAL_REASON_LABEL = 'Reason (optional)';

/** The label of a reason the user must give; the field is marked required beside it. */
export const REQUIRED_REASON_LABEL = 'Reason';

/** Why a required reason is required, under its field. */
export const REQUIRED_REASON_HELP = `Required in production: the approver decides on it, and the audit log keeps it. At most ${REQUEST_REASON_MAX_LENGTH} characters.`;

/**
 * The free text that goes with a request or a decision (a reason, a comment); it is kept in
 * the audit log.
 */
export function ReasonField(props: {
  id: string;
  label?: string;
  value: string;
  onChange: (value: string) => void;
  helperText?: string;
  required?: boolean;
  error?: boolean;
  multiline?: boolean;
  disabled?: boolean;
}) {
  const { label = OPTIONAL_REASON_LABEL, onChange, multiline, ...rest } = props;
  return (
    <TextField
      {...rest}
      label={label}
      onChange={event => onChange(event.target.value)}
      {...(multiline ? { multiline: true, minRows: 2 } : {})}
      fullWidth
      margin="dense"
      variant="outlined"
    />
  );
}

/**
 * The reason of a request on a VM, with the rules the backend applies (shepherd-common's
 * `checkRequestReason`): required for some operations in production, of bounded length.
 * `valid` says whether the request may be sent as typed.
 */
export function requestReasonCheck(
  operation: GovernedOperation,
  environment: Environment,
  reason: string,
) {
  const required = requiresRequestReason(operation, environment);
  const problem = checkRequestReason(reason, required);
  return { required, problem, valid: !problem };
}

/**
 * The reason field of a request on a VM: marked required, and saying why, where the
 * operation needs one in the VM's environment; a reason that is too long is marked with the
 * backend's message. Pair it with {@link requestReasonCheck} to disable the request.
 */
export function RequestReasonField(props: {
  id: string;
  operation: GovernedOperation;
  environment: Environment;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  const { operation, environment, value, ...rest } = props;
  const { required, problem } = requestReasonCheck(
    operation,
    environment,
    value,
  );
  // A missing reason is explained, not shown as an error before anything was typed.
  const tooLong = problem?.code === 'REASON_TOO_LONG';
  let helperText: string | undefined;
  if (tooLong) helperText = problem.message;
  else if (required) helperText = REQUIRED_REASON_HELP;
  return (
    <ReasonField
      {...rest}
      value={value}
      label={required ? REQUIRED_REASON_LABEL : OPTIONAL_REASON_LABEL}
      required={required}
      error={tooLong}
      helperText={helperText}
    />
  );
}
