import {
  CatalogScope,
  ShepherdTemplate,
  TemplateSourceType,
  TemplateStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { AUTHORSHIP_COLUMNS, TableMapping, columns } from '../../columns';
import {
  DatabaseNamedRecordStore,
  FIXED_AT_CREATION,
} from '../../DatabaseRecordStore';
import { whereOneOf } from '../../filters';
import { TemplatesStore } from './TemplatesStore';

const TEMPLATES = new TableMapping<ShepherdTemplate>('templates', {
  id: columns.text('id'),
  name: columns.text('name'),
  displayName: columns.text('display_name'),
  description: columns.text('description'),
  status: columns.text<TemplateStatus>('status'),
  catalogScope: columns.text<CatalogScope>('catalog_scope'),
  sourceType: columns.text<TemplateSourceType>('source_type'),
  imageUrl: columns.optionalText('image_url'),
  pvcName: columns.optionalText('pvc_name'),
  pvcNamespace: columns.optionalText('pvc_namespace'),
  cloudInit: columns.optionalText('cloud_init'),
  osFamily: columns.text('os_family'),
  osVersion: columns.text('os_version'),
  ...AUTHORSHIP_COLUMNS,
});

export class DatabaseTemplatesStore
  extends DatabaseNamedRecordStore<ShepherdTemplate>
  implements TemplatesStore
{
  protected readonly mapping = TEMPLATES;

  async list(options: Parameters<TemplatesStore['list']>[0]) {
    const query = this.selectRecords().orderBy('name');
    whereOneOf(query, {
      status: options.statuses,
      catalog_scope: options.catalogScopes,
    });
    return this.page(query, options);
  }

  async replace(template: ShepherdTemplate) {
    await this.replaceRecord(template, FIXED_AT_CREATION);
  }
}
