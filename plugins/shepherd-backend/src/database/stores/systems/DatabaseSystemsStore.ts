import { ShepherdSystem } from '@kubevirt-shepherd/plugin-shepherd-common';
import { AUTHORSHIP_COLUMNS, TableMapping, columns } from '../../columns';
import { databaseEngineOf } from '../../engine';
import { DatabaseNamedRecordStore } from '../../DatabaseRecordStore';
import { whereEntityAndSearch } from '../../filters';
import { SystemsStore } from './SystemsStore';

const SYSTEMS = new TableMapping<ShepherdSystem>('systems', {
  id: columns.text('id'),
  name: columns.text('name'),
  description: columns.text('description'),
  entityRef: columns.optionalText('entity_ref'),
  ...AUTHORSHIP_COLUMNS,
});

export class DatabaseSystemsStore
  extends DatabaseNamedRecordStore<ShepherdSystem>
  implements SystemsStore
{
  protected readonly mapping = SYSTEMS;

  async getByEntityRef(entityRef: string) {
    return this.findOne({ entity_ref: entityRef });
  }

  async list(options: Parameters<SystemsStore['list']>[0]) {
    const query = this.selectRecords().orderBy('systems.name');
    whereEntityAndSearch(query, SYSTEMS.table, options);
    return this.page(query, options, { systemId: 'systems.id' });
  }

  async lockForUpdate(id: string) {
    if (databaseEngineOf(this.db) === 'postgres') {
      // A row lock: a second unit of work asking for it waits until the first commits, then
      // reads what it committed (each statement of READ COMMITTED sees the latest commits).
      await this.db(SYSTEMS.table).select('id').where({ id }).forUpdate();
    } else {
      // SQLite has one writer at a time, but BEGIN is deferred: a transaction only becomes
      // the writer at its first write, after it has read. A write that changes nothing makes
      // it the writer before it reads the members.
      await this.db(SYSTEMS.table)
        .where({ id })
        .update({ id: this.db.ref('id') });
    }
  }

  async update(id: string, patch: { description: string; updatedAt: string }) {
    await this.updateRecord(id, patch);
  }

  async delete(id: string) {
    await this.db('system_members').where({ system_id: id }).delete();
    await super.delete(id);
  }
}
