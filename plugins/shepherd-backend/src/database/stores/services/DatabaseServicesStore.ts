import { ShepherdService } from '@kubevirt-shepherd/plugin-shepherd-common';
import { AUTHORSHIP_COLUMNS, TableMapping, columns } from '../../columns';
import { DatabaseRecordStore, RecordView } from '../../DatabaseRecordStore';
import { whereEntityAndSearch, whereIds } from '../../filters';
import { toCount } from '../../rows';
import { ServicesStore } from './ServicesStore';

/** A Service as its table keeps it: without its System's name, which is joined. */
type StoredService = Omit<ShepherdService, 'systemName'>;

const SERVICES = new TableMapping<StoredService>('services', {
  id: columns.text('id'),
  systemId: columns.text('system_id'),
  name: columns.text('name'),
  description: columns.text('description'),
  entityRef: columns.optionalText('entity_ref'),
  nextInstanceIndex: columns.number('next_instance_index'),
  ...AUTHORSHIP_COLUMNS,
});

/** Services with the name of their System. */
const SERVICE_VIEW: RecordView<ShepherdService> = {
  select: db =>
    db('services')
      .join('systems', 'systems.id', 'services.system_id')
      .select('services.*', { system_name: 'systems.name' }),
  read: row => ({
    ...SERVICES.read(row),
    systemName: String(row.system_name),
  }),
};

export class DatabaseServicesStore
  extends DatabaseRecordStore<StoredService, ShepherdService>
  implements ServicesStore
{
  protected readonly mapping = SERVICES;

  protected get view() {
    return SERVICE_VIEW;
  }

  async getByName(systemId: string, name: string) {
    return this.findOne({
      'services.system_id': systemId,
      'services.name': name,
    });
  }

  async getByEntityRef(entityRef: string) {
    return this.findOne({ 'services.entity_ref': entityRef });
  }

  async list(options: Parameters<ServicesStore['list']>[0]) {
    const query = this.selectRecords().orderBy([
      { column: 'systems.name' },
      { column: 'services.name' },
    ]);
    whereIds(query, { 'services.system_id': options.systemId });
    whereEntityAndSearch(query, SERVICES.table, options);
    return this.page(query, options, { systemId: 'services.system_id' });
  }

  async countForSystem(systemId: string) {
    const [{ count }] = await this.db(SERVICES.table)
      .where({ system_id: systemId })
      .count({ count: '*' });
    return toCount(count);
  }

  async update(id: string, patch: { description: string; updatedAt: string }) {
    await this.updateRecord(id, patch);
  }

  async delete(id: string) {
    await this.deleteRecord(id);
  }

  async takeInstanceIndex(id: string): Promise<number> {
    // A single UPDATE … RETURNING: the row lock (PostgreSQL) or the single writer (SQLite)
    // makes the read-and-increment atomic across concurrent approvals.
    const rows: Array<{ next_instance_index: number }> = await this.db(
      SERVICES.table,
    )
      .where({ id })
      .increment('next_instance_index', 1)
      .returning(['next_instance_index']);
    if (rows.length !== 1) {
      throw new Error(`Service ${id} does not exist`);
    }
    return Number(rows[0].next_instance_index) - 1;
  }

  async listByVmNameStem(stem: string) {
    // Names never hold `--`, so only a System that is a dash-separated prefix of the stem can
    // form it; the concatenation is standard SQL on both SQLite and PostgreSQL.
    const rows: Array<{ id: string; created_at: string | Date }> =
      await this.db(SERVICES.table)
        .join('systems', 'systems.id', 'services.system_id')
        .whereRaw(`systems.name || '-' || services.name = ?`, [stem])
        .select('services.id', 'services.created_at')
        .orderBy([
          { column: 'services.created_at' },
          { column: 'services.id' },
        ]);
    return rows.map(row => ({
      id: row.id,
      createdAt: new Date(row.created_at).toISOString(),
    }));
  }

  async skipInstanceIndex(id: string, index: number): Promise<boolean> {
    const updated = await this.db(SERVICES.table)
      .where({ id, next_instance_index: index })
      .increment('next_instance_index', 1);
    return updated === 1;
  }
}
