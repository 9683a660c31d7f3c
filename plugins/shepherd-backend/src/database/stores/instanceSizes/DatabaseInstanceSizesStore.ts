import {
  CatalogScope,
  ShepherdInstanceSize,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { AUTHORSHIP_COLUMNS, TableMapping, columns } from '../../columns';
import {
  DatabaseNamedRecordStore,
  FIXED_AT_CREATION,
} from '../../DatabaseRecordStore';
import { whereEquals, whereOneOf } from '../../filters';
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
    ...AUTHORSHIP_COLUMNS,
  },
);

export class DatabaseInstanceSizesStore
  extends DatabaseNamedRecordStore<ShepherdInstanceSize>
  implements InstanceSizesStore
{
  protected readonly mapping = INSTANCE_SIZES;

  async list(options: Parameters<InstanceSizesStore['list']>[0]) {
    const query = this.selectRecords().orderBy([
      { column: 'sort_order' },
      { column: 'name' },
    ]);
    whereEquals(query, { enabled: options.enabled });
    whereOneOf(query, { catalog_scope: options.catalogScopes });
    return this.page(query, options);
  }

  async replace(size: ShepherdInstanceSize) {
    await this.replaceRecord(size, FIXED_AT_CREATION);
  }
}
