import { ClusterCandidate } from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  ClusterStatusBadge,
  CodedMessage,
  EnvironmentChip,
  titleWithName,
} from '../common';
import { ChoiceList } from '../requestVm/ChoiceList';

export const CLUSTER_LABEL = 'Cluster';
export const STORAGE_CLASS_LABEL = 'Storage class';
/** A cluster that cannot take the VM, when the backend gave no reason. */
export const NOT_ELIGIBLE = 'Not eligible';

/**
 * The cluster a new VM runs on. Every registered cluster is listed; those that cannot take
 * the VM are disabled with the backend's reason in words, its code beneath.
 */
export function ClusterChoice(props: {
  clusters: ClusterCandidate[];
  value?: string;
  onChange: (clusterId: string) => void;
  error?: string;
}) {
  const { clusters, value, onChange, error } = props;
  if (clusters.length === 0) {
    return (
      <Alert severity="error">
        No cluster is registered: a platform admin must register a cluster
        before new VMs can be approved.
      </Alert>
    );
  }
  const eligible = clusters.filter(cluster => cluster.eligible);
  return (
    <>
      {eligible.length === 0 && (
        <Box mb={1}>
          <Alert severity="error">
            No cluster can take this VM now; the reasons are listed with each
            cluster. Reject the request, or wait for a cluster to become
            available.
          </Alert>
        </Box>
      )}
      <ChoiceList
        label={CLUSTER_LABEL}
        value={value}
        onChange={onChange}
        error={error}
        choices={clusters.map(cluster => ({
          value: cluster.id,
          disabled: !cluster.eligible,
          title: (
            <Box
              display="flex"
              alignItems="center"
              flexWrap="wrap"
              style={{ gap: 8 }}
            >
              {titleWithName(cluster)}
              <EnvironmentChip environment={cluster.environment} />
              <ClusterStatusBadge status={cluster.status} />
            </Box>
          ),
          details: cluster.eligible ? (
            `Storage classes: ${
              cluster.storageClasses.length > 0
                ? cluster.storageClasses.join(', ')
                : 'none reported'
            }`
          ) : (
            <Typography variant="body2" color="error" component="span">
              <CodedMessage
                message={cluster.reason}
                code={cluster.reasonCode}
                fallback={NOT_ELIGIBLE}
              />
            </Typography>
          ),
        }))}
      />
    </>
  );
}

/** The storage class of the root disk, among those the chosen cluster offers. */
export function StorageClassSelect(props: {
  cluster?: ClusterCandidate;
  value: string;
  onChange: (storageClass: string) => void;
  error?: string;
}) {
  const { cluster, value, onChange, error } = props;
  const classes = cluster?.storageClasses ?? [];
  let helperText: string;
  if (!cluster) {
    helperText = 'Choose the cluster first';
  } else if (classes.length === 0) {
    helperText = `${cluster.name} reports no storage classes: the VM uses the cluster's default`;
  } else {
    helperText = cluster.defaultStorageClass
      ? `The default of ${cluster.name} is ${cluster.defaultStorageClass}`
      : `${cluster.name} has no default storage class`;
  }
  return (
    <TextField
      id="shepherd-approval-storage-class"
      select
      label={STORAGE_CLASS_LABEL}
      value={classes.includes(value) ? value : ''}
      onChange={event => onChange(event.target.value)}
      disabled={!cluster || classes.length === 0}
      error={Boolean(error)}
      helperText={error ?? helperText}
      variant="outlined"
      fullWidth
      margin="dense"
    >
      {classes.map(storageClass => (
        <MenuItem key={storageClass} value={storageClass}>
          {storageClass}
          {storageClass === cluster?.defaultStorageClass ? ' (default)' : ''}
        </MenuItem>
      ))}
    </TextField>
  );
}
