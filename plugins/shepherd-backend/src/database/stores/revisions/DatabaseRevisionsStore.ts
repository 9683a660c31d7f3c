import { VmRevision } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { fromJson, optional, toIso, toJson } from '../../rows';
import { RevisionsStore } from './RevisionsStore';

// Domain events
// VMs
// VM revisions

export class DatabaseRevisionsStore implements RevisionsStore {
  constructor(private readonly db: Knex) {}

  async insert(revision: VmRevision) {
    await this.db('vm_revisions').insert({
      id: revision.id,
      vm_id: revision.vmId,
      revision: revision.revision,
      spec: toJson(revision.spec),
      change_reason: revision.changeReason,
      changed_by: revision.changedBy,
      ticket_id: revision.ticketId ?? null,
      created_at: revision.createdAt,
    });
  }

  async listForVm(vmId: string) {
    const rows = await this.db('vm_revisions')
      .where({ vm_id: vmId })
      .orderBy('revision');
    return rows.map(
      (row): VmRevision => ({
        id: row.id,
        vmId: row.vm_id,
        revision: Number(row.revision),
        spec: fromJson(row.spec, {} as VmRevision['spec']),
        changeReason: row.change_reason,
        changedBy: row.changed_by,
        ticketId: optional(row.ticket_id),
        createdAt: toIso(row.created_at),
      }),
    );
  }
}
