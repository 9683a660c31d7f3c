import {
  CatalogScope,
  ShepherdInstanceSize,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import {
  coresToMillicores,
  fromJson,
  gibToMib,
  isUuid,
  mibToGib,
  millicoresToCores,
  optional,
  toBool,
  toIso,
  toJson,
} from '../../rows';
import { fetchPage } from '../../paging';
import { InstanceSizesStore } from './InstanceSizesStore';

// Clusters
// Templates
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
