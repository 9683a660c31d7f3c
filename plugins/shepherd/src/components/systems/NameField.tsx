import {
  NAME_MAX_LENGTH,
  NameCheck,
  NamedEntity,
  checkResourceName,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import { withCode } from '../common';

const useStyles = makeStyles(theme => ({
  warning: { color: theme.palette.warning.dark },
}));

/** What the field says before anything is typed. */
export const NAME_RULES_HINT = `Lowercase letters, digits and single dashes, starting with a letter; at most ${NAME_MAX_LENGTH} characters. It becomes part of VM names and cannot be changed later.`;

/**
 * The backend's check of a System or Service name (shepherd-common's `checkResourceName`,
 * the same function the backend runs): undefined while nothing is typed.
 */
export function checkName(
  entity: NamedEntity,
  name: string,
): NameCheck | undefined {
  return name ? checkResourceName(entity, name) : undefined;
}

/**
 * The name of a new System or Service, checked while it is typed exactly as the backend
 * checks it: an error with the backend's code (NAME_INVALID, NAME_TOO_LONG with a
 * suggestion, NAME_RESERVED), or the NAME_LENGTH_WARNING above 12 characters.
 */
export function NameField(props: {
  id: string;
  entity: NamedEntity;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  const { id, entity, value, onChange, disabled } = props;
  const classes = useStyles();
  const check = checkName(entity, value);

  let helperText: JSX.Element | string = NAME_RULES_HINT;
  if (check && !check.ok) {
    const suggestion = check.details.suggestion;
    helperText = (
      <span data-name-check="error">
        {withCode(
          typeof suggestion === 'string' && suggestion
            ? `${check.message}. Try '${suggestion}'.`
            : check.message,
          check.code,
        )}
      </span>
    );
  } else if (check && check.warnings.length > 0) {
    helperText = (
      <span data-name-check="warning" className={classes.warning}>
        {check.warnings.map(warning => (
          <span key={warning.code}>
            {withCode(warning.message, warning.code)}
          </span>
        ))}
      </span>
    );
  }

  return (
    <TextField
      id={id}
      label="Name"
      value={value}
      onChange={event => onChange(event.target.value)}
      error={Boolean(check && !check.ok)}
      helperText={helperText}
      disabled={disabled}
      required
      fullWidth
      autoComplete="off"
      margin="dense"
      variant="outlined"
      InputProps={{
        endAdornment: (
          <span
            aria-label="Characters used"
            style={{ whiteSpace: 'nowrap', opacity: 0.7 }}
          >
            {value.length}/{NAME_MAX_LENGTH}
          </span>
        ),
      }}
    />
  );
}
