import { ShepherdService } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { applyPermissionFilter } from '../../permissionFilter';
import { isUuid, optional, toCount, toIso, whereId } from '../../rows';
import { fetchPage, likePattern } from '../../paging';
import { ServicesStore } from './ServicesStore';

type ServiceRow = {
  id: string;
  system_id: string;
  system_name: string;
  name: string;
  description: string;
  entity_ref: string | null;
  next_instance_index: number;
  created_by: string;
  created_at: unknown;
  updated_at: unknown;
};

function toService(row: ServiceRow): ShepherdService {
  return {
    id: row.id,
    systemId: row.system_id,
    systemName: row.system_name,
    name: row.name,
    description: row.description,
    entityRef: optional(row.entity_ref),
    nextInstanceIndex: Number(row.next_instance_index),
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export class DatabaseServicesStore implements ServicesStore {
  constructor(private readonly db: Knex) {}

  private selectServices() {
    return this.db('services')
      .join('systems', 'systems.id', 'services.system_id')
      .select('services.*', { system_name: 'systems.name' });
  }

  async insert(service: Omit<ShepherdService, 'systemName'>) {
    await this.db('services').insert({
      id: service.id,
      system_id: service.systemId,
      name: service.name,
      description: service.description,
      entity_ref: service.entityRef ?? null,
      next_instance_index: service.nextInstanceIndex,
      created_by: service.createdBy,
      created_at: service.createdAt,
      updated_at: service.updatedAt,
    });
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.selectServices().where('services.id', id).first();
    return row && toService(row);
  }

  async getByName(systemId: string, name: string) {
    const row = await this.selectServices()
      .where({ 'services.system_id': systemId, 'services.name': name })
      .first();
    return row && toService(row);
  }

  async getByEntityRef(entityRef: string) {
    const row = await this.selectServices()
      .where('services.entity_ref', entityRef)
      .first();
    return row && toService(row);
  }

  async list(options: Parameters<ServicesStore['list']>[0]) {
    const query = this.selectServices().orderBy([
      { column: 'systems.name' },
      { column: 'services.name' },
    ]);
    if (options.systemId) {
      whereId(query, 'services.system_id', options.systemId);
    }
    if (options.entityRef) {
      query.whereRaw('lower(services.entity_ref) = ?', [
        options.entityRef.toLowerCase(),
      ]);
    }
    if (options.search) {
      const pattern = likePattern(options.search.toLowerCase());
      query.where(builder =>
        builder
          .whereRaw("lower(services.name) like ? escape '\\'", [pattern])
          .orWhereRaw("lower(services.description) like ? escape '\\'", [
            pattern,
          ]),
      );
    }
    if (options.conditions) {
      applyPermissionFilter(
        query,
        options.conditions,
        { systemId: 'services.system_id' },
        this.db,
      );
    }
    return fetchPage(query, options, toService);
  }

  async countForSystem(systemId: string) {
    const [{ count }] = await this.db('services')
      .where({ system_id: systemId })
      .count({ count: '*' });
    return toCount(count);
  }

  async update(id: string, patch: { description: string; updatedAt: string }) {
    await this.db('services')
      .where({ id })
      .update({ description: patch.description, updated_at: patch.updatedAt });
  }

  async delete(id: string) {
    await this.db('services').where({ id }).delete();
  }

  async takeInstanceIndex(id: string): Promise<number> {
    // A single UPDATE … RETURNING: the row lock (PostgreSQL) or the single writer (SQLite)
    // makes the read-and-increment atomic across concurrent approvals.
    const rows: Array<{ next_instance_index: number }> = await this.db(
      'services',
    )
      .where({ id })
      .increment('next_instance_index', 1)
      .returning(['next_instance_index']);
    if (rows.length !== 1) {
      throw new Error(`Service ${id} does not exist`);
    }
    return Number(rows[0].next_instance_index) - 1;
  }
}
