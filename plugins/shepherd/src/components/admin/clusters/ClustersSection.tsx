import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ShepherdCluster,
  shepherdClusterManagePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import {
  DEFAULT_PAGE_SIZE,
  PaginationBar,
  PermissionedButton,
  ShepherdErrorPanel,
  useAction,
  useLiveData,
} from '../../common';
import {
  AdminOutcome,
  DeleteEntryDialog,
  FirstRunGuide,
  OutcomeAlert,
} from '../shared';
import { ClusterTable } from './ClusterTable';
import { awaitsFirstCheck } from './clusterRules';
import { EditClusterDialog } from './EditClusterDialog';
import { RegisterClusterDialog } from './RegisterClusterDialog';
import { RotateCredentialsDialog } from './RotateCredentialsDialog';

export const NO_CLUSTERS_TITLE = 'Register your first cluster';
export const REGISTER_CLUSTER_LABEL = 'Register cluster';

function FirstRun() {
  return (
    <>
      <p>
        Shepherd has no KubeVirt cluster yet, so approved requests have nowhere
        to go.
      </p>
      <ol>
        <li>
          Create a service account on the cluster with the rights Shepherd needs
          (VirtualMachines, DataVolumes, namespaces) and a kubeconfig for it
          with an inline token or client certificate.
        </li>
        <li>
          Register the cluster here with its environment: VMs of test namespaces
          go to test clusters, prod to prod.
        </li>
        <li>
          Shepherd checks its health every minute and learns its KubeVirt
          version, feature gates and storage classes; pick the default storage
          class then.
        </li>
      </ol>
    </>
  );
}

type Dialog =
  | { kind: 'register' }
  | { kind: 'edit' | 'rotate' | 'delete'; cluster: ShepherdCluster }
  | undefined;

/**
 * The cluster registry: health, KubeVirt version, feature gates and storage classes of each
 * cluster; registering, editing, rotating credentials, disabling and deleting for those who
 * may manage clusters. Polls while a cluster waits for its first health check.
 */
export function ClustersSection() {
  const api = useApi(shepherdApiRef);
  const [paging, setPaging] = useState({
    offset: 0,
    limit: DEFAULT_PAGE_SIZE,
  });
  const [dialog, setDialog] = useState<Dialog>();
  const [outcome, setOutcome] = useState<AdminOutcome>();
  const clusters = useLiveData(
    () => api.listClusters(paging),
    [api, paging.offset, paging.limit],
    { isSettled: page => !page.items.some(awaitsFirstCheck) },
  );
  const toggle = useAction((cluster: ShepherdCluster) =>
    api.updateCluster(cluster.id, { enabled: !cluster.enabled }),
  );

  const done = (next: AdminOutcome) => {
    setDialog(undefined);
    setOutcome(next);
    clusters.refresh();
  };
  const toggleEnabled = async (cluster: ShepherdCluster) => {
    setOutcome(undefined);
    const updated = await toggle.run(cluster);
    if (updated) {
      done({
        message: `${updated.name} is ${
          updated.enabled ? 'enabled' : 'disabled'
        }.`,
      });
    }
  };

  const registerButton = (
    <PermissionedButton
      permission={shepherdClusterManagePermission}
      variant="contained"
      color="primary"
      onClick={() => setDialog({ kind: 'register' })}
    >
      {REGISTER_CLUSTER_LABEL}
    </PermissionedButton>
  );

  let body;
  if (clusters.loading && !clusters.value) {
    body = <Progress />;
  } else if (clusters.value && clusters.value.totalItems === 0) {
    body = (
      <FirstRunGuide title={NO_CLUSTERS_TITLE} action={registerButton}>
        <FirstRun />
      </FirstRunGuide>
    );
  } else if (clusters.value) {
    body = (
      <>
        <ClusterTable
          clusters={clusters.value.items}
          actions={{
            onEdit: cluster => setDialog({ kind: 'edit', cluster }),
            onRotate: cluster => setDialog({ kind: 'rotate', cluster }),
            onToggleEnabled: toggleEnabled,
            onDelete: cluster => setDialog({ kind: 'delete', cluster }),
          }}
        />
        <PaginationBar page={clusters.value} onChange={setPaging} />
      </>
    );
  }

  const selected = dialog && 'cluster' in dialog ? dialog.cluster : undefined;
  return (
    <>
      <Box display="flex" justifyContent="space-between" mb={2}>
        <Typography variant="body2" color="textSecondary">
          KubeVirt clusters approvers can place VMs on. Credentials are stored
          encrypted and never shown.
        </Typography>
        {clusters.value && clusters.value.totalItems > 0 && registerButton}
      </Box>
      {outcome && (
        <OutcomeAlert outcome={outcome} onClose={() => setOutcome(undefined)} />
      )}
      {toggle.error && (
        <ShepherdErrorPanel
          title="The cluster was not changed"
          error={toggle.error}
        />
      )}
      {clusters.error && (
        <ShepherdErrorPanel
          title="Could not load the clusters"
          error={clusters.error}
        />
      )}
      {body}
      <RegisterClusterDialog
        open={dialog?.kind === 'register'}
        onRegistered={result =>
          done({
            message: `Registered ${result.item.name}. Its health stays UNKNOWN until the first check, within a minute.`,
            warnings: result.warnings,
          })
        }
        onCancel={() => setDialog(undefined)}
      />
      <EditClusterDialog
        cluster={dialog?.kind === 'edit' ? selected : undefined}
        onSaved={cluster => done({ message: `Saved ${cluster.name}.` })}
        onCancel={() => setDialog(undefined)}
      />
      <RotateCredentialsDialog
        cluster={dialog?.kind === 'rotate' ? selected : undefined}
        onRotated={cluster =>
          done({
            message: `Replaced the credentials of ${cluster.name}; API server ${cluster.apiServerUrl}, key ${cluster.credentialKeyId}.`,
          })
        }
        onCancel={() => setDialog(undefined)}
      />
      <DeleteEntryDialog
        entry={dialog?.kind === 'delete' ? selected : undefined}
        kind="cluster"
        tier={name => ({ kind: 'type-name', name })}
        description={
          <Typography variant="body2" paragraph>
            Shepherd forgets the cluster and its credentials; nothing on the
            cluster is touched. Refused while VMs or unfinished requests use it:
            disable it instead, so that no new VMs go there.
          </Typography>
        }
        onDelete={id => api.deleteCluster(id)}
        alternative={
          selected?.enabled
            ? {
                label: 'Disable it instead',
                done: `${selected.name} is disabled.`,
                run: id => api.updateCluster(id, { enabled: false }),
              }
            : undefined
        }
        onDone={message => done({ message })}
        onCancel={() => setDialog(undefined)}
      />
    </>
  );
}
