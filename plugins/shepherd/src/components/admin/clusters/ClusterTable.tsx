import { TableColumn } from '@backstage/core-components';
import {
  ShepherdCluster,
  shepherdClusterManagePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import VpnKeyIcon from '@material-ui/icons/VpnKey';
import { NOT_SET } from '../../../labels';
import {
  BREAK_ANYWHERE,
  ClusterStatusBadge,
  DISPLAY_NAME_CELL,
  EnvironmentChip,
  KEEP_WHOLE,
  ListTable,
  RelativeTime,
} from '../../common';
import { EnabledChip, EntryRowActions, entryActionsColumn } from '../shared';
import { NeedsAttentionChip } from '../reconciler';
import { ROTATE_CREDENTIALS_LABEL } from './RotateCredentialsDialog';

/** What the table's row actions ask the section to do. */
export type ClusterRowActions = EntryRowActions<ShepherdCluster> & {
  onRotate: (cluster: ShepherdCluster) => void;
};

function Secondary(props: { children: React.ReactNode }) {
  return (
    <Typography variant="caption" color="textSecondary" component="div">
      {props.children}
    </Typography>
  );
}

function FeatureGates(props: { gates: string[] }) {
  if (props.gates.length === 0) return <>{NOT_SET}</>;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
      {props.gates.map(gate => (
        <Chip key={gate} size="small" variant="outlined" label={gate} />
      ))}
    </Box>
  );
}

function StorageClasses(props: { cluster: ShepherdCluster }) {
  const { storageClasses, defaultStorageClass } = props.cluster;
  if (storageClasses.length === 0) return <>{NOT_SET}</>;
  return (
    <Box component="ul" m={0} pl={2}>
      {storageClasses.map(storageClass => (
        <li key={storageClass} style={KEEP_WHOLE}>
          {storageClass}
          {storageClass === defaultStorageClass && <strong> (default)</strong>}
        </li>
      ))}
    </Box>
  );
}

function columns(actions: ClusterRowActions): TableColumn<ShepherdCluster>[] {
  return [
    {
      title: 'Cluster',
      cellStyle: DISPLAY_NAME_CELL,
      render: cluster => (
        <>
          <Typography variant="body2">
            <strong>{cluster.displayName}</strong>
          </Typography>
          <Secondary>
            <span style={KEEP_WHOLE}>{cluster.name}</span> ·{' '}
            <span style={BREAK_ANYWHERE}>{cluster.apiServerUrl}</span>
          </Secondary>
        </>
      ),
    },
    {
      title: 'Health',
      render: cluster => (
        <>
          <ClusterStatusBadge status={cluster.status} />
          {cluster.statusMessage && (
            <Secondary>{cluster.statusMessage}</Secondary>
          )}
          {cluster.attention && (
            <Box mt={0.5}>
              <NeedsAttentionChip attention={cluster.attention} />
            </Box>
          )}
        </>
      ),
    },
    {
      title: 'Environment',
      render: cluster => <EnvironmentChip environment={cluster.environment} />,
    },
    {
      title: 'KubeVirt',
      render: cluster => cluster.kubevirtVersion ?? NOT_SET,
    },
    {
      title: 'Feature gates',
      render: cluster => <FeatureGates gates={cluster.featureGates} />,
    },
    {
      title: 'Storage classes',
      render: cluster => <StorageClasses cluster={cluster} />,
    },
    {
      title: 'Last checked',
      render: cluster =>
        cluster.lastCheckedAt ? (
          <RelativeTime timestamp={cluster.lastCheckedAt} />
        ) : (
          'Not checked yet'
        ),
    },
    {
      title: 'Enabled',
      render: cluster => <EnabledChip enabled={cluster.enabled} />,
    },
    entryActionsColumn(shepherdClusterManagePermission, actions, [
      {
        label: ROTATE_CREDENTIALS_LABEL,
        icon: <VpnKeyIcon />,
        act: actions.onRotate,
      },
    ]),
  ];
}

/** One page of registered clusters with health, capabilities and (for managers) actions. */
export function ClusterTable(props: {
  clusters: ShepherdCluster[];
  actions: ClusterRowActions;
}) {
  return <ListTable columns={columns(props.actions)} data={props.clusters} />;
}
