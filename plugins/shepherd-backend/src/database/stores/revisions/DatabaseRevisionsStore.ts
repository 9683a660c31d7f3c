import { VmRevision } from '@kubevirt-shepherd/plugin-shepherd-common';
import { TableMapping, columns } from '../../columns';
import { DatabaseRecordStore } from '../../DatabaseRecordStore';
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

export class DatabaseRevisionsStore
  extends DatabaseRecordStore<VmRevision>
  implements RevisionsStore
{
  protected readonly mapping = REVISIONS;

  async listForVm(vmId: string) {
    return this.findAll(
      this.selectRecords().where({ vm_id: vmId }).orderBy('revision'),
    );
  }
}
