import {
  ClusterAttention,
  ClusterStatus,
  Environment,
  ShepherdCluster,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  AUTHORSHIP_COLUMNS,
  STATUS_MESSAGE_COLUMN,
  TableMapping,
  columns,
} from '../../columns';
import { DatabaseTableStore } from '../../DatabaseRecordStore';
import { whereEquals } from '../../filters';
import { isUuid } from '../../rows';
import { ClusterCredentials, ClustersStore } from './ClustersStore';

/** The columns of a cluster's credentials. */
const ENCRYPTED_KUBECONFIG = 'encrypted_kubeconfig';
const ENCRYPTION_KEY_ID = 'encryption_key_id';

/** A cluster's record; its credentials are columns of their own, read only by getCredentials. */
const CLUSTERS = new TableMapping<ShepherdCluster>('clusters', {
  id: columns.text('id'),
  name: columns.text('name'),
  displayName: columns.text('display_name'),
  environment: columns.text<Environment>('environment'),
  providerType: columns.text('provider_type'),
  status: columns.text<ClusterStatus>('status'),
  statusMessage: STATUS_MESSAGE_COLUMN,
  enabled: columns.boolean('enabled'),
  apiServerUrl: columns.text('api_server_url'),
  kubevirtVersion: columns.optionalText('kubevirt_version'),
  featureGates: columns.json<string[]>('feature_gates', []),
  storageClasses: columns.json<string[]>('storage_classes', []),
  defaultStorageClass: columns.optionalText('default_storage_class'),
  credentialKeyId: columns.text(ENCRYPTION_KEY_ID),
  lastCheckedAt: columns.optionalTimestamp('last_checked_at'),
  attention: columns.optionalJson<ClusterAttention>('attention'),
  ...AUTHORSHIP_COLUMNS,
});

function credentialColumns(credentials: ClusterCredentials) {
  return {
    [ENCRYPTED_KUBECONFIG]: credentials.encryptedKubeconfig,
    [ENCRYPTION_KEY_ID]: credentials.encryptionKeyId,
  };
}

export class DatabaseClustersStore
  extends DatabaseTableStore<ShepherdCluster>
  implements ClustersStore
{
  protected readonly mapping = CLUSTERS;

  async insert(cluster: ShepherdCluster, credentials: ClusterCredentials) {
    await this.insertRecord(cluster, credentialColumns(credentials));
  }

  async getByName(name: string) {
    return this.findOne({ name });
  }

  async getCredentials(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db(CLUSTERS.table)
      .select(ENCRYPTED_KUBECONFIG, ENCRYPTION_KEY_ID)
      .where({ id })
      .first();
    return (
      row && {
        encryptedKubeconfig: row[ENCRYPTED_KUBECONFIG] as string,
        encryptionKeyId: row[ENCRYPTION_KEY_ID] as string,
      }
    );
  }

  async list(options: Parameters<ClustersStore['list']>[0]) {
    const query = this.selectRecords().orderBy('name');
    whereEquals(query, {
      environment: options.environment,
      enabled: options.enabled,
    });
    return this.page(query, options);
  }

  async update(id: string, patch: Parameters<ClustersStore['update']>[1]) {
    await this.updateRecord(id, patch);
  }

  async updateCredentials(
    id: string,
    credentials: ClusterCredentials,
    updatedAt: string,
  ) {
    await this.db(CLUSTERS.table)
      .where({ id })
      .update({ ...credentialColumns(credentials), updated_at: updatedAt });
  }

  async setAttention(id: string, attention: ClusterAttention | undefined) {
    // Not an administrator's edit: updated_at stays as the registry last changed it.
    await this.db(CLUSTERS.table)
      .where({ id })
      .update({
        attention: attention === undefined ? null : JSON.stringify(attention),
      });
  }

  async delete(id: string) {
    await this.deleteRecord(id);
  }
}
