import { useApi } from '@backstage/core-plugin-api';
import {
  ENVIRONMENTS,
  Environment,
  ShepherdApiRequestBody,
  ShepherdCluster,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import TextField from '@material-ui/core/TextField';
import { useEffect, useState } from 'react';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import { useAction } from '../../common';
import { ChoiceField, FIELD_PROPS, FlagField, FormDialog } from '../shared';
import { displayNameProblem } from './clusterRules';

type Fields = {
  displayName: string;
  enabled: boolean;
  defaultStorageClass: string;
  environment: Environment;
};

function fieldsOf(cluster?: ShepherdCluster): Fields {
  return {
    displayName: cluster?.displayName ?? '',
    enabled: cluster?.enabled ?? true,
    defaultStorageClass: cluster?.defaultStorageClass ?? '',
    environment: cluster?.environment ?? 'test',
  };
}

/** The fields that differ from the cluster, as the API takes them. */
export function clusterChanges(
  cluster: ShepherdCluster,
  fields: Fields,
): ShepherdApiRequestBody<'UpdateCluster'> {
  const changes: ShepherdApiRequestBody<'UpdateCluster'> = {};
  if (fields.displayName.trim() !== cluster.displayName) {
    changes.displayName = fields.displayName.trim();
  }
  if (fields.enabled !== cluster.enabled) changes.enabled = fields.enabled;
  if (
    fields.defaultStorageClass !== '' &&
    fields.defaultStorageClass !== cluster.defaultStorageClass
  ) {
    changes.defaultStorageClass = fields.defaultStorageClass;
  }
  if (fields.environment !== cluster.environment) {
    changes.environment = fields.environment;
  }
  return changes;
}

/**
 * Changes what an admin decides about a cluster: its display name, whether it takes new VMs,
 * its default storage class (one it reported) and its environment (frozen while it is used).
 */
export function EditClusterDialog(props: {
  cluster?: ShepherdCluster;
  onSaved: (cluster: ShepherdCluster) => void;
  onCancel: () => void;
}) {
  const { cluster, onSaved, onCancel } = props;
  const api = useApi(shepherdApiRef);
  const [fields, setFields] = useState<Fields>(() => fieldsOf(cluster));
  const save = useAction(api.updateCluster.bind(api));

  useEffect(() => {
    setFields(fieldsOf(cluster));
    save.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cluster?.id]);

  if (!cluster) return null;
  const changes = clusterChanges(cluster, fields);
  const displayProblem =
    fields.displayName.trim() === ''
      ? 'A display name is required'
      : displayNameProblem(fields.displayName);
  const classes = cluster.storageClasses;
  const set = <K extends keyof Fields>(name: K, value: Fields[K]) =>
    setFields(current => ({ ...current, [name]: value }));

  const submit = async () => {
    const saved = await save.run(cluster.id, changes);
    if (saved) onSaved(saved);
  };

  return (
    <FormDialog
      open
      title={`Edit ${cluster.name}`}
      submitLabel="Save"
      canSubmit={!displayProblem && Object.keys(changes).length > 0}
      busy={save.busy}
      error={save.error}
      errorTitle="The cluster was not changed"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField
        {...FIELD_PROPS}
        id="shepherd-cluster-edit-display-name"
        label="Display name"
        value={fields.displayName}
        onChange={event => set('displayName', event.target.value)}
        error={Boolean(displayProblem)}
        helperText={displayProblem}
      />
      <ChoiceField
        id="shepherd-cluster-edit-storage-class"
        label="Default storage class"
        value={fields.defaultStorageClass}
        choices={classes}
        placeholder={fields.defaultStorageClass === '' ? '—' : undefined}
        onChange={storageClass => set('defaultStorageClass', storageClass)}
        disabled={classes.length === 0}
        helperText={
          classes.length === 0
            ? 'The cluster has not reported storage classes yet; they are known after its first health check'
            : 'For VM disks when a request names none'
        }
      />
      <ChoiceField
        id="shepherd-cluster-edit-environment"
        label="Environment"
        value={fields.environment}
        choices={ENVIRONMENTS}
        onChange={environment => set('environment', environment)}
        helperText="Cannot change while VMs or unfinished requests use the cluster (ENVIRONMENT_IMMUTABLE)"
      />
      <FlagField
        label="Enabled: approvers can place new VMs on it"
        checked={fields.enabled}
        onChange={enabled => set('enabled', enabled)}
      />
    </FormDialog>
  );
}
