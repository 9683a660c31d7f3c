import { LoggerService } from '@backstage/backend-plugin-api';
import { readInPages } from '../database/paging';
import { ShepherdStore } from '../database/ShepherdStore';
import { ClusterConnections } from '../providers/ClusterConnections';

const PAGE_SIZE = 100;

/**
 * Refreshes what Shepherd knows of each registered cluster: health, KubeVirt version, feature
 * gates and storage classes. An unreachable cluster is recorded as such; approvers see it.
 */
export class ClusterHealthRefresher {
  constructor(
    private readonly store: Pick<ShepherdStore, 'clusters'>,
    private readonly connections: ClusterConnections,
    private readonly logger: LoggerService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async run(): Promise<number> {
    let refreshed = 0;
    const clusters = readInPages(
      PAGE_SIZE,
      async page => (await this.store.clusters.list(page)).items,
    );
    for await (const cluster of clusters) {
      try {
        const { provider, connection } = await this.connections.connect(
          cluster.id,
        );
        const inspection = await provider.inspectCluster(connection);
        const now = this.clock().toISOString();
        await this.store.clusters.update(cluster.id, {
          status: inspection.status,
          statusMessage: inspection.message ?? '',
          kubevirtVersion: inspection.kubevirtVersion,
          featureGates: inspection.featureGates,
          storageClasses: inspection.storageClasses,
          // An administrator's choice of default stays; otherwise the cluster's default.
          defaultStorageClass:
            cluster.defaultStorageClass &&
            inspection.storageClasses.includes(cluster.defaultStorageClass)
              ? cluster.defaultStorageClass
              : inspection.defaultStorageClass,
          lastCheckedAt: now,
          updatedAt: now,
        });
        refreshed += 1;
      } catch (error) {
        this.logger.warn(`Could not refresh cluster ${cluster.name}: ${error}`);
      }
    }
    return refreshed;
  }
}
