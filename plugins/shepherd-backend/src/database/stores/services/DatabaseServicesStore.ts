import { ShepherdService } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { TableMapping, columns } from '../../columns';
import { fetchPage, likePattern } from '../../paging';
import { applyPermissionFilter } from '../../permissionFilter';
import { isUuid, toCount, whereId } from '../../rows';
import { ServicesStore } from './ServicesStore';

/** A Service as its table keeps it: without its System's name, which is joined. */
const SERVICES = new TableMapping<Omit<ShepherdService, 'systemName'>>(
  'services',
  {
    id: columns.text('id'),
    systemId: columns.text('system_id'),
    name: columns.text('name'),
    description: columns.text('description'),
    entityRef: columns.optionalText('entity_ref'),
    nextInstanceIndex: columns.number('next_instance_index'),
    createdBy: columns.text('created_by'),
    createdAt: columns.timestamp('created_at'),
    updatedAt: columns.timestamp('updated_at'),
  },
);

function readService(row: Record<string, unknown>): ShepherdService {
  return { ...SERVICES.read(row), systemName: String(row.system_name) };
}

export class DatabaseServicesStore implements ServicesStore {
  constructor(private readonly db: Knex) {}

  private selectServices() {
    return this.db('services')
      .join('systems', 'systems.id', 'services.system_id')
      .select('services.*', { system_name: 'systems.name' });
  }

  async insert(service: Omit<ShepherdService, 'systemName'>) {
    await this.db(SERVICES.table).insert(SERVICES.write(service));
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.selectServices().where('services.id', id).first();
    return row && readService(row);
  }

  async getByName(systemId: string, name: string) {
    const row = await this.selectServices()
      .where({ 'services.system_id': systemId, 'services.name': name })
      .first();
    return row && readService(row);
  }

  async getByEntityRef(entityRef: string) {
    const row = await this.selectServices()
      .where('services.entity_ref', entityRef)
      .first();
    return row && readService(row);
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
    return fetchPage(query, options, readService);
  }

  async countForSystem(systemId: string) {
    const [{ count }] = await this.db('services')
      .where({ system_id: systemId })
      .count({ count: '*' });
    return toCount(count);
  }

  async update(id: string, patch: { description: string; updatedAt: string }) {
    await this.db('services').where({ id }).update(SERVICES.patch(patch));
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
