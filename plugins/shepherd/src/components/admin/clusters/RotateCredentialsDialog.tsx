import { useApi } from '@backstage/core-plugin-api';
import { ShepherdCluster } from '@kubevirt-shepherd/plugin-shepherd-common';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import { useAction } from '../../common';
import { FormDialog } from '../shared';
import { kubeconfigProblem } from './clusterRules';
import { KubeconfigErrorHint } from './KubeconfigErrorHint';
import { KubeconfigField } from './KubeconfigField';

export const ROTATE_CREDENTIALS_LABEL = 'Rotate credentials';

/** Replaces a cluster's kubeconfig; the new one is sanitised and encrypted like at registration. */
export function RotateCredentialsDialog(props: {
  cluster?: ShepherdCluster;
  onRotated: (cluster: ShepherdCluster) => void;
  onCancel: () => void;
}) {
  const { cluster, onRotated, onCancel } = props;
  const api = useApi(shepherdApiRef);
  const [kubeconfig, setKubeconfig] = useState('');
  const rotate = useAction(api.rotateClusterCredentials.bind(api));

  useEffect(() => {
    setKubeconfig('');
    rotate.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cluster?.id]);

  const problem = kubeconfigProblem(kubeconfig);
  const submit = async () => {
    if (!cluster) return;
    const rotated = await rotate.run(cluster.id, { kubeconfig });
    if (rotated) onRotated(rotated);
  };

  return (
    <FormDialog
      open={cluster !== undefined}
      title={`${ROTATE_CREDENTIALS_LABEL} of ${cluster?.name ?? ''}`}
      submitLabel="Replace kubeconfig"
      canSubmit={!problem}
      busy={rotate.busy}
      error={rotate.error}
      errorTitle="The credentials were not replaced"
      errorHint={<KubeconfigErrorHint error={rotate.error} />}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Typography variant="body2" paragraph>
        The new kubeconfig replaces the stored one at once; its API server
        becomes the cluster's. It is encrypted under the current key (now{' '}
        <code>{cluster?.credentialKeyId}</code>).
      </Typography>
      <KubeconfigField
        value={kubeconfig}
        onChange={setKubeconfig}
        problem={problem}
        disabled={rotate.busy}
      />
    </FormDialog>
  );
}
