import { ShepherdSystem } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { applyPermissionFilter } from '../../permissionFilter';
import { isUuid, optional, toIso } from '../../rows';
import { fetchPage, likePattern } from '../../paging';
import { SystemsStore } from './SystemsStore';

type SystemRow = {
  id: string;
  name: string;
  description: string;
  entity_ref: string | null;
  created_by: string;
  created_at: unknown;
  updated_at: unknown;
};

function toSystem(row: SystemRow): ShepherdSystem {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    entityRef: optional(row.entity_ref),
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export class DatabaseSystemsStore implements SystemsStore {
  constructor(private readonly db: Knex) {}

  async insert(system: ShepherdSystem): Promise<void> {
    await this.db('systems').insert({
      id: system.id,
      name: system.name,
      description: system.description,
      entity_ref: system.entityRef ?? null,
      created_by: system.createdBy,
      created_at: system.createdAt,
      updated_at: system.updatedAt,
    });
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db<SystemRow>('systems').where({ id }).first();
    return row && toSystem(row);
  }

  async getByName(name: string) {
    const row = await this.db<SystemRow>('systems').where({ name }).first();
    return row && toSystem(row);
  }

  async getByEntityRef(entityRef: string) {
    const row = await this.db<SystemRow>('systems')
      .where({ entity_ref: entityRef })
      .first();
    return row && toSystem(row);
  }

  async list(options: Parameters<SystemsStore['list']>[0]) {
    const query = this.db('systems')
      .select('systems.*')
      .orderBy('systems.name');
    if (options.entityRef) {
      query.whereRaw('lower(systems.entity_ref) = ?', [
        options.entityRef.toLowerCase(),
      ]);
    }
    if (options.search) {
      const pattern = likePattern(options.search.toLowerCase());
      query.where(builder =>
        builder
          .whereRaw("lower(systems.name) like ? escape '\\'", [pattern])
          .orWhereRaw("lower(systems.description) like ? escape '\\'", [
            pattern,
          ]),
      );
    }
    if (options.conditions) {
      applyPermissionFilter(
        query,
        options.conditions,
        { systemId: 'systems.id' },
        this.db,
      );
    }
    return fetchPage(query, options, toSystem);
  }

  async update(id: string, patch: { description: string; updatedAt: string }) {
    await this.db('systems')
      .where({ id })
      .update({ description: patch.description, updated_at: patch.updatedAt });
  }

  async delete(id: string) {
    await this.db('system_members').where({ system_id: id }).delete();
    await this.db('systems').where({ id }).delete();
  }
}
