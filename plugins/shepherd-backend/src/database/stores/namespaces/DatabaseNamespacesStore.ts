import {
  Environment,
  ShepherdNamespace,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { AUTHORSHIP_COLUMNS, TableMapping, columns } from '../../columns';
import { DatabaseNamedRecordStore } from '../../DatabaseRecordStore';
import { whereEquals } from '../../filters';
import { NamespacesStore } from './NamespacesStore';

const NAMESPACES = new TableMapping<ShepherdNamespace>('namespaces', {
  id: columns.text('id'),
  name: columns.text('name'),
  environment: columns.text<Environment>('environment'),
  description: columns.text('description'),
  enabled: columns.boolean('enabled'),
  ...AUTHORSHIP_COLUMNS,
});

export class DatabaseNamespacesStore
  extends DatabaseNamedRecordStore<ShepherdNamespace>
  implements NamespacesStore
{
  protected readonly mapping = NAMESPACES;

  async list(options: Parameters<NamespacesStore['list']>[0]) {
    const query = this.selectRecords().orderBy('name');
    whereEquals(query, {
      environment: options.environment,
      enabled: options.enabled,
    });
    return this.page(query, options, {
      environment: 'namespaces.environment',
    });
  }

  async update(id: string, patch: Parameters<NamespacesStore['update']>[1]) {
    await this.updateRecord(id, patch);
  }
}
