import { SHEPHERD_ERROR_CODES } from '@kubevirt-shepherd/plugin-shepherd-common';
import Typography from '@material-ui/core/Typography';
import { detailRecords, errorCode } from '../../common';
import { KUBECONFIG_RULE_DESCRIPTIONS } from './clusterRules';

/**
 * What to do about a refused kubeconfig, under the backend's error (which already shows its
 * code and message): where it breaks which rule, or that an operator must configure a key.
 */
export function KubeconfigErrorHint(props: { error?: Error }) {
  const code = errorCode(props.error);
  if (code === SHEPHERD_ERROR_CODES.KUBECONFIG_UNSAFE) {
    const violations = detailRecords(props.error, 'violations');
    return (
      <Typography variant="body2" component="div">
        Remove from the kubeconfig:
        <ul aria-label="Unsafe kubeconfig entries">
          {violations.map((violation, index) => (
            <li key={index}>
              {KUBECONFIG_RULE_DESCRIPTIONS[String(violation.rule)] ??
                String(violation.rule)}{' '}
              at <code>{String(violation.path)}</code>
            </li>
          ))}
        </ul>
      </Typography>
    );
  }
  if (code === SHEPHERD_ERROR_CODES.KUBECONFIG_INVALID) {
    return (
      <Typography variant="body2">
        Check that the kubeconfig is YAML with a current-context whose cluster
        has an https server and whose user has a token, a client certificate
        with its key, or a username and password.
      </Typography>
    );
  }
  if (code === SHEPHERD_ERROR_CODES.ENCRYPTION_NOT_CONFIGURED) {
    return (
      <Typography variant="body2">
        Shepherd stores kubeconfigs only encrypted. An operator of this portal
        must configure an encryption key for the Shepherd backend before
        clusters can be registered or their credentials rotated.
      </Typography>
    );
  }
  return null;
}
