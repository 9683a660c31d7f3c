import {
  CatalogScope,
  ClusterStatus,
  Environment,
  ShepherdCluster,
  ShepherdInstanceSize,
  ShepherdNamespace,
  ShepherdTemplate,
  TemplateSourceType,
  TemplateStatus,
  TicketStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { applyPermissionFilter } from '../permissionFilter';
import {
  coresToMillicores,
  fromJson,
  gibToMib,
  isUuid,
  millicoresToCores,
  mibToGib,
  optional,
  toBool,
  toIso,
  toCount,
  toIsoOrUndefined,
  toJson,
} from '../rows';
import {
  CatalogUsage,
  CatalogUsageStore,
  ClusterCredentials,
  ClustersStore,
  InstanceSizesStore,
  NamespacesStore,
  TemplatesStore,
} from '../types';
import { fetchPage, likePattern } from './paging';

/** Maps a camelCase patch to column names, leaving out undefined values. */
function toColumns(
  patch: Record<string, unknown>,
  columns: Record<string, string>,
  convert: Record<string, (value: any) => unknown> = {},
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const column = columns[key];
    if (!column) {
      throw new Error(`No column for ${key}`);
    }
    row[column] = convert[key] ? convert[key](value) : value;
  }
  return row;
}

// Namespaces

type NamespaceRow = {
  id: string;
  name: string;
  environment: Environment;
  description: string;
  enabled: unknown;
  created_by: string;
  created_at: unknown;
  updated_at: unknown;
};

function toNamespace(row: NamespaceRow): ShepherdNamespace {
  return {
    id: row.id,
    name: row.name,
    environment: row.environment,
    description: row.description,
    enabled: toBool(row.enabled),
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

const NAMESPACE_COLUMNS = {
  description: 'description',
  enabled: 'enabled',
  environment: 'environment',
  updatedAt: 'updated_at',
};

export class DatabaseNamespacesStore implements NamespacesStore {
  constructor(private readonly db: Knex) {}

  async insert(namespace: ShepherdNamespace) {
    await this.db('namespaces').insert({
      id: namespace.id,
      name: namespace.name,
      environment: namespace.environment,
      description: namespace.description,
      enabled: namespace.enabled,
      created_by: namespace.createdBy,
      created_at: namespace.createdAt,
      updated_at: namespace.updatedAt,
    });
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db<NamespaceRow>('namespaces').where({ id }).first();
    return row && toNamespace(row);
  }

  async getByName(name: string) {
    const row = await this.db<NamespaceRow>('namespaces')
      .where({ name })
      .first();
    return row && toNamespace(row);
  }

  async list(options: Parameters<NamespacesStore['list']>[0]) {
    const query = this.db('namespaces').select('namespaces.*').orderBy('name');
    if (options.environment) {
      query.where('environment', options.environment);
    }
    if (options.enabled !== undefined) {
      query.where('enabled', options.enabled);
    }
    if (options.conditions) {
      applyPermissionFilter(
        query,
        options.conditions,
        { environment: 'namespaces.environment' },
        this.db,
      );
    }
    return fetchPage(query, options, toNamespace);
  }

  async update(id: string, patch: Parameters<NamespacesStore['update']>[1]) {
    await this.db('namespaces')
      .where({ id })
      .update(toColumns(patch, NAMESPACE_COLUMNS));
  }

  async delete(id: string) {
    await this.db('namespaces').where({ id }).delete();
  }
}

// Clusters

type ClusterRow = {
  id: string;
  name: string;
  display_name: string;
  environment: Environment;
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

// Templates

type TemplateRow = {
  id: string;
  name: string;
  display_name: string;
  description: string;
  status: TemplateStatus;
  catalog_scope: CatalogScope;
  source_type: TemplateSourceType;
  image_url: string | null;
  pvc_name: string | null;
  pvc_namespace: string | null;
  cloud_init: string | null;
  os_family: string;
  os_version: string;
  created_by: string;
  created_at: unknown;
  updated_at: unknown;
};

function toTemplate(row: TemplateRow): ShepherdTemplate {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    description: row.description,
    status: row.status,
    catalogScope: row.catalog_scope,
    sourceType: row.source_type,
    imageUrl: optional(row.image_url),
    pvcName: optional(row.pvc_name),
    pvcNamespace: optional(row.pvc_namespace),
    cloudInit: optional(row.cloud_init),
    osFamily: row.os_family,
    osVersion: row.os_version,
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

function templateRow(template: ShepherdTemplate) {
  return {
    id: template.id,
    name: template.name,
    display_name: template.displayName,
    description: template.description,
    status: template.status,
    catalog_scope: template.catalogScope,
    source_type: template.sourceType,
    image_url: template.imageUrl ?? null,
    pvc_name: template.pvcName ?? null,
    pvc_namespace: template.pvcNamespace ?? null,
    cloud_init: template.cloudInit ?? null,
    os_family: template.osFamily,
    os_version: template.osVersion,
    created_by: template.createdBy,
    created_at: template.createdAt,
    updated_at: template.updatedAt,
  };
}

export class DatabaseTemplatesStore implements TemplatesStore {
  constructor(private readonly db: Knex) {}

  async insert(template: ShepherdTemplate) {
    await this.db('templates').insert(templateRow(template));
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db<TemplateRow>('templates').where({ id }).first();
    return row && toTemplate(row);
  }

  async getByName(name: string) {
    const row = await this.db<TemplateRow>('templates').where({ name }).first();
    return row && toTemplate(row);
  }

  async list(options: Parameters<TemplatesStore['list']>[0]) {
    const query = this.db('templates').select('*').orderBy('name');
    if (options.statuses) {
      query.whereIn('status', options.statuses);
    }
    if (options.catalogScopes) {
      query.whereIn('catalog_scope', options.catalogScopes);
    }
    return fetchPage(query, options, toTemplate);
  }

  async replace(template: ShepherdTemplate) {
    const { id, name, created_by, created_at, ...row } = templateRow(template);
    await this.db('templates').where({ id }).update(row);
  }

  async delete(id: string) {
    await this.db('templates').where({ id }).delete();
  }
}

// Instance sizes

type InstanceSizeRow = {
  id: string;
  name: string;
  display_name: string;
  description: string;
  catalog_scope: CatalogScope;
  enabled: unknown;
  sort_order: number;
  cpu_millicores: number;
  cpu_request_millicores: number;
  memory_mib: number;
  memory_request_mib: number;
  disk_gb: number;
  dedicated_cpu: unknown;
  requires_gpu: unknown;
  requires_sriov: unknown;
  requires_hugepages: unknown;
  hugepages_size: string | null;
  spec_overrides: string;
  created_by: string;
  created_at: unknown;
  updated_at: unknown;
};

function toInstanceSize(row: InstanceSizeRow): ShepherdInstanceSize {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    description: row.description,
    catalogScope: row.catalog_scope,
    enabled: toBool(row.enabled),
    sortOrder: Number(row.sort_order),
    cpuCores: millicoresToCores(Number(row.cpu_millicores)),
    cpuRequest: millicoresToCores(Number(row.cpu_request_millicores)),
    memoryGi: mibToGib(Number(row.memory_mib)),
    memoryRequestGi: mibToGib(Number(row.memory_request_mib)),
    diskGb: Number(row.disk_gb),
    dedicatedCpu: toBool(row.dedicated_cpu),
    requiresGpu: toBool(row.requires_gpu),
    requiresSriov: toBool(row.requires_sriov),
    requiresHugepages: toBool(row.requires_hugepages),
    hugepagesSize: optional(row.hugepages_size),
    specOverrides: fromJson<Record<string, unknown>>(row.spec_overrides, {}),
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

function instanceSizeRow(size: ShepherdInstanceSize) {
  return {
    id: size.id,
    name: size.name,
    display_name: size.displayName,
    description: size.description,
    catalog_scope: size.catalogScope,
    enabled: size.enabled,
    sort_order: size.sortOrder,
    cpu_millicores: coresToMillicores(size.cpuCores),
    cpu_request_millicores: coresToMillicores(size.cpuRequest),
    memory_mib: gibToMib(size.memoryGi),
    memory_request_mib: gibToMib(size.memoryRequestGi),
    disk_gb: size.diskGb,
    dedicated_cpu: size.dedicatedCpu,
    requires_gpu: size.requiresGpu,
    requires_sriov: size.requiresSriov,
    requires_hugepages: size.requiresHugepages,
    hugepages_size: size.hugepagesSize ?? null,
    spec_overrides: toJson(size.specOverrides),
    created_by: size.createdBy,
    created_at: size.createdAt,
    updated_at: size.updatedAt,
  };
}

export class DatabaseInstanceSizesStore implements InstanceSizesStore {
  constructor(private readonly db: Knex) {}

  async insert(size: ShepherdInstanceSize) {
    await this.db('instance_sizes').insert(instanceSizeRow(size));
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db<InstanceSizeRow>('instance_sizes')
      .where({ id })
      .first();
    return row && toInstanceSize(row);
  }

  async getByName(name: string) {
    const row = await this.db<InstanceSizeRow>('instance_sizes')
      .where({ name })
      .first();
    return row && toInstanceSize(row);
  }

  async list(options: Parameters<InstanceSizesStore['list']>[0]) {
    const query = this.db('instance_sizes')
      .select('*')
      .orderBy([{ column: 'sort_order' }, { column: 'name' }]);
    if (options.enabled !== undefined) {
      query.where('enabled', options.enabled);
    }
    if (options.catalogScopes) {
      query.whereIn('catalog_scope', options.catalogScopes);
    }
    return fetchPage(query, options, toInstanceSize);
  }

  async replace(size: ShepherdInstanceSize) {
    const { id, name, created_by, created_at, ...row } = instanceSizeRow(size);
    await this.db('instance_sizes').where({ id }).update(row);
  }

  async delete(id: string) {
    await this.db('instance_sizes').where({ id }).delete();
  }
}

// Catalog usage

/**
 * Ticket columns that can name a template or an instance size: what was requested, what the
 * approver replaced it with, and the snapshots frozen at approval.
 */
const TICKET_TEMPLATE_COLUMNS = [
  'request_spec',
  'modified_spec',
  'template_snapshot',
];
const TICKET_INSTANCE_SIZE_COLUMNS = [
  'request_spec',
  'modified_spec',
  'instance_size_snapshot',
];

export class DatabaseCatalogUsageStore implements CatalogUsageStore {
  constructor(private readonly db: Knex) {}

  async #count(query: Knex.QueryBuilder): Promise<number> {
    const [{ count }] = await query.count({ count: '*' });
    return toCount(count);
  }

  async #usage(
    vmFilter: (query: Knex.QueryBuilder) => void,
    ticketFilter: (query: Knex.QueryBuilder) => void,
    ticketStatuses?: TicketStatus[],
  ): Promise<CatalogUsage> {
    const vms = this.db('vms');
    vmFilter(vms);
    const tickets = this.db('tickets');
    ticketFilter(tickets);
    if (ticketStatuses) {
      tickets.whereIn('status', ticketStatuses);
    }
    return { vms: await this.#count(vms), tickets: await this.#count(tickets) };
  }

  /**
   * Tickets keep template and instance size ids inside JSON text columns, which SQLite and
   * PostgreSQL query differently; ids are UUIDs, so a substring match finds exactly the
   * tickets that name one, on both.
   */
  #mentions(columns: string[], id: string) {
    const pattern = likePattern(id);
    return (query: Knex.QueryBuilder) =>
      query.where(inner => {
        for (const column of columns) {
          inner.orWhereRaw("?? like ? escape '\\'", [column, pattern]);
        }
      });
  }

  async ofNamespace(name: string, ticketStatuses?: TicketStatus[]) {
    return this.#usage(
      query => query.where('namespace', name),
      query => query.where('namespace', name),
      ticketStatuses,
    );
  }

  async ofCluster(id: string, ticketStatuses?: TicketStatus[]) {
    return this.#usage(
      query => query.where('cluster_id', id),
      query => query.where('cluster_id', id),
      ticketStatuses,
    );
  }

  async ofTemplate(id: string, ticketStatuses?: TicketStatus[]) {
    return this.#usage(
      query => query.where('template_id', id),
      this.#mentions(TICKET_TEMPLATE_COLUMNS, id),
      ticketStatuses,
    );
  }

  async ofInstanceSize(id: string, ticketStatuses?: TicketStatus[]) {
    return this.#usage(
      query => query.where('instance_size_id', id),
      this.#mentions(TICKET_INSTANCE_SIZE_COLUMNS, id),
      ticketStatuses,
    );
  }
}
