import {
  ClusterStatus,
  Environment,
  ShepherdCluster,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import {
  fromJson,
  isUuid,
  optional,
  toBool,
  toColumns,
  toIso,
  toIsoOrUndefined,
  toJson,
} from '../../rows';
import { fetchPage } from '../../paging';
import { ClusterCredentials, ClustersStore } from './ClustersStore';

// Clusters

type ClusterRow = {
  id: string;
  name: string;
  display_name: string;
  environment: Environment;
  provider_type: string;
  status: ClusterStatus;
  status_message: string | null;
  enabled: unknown;
  api_server_url: string;
  encryption_key_id: string;
  kubevirt_version: string | null;
  feature_gates: string;
  storage_classes: string;
  default_storage_class: string | null;
  last_checked_at: unknown;
  created_by: string;
  created_at: unknown;
  updated_at: unknown;
};

/** Every cluster column except the ciphertext, which only getCredentials reads. */
const CLUSTER_PUBLIC_COLUMNS = [
  'id',
  'name',
  'display_name',
  'environment',
  'provider_type',
  'status',
  'status_message',
  'enabled',
  'api_server_url',
  'encryption_key_id',
  'kubevirt_version',
  'feature_gates',
  'storage_classes',
  'default_storage_class',
  'last_checked_at',
  'created_by',
  'created_at',
  'updated_at',
];

function toCluster(row: ClusterRow): ShepherdCluster {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    environment: row.environment,
    providerType: row.provider_type,
    status: row.status,
    statusMessage: optional(row.status_message),
    enabled: toBool(row.enabled),
    apiServerUrl: row.api_server_url,
    kubevirtVersion: optional(row.kubevirt_version),
    featureGates: fromJson<string[]>(row.feature_gates, []),
    storageClasses: fromJson<string[]>(row.storage_classes, []),
    defaultStorageClass: optional(row.default_storage_class),
    credentialKeyId: row.encryption_key_id,
    lastCheckedAt: toIsoOrUndefined(row.last_checked_at),
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

const CLUSTER_COLUMNS = {
  displayName: 'display_name',
  enabled: 'enabled',
  environment: 'environment',
  defaultStorageClass: 'default_storage_class',
  status: 'status',
  statusMessage: 'status_message',
  kubevirtVersion: 'kubevirt_version',
  featureGates: 'feature_gates',
  storageClasses: 'storage_classes',
  lastCheckedAt: 'last_checked_at',
  apiServerUrl: 'api_server_url',
  updatedAt: 'updated_at',
};

export class DatabaseClustersStore implements ClustersStore {
  constructor(private readonly db: Knex) {}

  async insert(cluster: ShepherdCluster, credentials: ClusterCredentials) {
    await this.db('clusters').insert({
      id: cluster.id,
      name: cluster.name,
      display_name: cluster.displayName,
      environment: cluster.environment,
      provider_type: cluster.providerType,
      status: cluster.status,
      status_message: cluster.statusMessage ?? null,
      enabled: cluster.enabled,
      api_server_url: cluster.apiServerUrl,
      encrypted_kubeconfig: credentials.encryptedKubeconfig,
      encryption_key_id: credentials.encryptionKeyId,
      kubevirt_version: cluster.kubevirtVersion ?? null,
      feature_gates: toJson(cluster.featureGates),
      storage_classes: toJson(cluster.storageClasses),
      default_storage_class: cluster.defaultStorageClass ?? null,
      last_checked_at: cluster.lastCheckedAt ?? null,
      created_by: cluster.createdBy,
      created_at: cluster.createdAt,
      updated_at: cluster.updatedAt,
    });
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row: ClusterRow | undefined = await this.db('clusters')
      .select(CLUSTER_PUBLIC_COLUMNS)
      .where({ id })
      .first();
    return row && toCluster(row);
  }

  async getByName(name: string) {
    const row: ClusterRow | undefined = await this.db('clusters')
      .select(CLUSTER_PUBLIC_COLUMNS)
      .where({ name })
      .first();
    return row && toCluster(row);
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
    const query = this.db('clusters')
      .select(CLUSTER_PUBLIC_COLUMNS)
      .orderBy('name');
    if (options.environment) {
      query.where('environment', options.environment);
    }
    if (options.enabled !== undefined) {
      query.where('enabled', options.enabled);
    }
    return fetchPage(query, options, toCluster);
  }

  async update(id: string, patch: Parameters<ClustersStore['update']>[1]) {
    await this.db('clusters')
      .where({ id })
      .update(
        toColumns(patch, CLUSTER_COLUMNS, {
          featureGates: toJson,
          storageClasses: toJson,
        }),
      );
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
