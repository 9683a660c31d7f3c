import {
  DEFAULT_VM_PROVIDER_TYPE,
  ShepherdCluster,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdClusterConnection,
  ShepherdVmProvider,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ShepherdStore } from '../database/ShepherdStore';
import { ClusterCredentialsSource } from '../service/platform/ClustersService';
import { ClusterNotRegisteredError, ProviderNotInstalledError } from './errors';
import { VmProviderRegistry } from './VmProviderRegistry';

/** A registered cluster with the provider of its type and a connection to it. */
export interface ConnectedCluster {
  cluster: ShepherdCluster;
  provider: ShepherdVmProvider;
  connection: ShepherdClusterConnection;
}

/**
 * Gives work that reaches a cluster what it needs: the provider of the cluster's type and a
 * connection with the decrypted credentials. Credentials are decrypted per use and never
 * kept or logged here.
 */
export class ClusterConnections {
  constructor(
    private readonly store: Pick<ShepherdStore, 'clusters'>,
    private readonly credentials: ClusterCredentialsSource,
    private readonly providers: VmProviderRegistry,
  ) {}

  /** Whether any VM provider is installed at all. */
  hasProvider(): boolean {
    return this.providers.list().length > 0;
  }

  /** The provider of the cluster's type; {@link ProviderNotInstalledError} when there is none. */
  providerFor(
    cluster: Pick<ShepherdCluster, 'providerType'>,
  ): ShepherdVmProvider {
    const type = cluster.providerType ?? DEFAULT_VM_PROVIDER_TYPE;
    const provider = this.providers.get(type);
    if (!provider) {
      throw new ProviderNotInstalledError(type);
    }
    return provider;
  }

  /**
   * The cluster, its provider and a connection. {@link ClusterNotRegisteredError} for a
   * cluster that is not registered, {@link ProviderNotInstalledError} for one whose provider
   * is missing.
   */
  async connect(clusterId: string | undefined): Promise<ConnectedCluster> {
    const cluster = clusterId
      ? await this.store.clusters.get(clusterId)
      : undefined;
    if (!cluster) {
      throw new ClusterNotRegisteredError(clusterId);
    }
    const provider = this.providerFor(cluster);
    return {
      cluster,
      provider,
      connection: {
        id: cluster.id,
        name: cluster.name,
        kubeconfig: await this.credentials.getClusterKubeconfig(cluster.id),
      },
    };
  }
}
