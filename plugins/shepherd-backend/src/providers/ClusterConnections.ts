import { ShepherdCluster } from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdClusterConnection,
  ShepherdVmProvider,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ShepherdStore } from '../database/ShepherdStore';
import { PermanentJobError } from '../queue/JobWorker';
import { VmProviderRegistry } from './VmProviderRegistry';
import { ClusterCredentialsSource } from '../service/platform/ClustersService';

/**
 * Gives background work what it needs to reach a cluster: the provider and a connection with
 * the decrypted credentials. Credentials are decrypted per use and never kept or logged here.
 */
export class ClusterConnections {
  constructor(
    private readonly store: Pick<ShepherdStore, 'clusters'>,
    private readonly credentials: ClusterCredentialsSource,
    private readonly providers: VmProviderRegistry,
  ) {}

  /** Whether a VM provider is installed at all. */
  hasProvider(): boolean {
    return this.providers.list().length > 0;
  }

  /** The provider that runs VMs; one is installed per backend (the KubeVirt module). */
  provider(): ShepherdVmProvider {
    const [provider] = this.providers.list();
    if (!provider) {
      throw new PermanentJobError(
        'No VM provider is installed: add @kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt to the backend',
      );
    }
    return provider;
  }

  async connect(clusterId: string | undefined): Promise<{
    cluster: ShepherdCluster;
    connection: ShepherdClusterConnection;
  }> {
    const cluster = clusterId
      ? await this.store.clusters.get(clusterId)
      : undefined;
    if (!cluster) {
      throw new PermanentJobError(
        `The cluster ${clusterId ?? '(none)'} is not registered`,
      );
    }
    return {
      cluster,
      connection: {
        id: cluster.id,
        name: cluster.name,
        kubeconfig: await this.credentials.getClusterKubeconfig(cluster.id),
      },
    };
  }
}
