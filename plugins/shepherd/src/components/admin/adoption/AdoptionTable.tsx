import { TableColumn } from '@backstage/core-components';
import {
  ShepherdPendingAdoption,
  shepherdVmAdoptPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import AddCircleOutlineIcon from '@material-ui/icons/AddCircleOutline';
import HighlightOffIcon from '@material-ui/icons/HighlightOff';
import { NOT_SET } from '../../../labels';
import {
  BREAK_ANYWHERE,
  KEEP_WHOLE,
  ListTable,
  RelativeTime,
  VmStatusBadge,
  formatCpu,
  formatDisk,
  formatEntityRef,
  formatMemory,
} from '../../common';
import { EntryActions } from '../shared';

export const ADOPT_LABEL = 'Adopt';
export const REJECT_LABEL = 'Reject';

/** What the table's row actions ask the section to do. */
export type AdoptionRowActions<T extends ShepherdPendingAdoption> = {
  onAdopt: (adoption: T) => void;
  onReject: (adoption: T) => void;
};

function Secondary(props: { children: React.ReactNode }) {
  return (
    <Typography variant="caption" color="textSecondary" component="div">
      {props.children}
    </Typography>
  );
}

/** CPU, memory and disk as the VM declares them; what it does not declare is left out. */
export function sizeSummary(size: ShepherdPendingAdoption['size']): string {
  const parts = [
    size.cpuCores !== undefined ? formatCpu(size.cpuCores) : undefined,
    size.memoryGi !== undefined ? formatMemory(size.memoryGi) : undefined,
    size.diskGb !== undefined ? formatDisk(size.diskGb) : undefined,
  ].filter(part => part !== undefined);
  return parts.length > 0 ? parts.join(' · ') : NOT_SET;
}

function Decision(props: { adoption: ShepherdPendingAdoption }) {
  const { adoption } = props;
  const color = adoption.status === 'PENDING' ? 'primary' : 'default';
  return (
    <>
      <Chip size="small" color={color} label={adoption.status} />
      {adoption.decidedBy && (
        <Secondary>
          {formatEntityRef(adoption.decidedBy)}
          {adoption.decisionReason ? `: ${adoption.decisionReason}` : ''}
        </Secondary>
      )}
    </>
  );
}

function columns<T extends ShepherdPendingAdoption>(
  actions: AdoptionRowActions<T>,
): TableColumn<T>[] {
  return [
    {
      title: 'VM',
      render: adoption => (
        <>
          <Typography variant="body2" style={KEEP_WHOLE}>
            <strong>{adoption.resourceName}</strong>
          </Typography>
          <Secondary>uid {adoption.uid}</Secondary>
        </>
      ),
    },
    {
      title: 'Cluster',
      render: adoption => adoption.clusterName ?? adoption.clusterId,
    },
    { title: 'Namespace', field: 'namespace' },
    {
      title: 'On the cluster',
      render: adoption => <VmStatusBadge status={adoption.runtimeStatus} />,
    },
    {
      title: 'Size',
      render: adoption => (
        <>
          {sizeSummary(adoption.size)}
          {adoption.size.image && (
            <Secondary>
              <span style={BREAK_ANYWHERE}>{adoption.size.image}</span>
            </Secondary>
          )}
        </>
      ),
    },
    {
      title: 'Found',
      render: adoption => (
        <>
          <RelativeTime timestamp={adoption.createdAt} />
          <Secondary>
            last seen <RelativeTime timestamp={adoption.lastSeenAt} />
          </Secondary>
        </>
      ),
    },
    {
      title: 'Status',
      render: adoption => <Decision adoption={adoption} />,
    },
    {
      title: 'Actions',
      render: adoption =>
        adoption.status === 'PENDING' ? (
          <EntryActions
            name={adoption.resourceName}
            permission={shepherdVmAdoptPermission}
            actions={[
              {
                label: ADOPT_LABEL,
                icon: <AddCircleOutlineIcon />,
                act: () => actions.onAdopt(adoption),
              },
              {
                label: REJECT_LABEL,
                icon: <HighlightOffIcon />,
                act: () => actions.onReject(adoption),
              },
            ]}
          />
        ) : null,
    },
  ];
}

/** One page of VMs found on the clusters without Shepherd's labels, and their decisions. */
export function AdoptionTable<T extends ShepherdPendingAdoption>(props: {
  adoptions: T[];
  actions: AdoptionRowActions<T>;
}) {
  return (
    <ListTable<T> columns={columns(props.actions)} data={props.adoptions} />
  );
}
