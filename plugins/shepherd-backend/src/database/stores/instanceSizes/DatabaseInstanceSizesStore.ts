import {
  CatalogScope,
  ShepherdInstanceSize,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { TableMapping, columns } from '../../columns';
import { fetchPage } from '../../paging';
import { isUuid } from '../../rows';
import { InstanceSizesStore } from './InstanceSizesStore';

const INSTANCE_SIZES = new TableMapping<ShepherdInstanceSize>(
  'instance_sizes',
  {
    id: columns.text('id'),
    name: columns.text('name'),
    displayName: columns.text('display_name'),
    description: columns.text('description'),
    catalogScope: columns.text<CatalogScope>('catalog_scope'),
    enabled: columns.boolean('enabled'),
    sortOrder: columns.number('sort_order'),
    cpuCores: columns.cores('cpu_millicores'),
    cpuRequest: columns.cores('cpu_request_millicores'),
    memoryGi: columns.gib('memory_mib'),
    memoryRequestGi: columns.gib('memory_request_mib'),
    diskGb: columns.number('disk_gb'),
    dedicatedCpu: columns.boolean('dedicated_cpu'),
    requiresGpu: columns.boolean('requires_gpu'),
    requiresSriov: columns.boolean('requires_sriov'),
    requiresHugepages: columns.boolean('requires_hugepages'),
    hugepagesSize: columns.optionalText('hugepages_size'),
    specOverrides: columns.json<Record<string, unknown>>('spec_overrides', {}),
    createdBy: columns.text('created_by'),
    createdAt: columns.timestamp('created_at'),
    updatedAt: columns.timestamp('updated_at'),
  },
);

export class DatabaseInstanceSizesStore implements InstanceSizesStore {
  constructor(private readonly db: Knex) {}

  async insert(size: ShepherdInstanceSize) {
    await this.db('instance_sizes').insert(INSTANCE_SIZES.write(size));
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db(INSTANCE_SIZES.table).where({ id }).first();
    return row && INSTANCE_SIZES.read(row);
  }

  async getByName(name: string) {
    const row = await this.db(INSTANCE_SIZES.table).where({ name }).first();
    return row && INSTANCE_SIZES.read(row);
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
    return fetchPage(query, options, INSTANCE_SIZES.read);
  }

  async replace(size: ShepherdInstanceSize) {
    const { id, name, created_by, created_at, ...row } =
      INSTANCE_SIZES.write(size);
    await this.db('instance_sizes').where({ id }).update(row);
  }

  async delete(id: string) {
    await this.db('instance_sizes').where({ id }).delete();
  }
}
