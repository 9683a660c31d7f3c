import { SHEPHERD_ERROR_CODES } from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { errorCode, errorDetails } from '../../common';
import { CODE_INPUT_PROPS, FIELD_PROPS } from '../shared';
import { CLOUD_CONFIG_HEADER, cloudInitSize } from './templateRules';

export const CLOUD_INIT_LABEL = 'Cloud-init user data';

/** Where the backend found cloud-init broken (CLOUD_INIT_INVALID with a line and column). */
function backendPosition(error?: Error): string | undefined {
  if (errorCode(error) !== SHEPHERD_ERROR_CODES.CLOUD_INIT_INVALID) {
    return undefined;
  }
  const { line, column } = errorDetails(error);
  return typeof line === 'number'
    ? `The backend refused line ${line}${
        typeof column === 'number' ? `, column ${column}` : ''
      }: ${error?.message}`
    : error?.message;
}

/**
 * The cloud-init of a template: `#cloud-config` YAML, counted in bytes of UTF-8 against
 * KubeVirt's 2048-byte limit on inline user data, as the backend counts it.
 */
export function CloudInitEditor(props: {
  value: string;
  onChange: (value: string) => void;
  problem?: string;
  /** The backend's refusal of the form, when it is about cloud-init. */
  error?: Error;
  disabled?: boolean;
}) {
  const { value, onChange, problem, error, disabled } = props;
  const size = cloudInitSize(value);
  const backend = backendPosition(error);
  return (
    <Box mt={1}>
      <TextField
        {...FIELD_PROPS}
        id="shepherd-template-cloud-init"
        label={CLOUD_INIT_LABEL}
        multiline
        minRows={6}
        maxRows={20}
        value={value}
        placeholder={`${CLOUD_CONFIG_HEADER}\npackages:\n  - qemu-guest-agent`}
        onChange={event => onChange(event.target.value)}
        disabled={disabled}
        error={Boolean(problem || backend)}
        helperText={
          problem ??
          backend ??
          `Optional. Starts with ${CLOUD_CONFIG_HEADER}; requesters cannot supply their own.`
        }
        inputProps={{
          ...CODE_INPUT_PROPS,
          'aria-describedby': 'shepherd-template-cloud-init-size',
        }}
      />
      <Typography
        id="shepherd-template-cloud-init-size"
        variant="caption"
        color={size.over ? 'error' : 'textSecondary'}
      >
        {size.bytes} / {size.maxBytes} bytes (KubeVirt's limit on inline user
        data)
      </Typography>
    </Box>
  );
}
