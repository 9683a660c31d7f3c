import {
  MemberRole,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { TableMapping, columns } from '../../columns';
import { MembersStore } from './MembersStore';

const MEMBERS = new TableMapping<SystemMember>('system_members', {
  id: columns.text('id'),
  systemId: columns.text('system_id'),
  memberRef: columns.text('member_ref'),
  role: columns.text<MemberRole>('role'),
  grantedBy: columns.text('granted_by'),
  createdAt: columns.timestamp('created_at'),
  updatedAt: columns.timestamp('updated_at'),
});

export class DatabaseMembersStore implements MembersStore {
  constructor(private readonly db: Knex) {}

  async listForSystem(systemId: string) {
    const rows = await this.db(MEMBERS.table)
      .where({ system_id: systemId })
      .orderBy(['role', 'member_ref']);
    return rows.map(MEMBERS.read);
  }

  async listForSystems(systemIds: string[]) {
    const bySystem = new Map<string, SystemMember[]>(
      systemIds.map(id => [id, []]),
    );
    if (systemIds.length === 0) {
      return bySystem;
    }
    const rows = await this.db(MEMBERS.table).whereIn('system_id', systemIds);
    for (const row of rows) {
      bySystem.get(row.system_id)?.push(MEMBERS.read(row));
    }
    return bySystem;
  }

  async get(id: string) {
    const row = await this.db(MEMBERS.table).where({ id }).first();
    return row && MEMBERS.read(row);
  }

  async insert(member: SystemMember) {
    await this.db(MEMBERS.table).insert(MEMBERS.write(member));
  }

  async updateRole(id: string, patch: { role: MemberRole; updatedAt: string }) {
    await this.db('system_members')
      .where({ id })
      .update({ role: patch.role, updated_at: patch.updatedAt });
  }

  async delete(id: string) {
    await this.db('system_members').where({ id }).delete();
  }
}
