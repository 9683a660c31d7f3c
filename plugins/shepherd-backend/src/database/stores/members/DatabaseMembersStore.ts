import {
  MemberRole,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { TIMESTAMP_COLUMNS, TableMapping, columns } from '../../columns';
import { DatabaseRecordStore } from '../../DatabaseRecordStore';
import { MembersStore } from './MembersStore';

const MEMBERS = new TableMapping<SystemMember>('system_members', {
  id: columns.text('id'),
  systemId: columns.text('system_id'),
  memberRef: columns.entityRef('member_ref'),
  role: columns.text<MemberRole>('role'),
  grantedBy: columns.text('granted_by'),
  ...TIMESTAMP_COLUMNS,
});

export class DatabaseMembersStore
  extends DatabaseRecordStore<SystemMember>
  implements MembersStore
{
  protected readonly mapping = MEMBERS;

  async listForSystem(systemId: string) {
    return this.findAll(
      this.selectRecords()
        .where({ system_id: systemId })
        .orderBy(['role', 'member_ref']),
    );
  }

  async listForSystems(systemIds: string[]) {
    const bySystem = new Map<string, SystemMember[]>(
      systemIds.map(id => [id, []]),
    );
    if (systemIds.length === 0) {
      return bySystem;
    }
    const members = await this.findAll(
      this.selectRecords().whereIn('system_id', systemIds),
    );
    for (const member of members) {
      bySystem.get(member.systemId)?.push(member);
    }
    return bySystem;
  }

  async updateRole(id: string, patch: { role: MemberRole; updatedAt: string }) {
    await this.updateRecord(id, patch);
  }

  async delete(id: string) {
    await this.deleteRecord(id);
  }
}
