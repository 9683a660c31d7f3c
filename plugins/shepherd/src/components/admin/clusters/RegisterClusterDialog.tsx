import { useApi } from '@backstage/core-plugin-api';
import {
  ENVIRONMENTS,
  Environment,
  ShepherdCluster,
  WithWarnings,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import TextField from '@material-ui/core/TextField';
import { useEffect, useState } from 'react';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import { useAction } from '../../common';
import { ChoiceField, FIELD_PROPS, FormDialog } from '../shared';
import {
  clusterNameProblem,
  displayNameProblem,
  kubeconfigProblem,
} from './clusterRules';
import { KubeconfigErrorHint } from './KubeconfigErrorHint';
import { KubeconfigField } from './KubeconfigField';

export const REGISTER_CLUSTER_TITLE = 'Register a cluster';

type Fields = {
  name: string;
  displayName: string;
  environment: Environment;
  kubeconfig: string;
};

const EMPTY: Fields = {
  name: '',
  displayName: '',
  environment: 'test',
  kubeconfig: '',
};

/**
 * Registers a KubeVirt cluster: a name, a display name, its environment and a kubeconfig.
 * The kubeconfig lives only in this dialog's state and is dropped when it closes.
 */
export function RegisterClusterDialog(props: {
  open: boolean;
  onRegistered: (result: WithWarnings<ShepherdCluster>) => void;
  onCancel: () => void;
}) {
  const { open, onRegistered, onCancel } = props;
  const api = useApi(shepherdApiRef);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [touched, setTouched] = useState(false);
  const register = useAction(api.registerCluster.bind(api));

  useEffect(() => {
    // Each opening starts empty, and a closed dialog keeps no credentials.
    setFields(EMPTY);
    setTouched(false);
    register.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const problems = {
    name: clusterNameProblem(fields.name),
    displayName: displayNameProblem(fields.displayName),
    kubeconfig: kubeconfigProblem(fields.kubeconfig),
  };
  const valid = Object.values(problems).every(problem => !problem);
  const set = (name: keyof Fields) => (value: string) => {
    setTouched(true);
    setFields(current => ({ ...current, [name]: value }));
  };

  const submit = async () => {
    const result = await register.run({
      name: fields.name,
      displayName: fields.displayName.trim() || undefined,
      environment: fields.environment,
      kubeconfig: fields.kubeconfig,
    });
    if (result) onRegistered(result);
  };

  return (
    <FormDialog
      open={open}
      title={REGISTER_CLUSTER_TITLE}
      submitLabel="Register"
      canSubmit={valid}
      busy={register.busy}
      error={register.error}
      errorTitle="The cluster was not registered"
      errorHint={<KubeconfigErrorHint error={register.error} />}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField
        {...FIELD_PROPS}
        id="shepherd-cluster-name"
        label="Name"
        required
        value={fields.name}
        onChange={event => set('name')(event.target.value)}
        error={touched && fields.name !== '' && Boolean(problems.name)}
        helperText={
          (fields.name !== '' && problems.name) ||
          'A lowercase DNS label; cannot change later'
        }
      />
      <TextField
        {...FIELD_PROPS}
        id="shepherd-cluster-display-name"
        label="Display name"
        value={fields.displayName}
        onChange={event => set('displayName')(event.target.value)}
        error={Boolean(problems.displayName)}
        helperText={problems.displayName ?? 'Defaults to the name'}
      />
      <ChoiceField
        id="shepherd-cluster-environment"
        label="Environment"
        value={fields.environment}
        choices={ENVIRONMENTS}
        onChange={set('environment')}
        helperText="VMs of a namespace are placed only on clusters of its environment"
      />
      <KubeconfigField
        value={fields.kubeconfig}
        onChange={set('kubeconfig')}
        problem={problems.kubeconfig}
        disabled={register.busy}
      />
    </FormDialog>
  );
}
