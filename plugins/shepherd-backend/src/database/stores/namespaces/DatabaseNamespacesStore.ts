import {
  Environment,
  ShepherdNamespace,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { applyPermissionFilter } from '../../permissionFilter';
import { isUuid, toBool, toColumns, toIso } from '../../rows';
import { NamespacesStore } from './NamespacesStore';
import { fetchPage } from '../../paging';

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
// Templates
// Instance sizes
// Catalog usage
