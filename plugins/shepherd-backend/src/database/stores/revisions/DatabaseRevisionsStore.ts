import { VmRevision } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { TableMapping, columns } from '../../columns';
import { RevisionsStore } from './RevisionsStore';

const REVISIONS = new TableMapping<VmRevision>('vm_revisions', {
  id: columns.text('id'),
  vmId: columns.text('vm_id'),
  revision: columns.number('revision'),
  spec: columns.json('spec', {} as VmRevision['spec']),
  changeReason: columns.text('change_reason'),
  changedBy: columns.text('changed_by'),
  ticketId: columns.optionalText('ticket_id'),
  createdAt: columns.timestamp('created_at'),
});

export class DatabaseRevisionsStore implements RevisionsStore {
  constructor(private readonly db: Knex) {}

  async insert(revision: VmRevision) {
    await this.db(REVISIONS.table).insert(REVISIONS.write(revision));
  }

  async listForVm(vmId: string) {
    const rows = await this.db(REVISIONS.table)
      .where({ vm_id: vmId })
      .orderBy('revision');
    return rows.map(REVISIONS.read);
  }
}
