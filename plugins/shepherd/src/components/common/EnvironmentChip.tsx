import { Environment } from '@kubevirt-shepherd/plugin-shepherd-common';
import Chip from '@material-ui/core/Chip';

/** The environment of a namespace, VM or ticket; production stands out, since its rules are stricter. */
export function EnvironmentChip(props: { environment: Environment }) {
  const { environment } = props;
  return (
    <Chip
      size="small"
      label={environment}
      color={environment === 'prod' ? 'secondary' : 'default'}
      variant={environment === 'prod' ? 'default' : 'outlined'}
    />
  );
}
