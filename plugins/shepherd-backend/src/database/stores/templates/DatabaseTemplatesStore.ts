import {
  CatalogScope,
  ShepherdTemplate,
  TemplateSourceType,
  TemplateStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { TableMapping, columns } from '../../columns';
import { fetchPage } from '../../paging';
import { isUuid } from '../../rows';
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
  createdBy: columns.text('created_by'),
  createdAt: columns.timestamp('created_at'),
  updatedAt: columns.timestamp('updated_at'),
});

export class DatabaseTemplatesStore implements TemplatesStore {
  constructor(private readonly db: Knex) {}

  async insert(template: ShepherdTemplate) {
    await this.db(TEMPLATES.table).insert(TEMPLATES.write(template));
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db(TEMPLATES.table).where({ id }).first();
    return row && TEMPLATES.read(row);
  }

  async getByName(name: string) {
    const row = await this.db(TEMPLATES.table).where({ name }).first();
    return row && TEMPLATES.read(row);
  }

  async list(options: Parameters<TemplatesStore['list']>[0]) {
    const query = this.db('templates').select('*').orderBy('name');
    if (options.statuses) {
      query.whereIn('status', options.statuses);
    }
    if (options.catalogScopes) {
      query.whereIn('catalog_scope', options.catalogScopes);
    }
    return fetchPage(query, options, TEMPLATES.read);
  }

  async replace(template: ShepherdTemplate) {
    const { id, name, created_by, created_at, ...row } =
      TEMPLATES.write(template);
    await this.db('templates').where({ id }).update(row);
  }

  async delete(id: string) {
    await this.db('templates').where({ id }).delete();
  }
}
