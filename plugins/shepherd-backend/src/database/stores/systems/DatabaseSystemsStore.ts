import { ShepherdSystem } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { TableMapping, columns } from '../../columns';
import { fetchPage, likePattern } from '../../paging';
import { applyPermissionFilter } from '../../permissionFilter';
import { isUuid } from '../../rows';
import { SystemsStore } from './SystemsStore';

const SYSTEMS = new TableMapping<ShepherdSystem>('systems', {
  id: columns.text('id'),
  name: columns.text('name'),
  description: columns.text('description'),
  entityRef: columns.optionalText('entity_ref'),
  createdBy: columns.text('created_by'),
  createdAt: columns.timestamp('created_at'),
  updatedAt: columns.timestamp('updated_at'),
});

export class DatabaseSystemsStore implements SystemsStore {
  constructor(private readonly db: Knex) {}

  async insert(system: ShepherdSystem): Promise<void> {
    await this.db(SYSTEMS.table).insert(SYSTEMS.write(system));
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db(SYSTEMS.table).where({ id }).first();
    return row && SYSTEMS.read(row);
  }

  async getByName(name: string) {
    const row = await this.db(SYSTEMS.table).where({ name }).first();
    return row && SYSTEMS.read(row);
  }

  async getByEntityRef(entityRef: string) {
    const row = await this.db(SYSTEMS.table)
      .where({ entity_ref: entityRef })
      .first();
    return row && SYSTEMS.read(row);
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
    return fetchPage(query, options, SYSTEMS.read);
  }

  async update(id: string, patch: { description: string; updatedAt: string }) {
    await this.db('systems').where({ id }).update(SYSTEMS.patch(patch));
  }

  async delete(id: string) {
    await this.db('system_members').where({ system_id: id }).delete();
    await this.db('systems').where({ id }).delete();
  }
}
