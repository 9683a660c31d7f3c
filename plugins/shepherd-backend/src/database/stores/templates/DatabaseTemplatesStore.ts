import {
  CatalogScope,
  ShepherdTemplate,
  TemplateSourceType,
  TemplateStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { isUuid, optional, toIso } from '../../rows';
import { fetchPage } from '../../paging';
import { TemplatesStore } from './TemplatesStore';

// Clusters
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
