import { PageRequest } from '../../paging';
import {
  ClusterAttention,
  Environment,
  Page,
  ShepherdCluster,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/** What the cluster table stores besides the public record. */
export interface ClusterCredentials {
  encryptedKubeconfig: string;
  encryptionKeyId: string;
}

export interface ClustersStore {
  insert(
    cluster: ShepherdCluster,
    credentials: ClusterCredentials,
  ): Promise<void>;
  get(id: string): Promise<ShepherdCluster | undefined>;
  getByName(name: string): Promise<ShepherdCluster | undefined>;
  getCredentials(id: string): Promise<ClusterCredentials | undefined>;
  list(
    options: PageRequest & { environment?: Environment; enabled?: boolean },
  ): Promise<Page<ShepherdCluster>>;
  update(
    id: string,
    patch: Partial<
      Pick<
        ShepherdCluster,
        | 'displayName'
        | 'enabled'
        | 'environment'
        | 'defaultStorageClass'
        | 'status'
        | 'statusMessage'
        | 'kubevirtVersion'
        | 'featureGates'
        | 'storageClasses'
        | 'lastCheckedAt'
        | 'apiServerUrl'
      >
    > & { updatedAt: string },
  ): Promise<void>;
  updateCredentials(
    id: string,
    credentials: ClusterCredentials,
    updatedAt: string,
  ): Promise<void>;
  /**
   * Records why the cluster needs an administrator (a halted reconciler run), or, with
   * undefined, that it no longer does.
   */
  setAttention(
    id: string,
    attention: ClusterAttention | undefined,
  ): Promise<void>;
  delete(id: string): Promise<void>;
}
