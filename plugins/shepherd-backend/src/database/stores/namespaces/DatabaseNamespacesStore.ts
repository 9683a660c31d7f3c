import {
  Environment,
  ShepherdNamespace,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { TableMapping, columns } from '../../columns';
import { fetchPage } from '../../paging';
import { applyPermissionFilter } from '../../permissionFilter';
import { isUuid } from '../../rows';
import { NamespacesStore } from './NamespacesStore';

const NAMESPACES = new TableMapping<ShepherdNamespace>('namespaces', {
  id: columns.text('id'),
  name: columns.text('name'),
  environment: columns.text<Environment>('environment'),
  description: columns.text('description'),
  enabled: columns.boolean('enabled'),
  createdBy: columns.text('created_by'),
  createdAt: columns.timestamp('created_at'),
  updatedAt: columns.timestamp('updated_at'),
});

export class DatabaseNamespacesStore implements NamespacesStore {
  constructor(private readonly db: Knex) {}

  async insert(namespace: ShepherdNamespace) {
    await this.db(NAMESPACES.table).insert(NAMESPACES.write(namespace));
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db(NAMESPACES.table).where({ id }).first();
    return row && NAMESPACES.read(row);
  }

  async getByName(name: string) {
    const row = await this.db(NAMESPACES.table).where({ name }).first();
    return row && NAMESPACES.read(row);
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
    return fetchPage(query, options, NAMESPACES.read);
  }

  async update(id: string, patch: Parameters<NamespacesStore['update']>[1]) {
    await this.db('namespaces').where({ id }).update(NAMESPACES.patch(patch));
  }

  async delete(id: string) {
    await this.db('namespaces').where({ id }).delete();
  }
}
