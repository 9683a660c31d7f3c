import { useApi } from '@backstage/core-plugin-api';
import {
  ShepherdCluster,
  shepherdClusterManagePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import { DEFAULT_PAGE_SIZE, useLiveData } from '../../common';
import {
  CreateEntryButton,
  DeleteEntryDialog,
  FirstRunGuide,
  SectionList,
  disableInstead,
  useAdminSection,
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
  const clusters = useLiveData(
    () => api.listClusters(paging),
    [api, paging.offset, paging.limit],
    { isSettled: page => !page.items.some(awaitsFirstCheck) },
  );
  const section = useAdminSection<ShepherdCluster, 'rotate'>({
    refresh: clusters.refresh,
    toggle: cluster =>
      api.updateCluster(cluster.id, { enabled: !cluster.enabled }),
  });
  const { dialog, selected } = section;

  const registerButton = (
    <CreateEntryButton
      permission={shepherdClusterManagePermission}
      onClick={() => section.open({ kind: 'create' })}
    >
      {REGISTER_CLUSTER_LABEL}
    </CreateEntryButton>
  );

  return (
    <>
      <Box display="flex" justifyContent="space-between" mb={2}>
        <Typography variant="body2" color="textSecondary">
          KubeVirt clusters approvers can place VMs on. Credentials are stored
          encrypted and never shown.
        </Typography>
        {clusters.value && clusters.value.totalItems > 0 && registerButton}
      </Box>
      <SectionList
        kind="cluster"
        plural="clusters"
        section={section}
        list={clusters}
        firstRun={
          <FirstRunGuide title={NO_CLUSTERS_TITLE} action={registerButton}>
            <FirstRun />
          </FirstRunGuide>
        }
        onPageChange={setPaging}
      >
        {page => (
          <ClusterTable
            clusters={page.items}
            actions={{
              ...section.rowActions,
              onRotate: entry => section.open({ kind: 'rotate', entry }),
            }}
          />
        )}
      </SectionList>
      <RegisterClusterDialog
        open={dialog?.kind === 'create'}
        onRegistered={result =>
          section.done({
            message: `Registered ${result.item.name}. Its health stays UNKNOWN until the first check, within a minute.`,
            warnings: result.warnings,
          })
        }
        onCancel={section.close}
      />
      <EditClusterDialog
        cluster={section.editing}
        onSaved={cluster => section.done({ message: `Saved ${cluster.name}.` })}
        onCancel={section.close}
      />
      <RotateCredentialsDialog
        cluster={dialog?.kind === 'rotate' ? selected : undefined}
        onRotated={cluster =>
          section.done({
            message: `Replaced the credentials of ${cluster.name}; API server ${cluster.apiServerUrl}, key ${cluster.credentialKeyId}.`,
          })
        }
        onCancel={section.close}
      />
      <DeleteEntryDialog
        entry={section.deleting}
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
        alternative={disableInstead(selected, id =>
          api.updateCluster(id, { enabled: false }),
        )}
        onDone={section.finish}
        onCancel={section.close}
      />
    </>
  );
}
