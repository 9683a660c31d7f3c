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

  async countCredentialsByKey() {
    const rows: Array<Record<string, unknown>> = await this.db(CLUSTERS.table)
      .select(ENCRYPTION_KEY_ID)
      .count({ count: '*' })
      .groupBy(ENCRYPTION_KEY_ID);
    return Object.fromEntries(
      rows.map(row => [String(row[ENCRYPTION_KEY_ID]), Number(row.count)]),
    );
  }

  async listCredentialsByKeys(
    options: Parameters<ClustersStore['listCredentialsByKeys']>[0],
  ) {
    if (options.keyIds.length === 0) return [];
    const query = this.db(CLUSTERS.table)
      .select('id', ENCRYPTED_KUBECONFIG, ENCRYPTION_KEY_ID)
      .whereIn(ENCRYPTION_KEY_ID, options.keyIds)
      .orderBy('id')
      .limit(options.limit);
    if (options.afterClusterId !== undefined) {
      query.where('id', '>', options.afterClusterId);
    }
    const rows = await query;
    return rows.map(row => ({
      clusterId: row.id as string,
      encryptedKubeconfig: row[ENCRYPTED_KUBECONFIG] as string,
      encryptionKeyId: row[ENCRYPTION_KEY_ID] as string,
    }));
  }

  async reencryptCredentials(
    clusterId: string,
    expected: ClusterCredentials,
    next: ClusterCredentials,
  ) {
    const updated = await this.db(CLUSTERS.table)
      .where({ id: clusterId, ...credentialColumns(expected) })
      .update(credentialColumns(next));
    return updated === 1;
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
