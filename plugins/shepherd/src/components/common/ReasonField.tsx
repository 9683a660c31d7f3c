import TextField from '@material-ui/core/TextField';

/** The label of a reason the user may leave out. */
export const OPTIONAL_REASON_LABEL = 'Reason (optional)';

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
