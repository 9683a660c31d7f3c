import {
  ClusterStatus,
  Environment,
  ShepherdCluster,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { TableMapping, columns } from '../../columns';
import { fetchPage } from '../../paging';
import { isUuid } from '../../rows';
import { ClusterCredentials, ClustersStore } from './ClustersStore';

/** A cluster's record; its credentials are columns of their own, read only by getCredentials. */
const CLUSTERS = new TableMapping<ShepherdCluster>('clusters', {
  id: columns.text('id'),
  name: columns.text('name'),
  displayName: columns.text('display_name'),
  environment: columns.text<Environment>('environment'),
  providerType: columns.text('provider_type'),
  status: columns.text<ClusterStatus>('status'),
  statusMessage: columns.optionalText('status_message'),
  enabled: columns.boolean('enabled'),
  apiServerUrl: columns.text('api_server_url'),
  kubevirtVersion: columns.optionalText('kubevirt_version'),
  featureGates: columns.json<string[]>('feature_gates', []),
  storageClasses: columns.json<string[]>('storage_classes', []),
  defaultStorageClass: columns.optionalText('default_storage_class'),
  credentialKeyId: columns.text('encryption_key_id'),
  lastCheckedAt: columns.optionalTimestamp('last_checked_at'),
  createdBy: columns.text('created_by'),
  createdAt: columns.timestamp('created_at'),
  updatedAt: columns.timestamp('updated_at'),
});

export class DatabaseClustersStore implements ClustersStore {
  constructor(private readonly db: Knex) {}

  async insert(cluster: ShepherdCluster, credentials: ClusterCredentials) {
    await this.db(CLUSTERS.table).insert({
      ...CLUSTERS.write(cluster),
      encrypted_kubeconfig: credentials.encryptedKubeconfig,
      encryption_key_id: credentials.encryptionKeyId,
    });
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db(CLUSTERS.table)
      .select(CLUSTERS.qualifiedColumns())
      .where({ id })
      .first();
    return row && CLUSTERS.read(row);
  }

  async getByName(name: string) {
    const row = await this.db(CLUSTERS.table)
      .select(CLUSTERS.qualifiedColumns())
      .where({ name })
      .first();
    return row && CLUSTERS.read(row);
  }

  async getCredentials(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db('clusters')
      .select('encrypted_kubeconfig', 'encryption_key_id')
      .where({ id })
      .first();
    return (
      row && {
        encryptedKubeconfig: row.encrypted_kubeconfig as string,
        encryptionKeyId: row.encryption_key_id as string,
      }
    );
  }

  async list(options: Parameters<ClustersStore['list']>[0]) {
    const query = this.db(CLUSTERS.table)
      .select(CLUSTERS.qualifiedColumns())
      .orderBy('name');
    if (options.environment) {
      query.where('environment', options.environment);
    }
    if (options.enabled !== undefined) {
      query.where('enabled', options.enabled);
    }
    return fetchPage(query, options, CLUSTERS.read);
  }

  async update(id: string, patch: Parameters<ClustersStore['update']>[1]) {
    await this.db('clusters').where({ id }).update(CLUSTERS.patch(patch));
  }

  async updateCredentials(
    id: string,
    credentials: ClusterCredentials,
    updatedAt: string,
  ) {
    await this.db('clusters').where({ id }).update({
      encrypted_kubeconfig: credentials.encryptedKubeconfig,
      encryption_key_id: credentials.encryptionKeyId,
      updated_at: updatedAt,
    });
  }

  async delete(id: string) {
    await this.db('clusters').where({ id }).delete();
  }
}
