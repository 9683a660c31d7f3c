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

/** A cluster's stored credentials, for their re-encryption under the current key. */
export interface StoredClusterCredentials extends ClusterCredentials {
  clusterId: string;
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
  /** How many clusters' credentials each encryption key encrypts, by key id. */
  countCredentialsByKey(): Promise<Record<string, number>>;
  /**
   * Credentials encrypted under one of `keyIds`, in cluster id order after `afterClusterId`
   * (keyset paging: a row that cannot be re-encrypted does not hold up the ones after it).
   */
  listCredentialsByKeys(options: {
    keyIds: string[];
    afterClusterId?: string;
    limit: number;
  }): Promise<StoredClusterCredentials[]>;
  /**
   * Replaces a cluster's credentials with the same kubeconfig encrypted anew, only if they are
   * still exactly `expected` (no upload or other replica changed them since they were read).
   * Not an administrator's edit: `updated_at` stays. Whether the row was replaced.
   */
  reencryptCredentials(
    clusterId: string,
    expected: ClusterCredentials,
    next: ClusterCredentials,
  ): Promise<boolean>;
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
