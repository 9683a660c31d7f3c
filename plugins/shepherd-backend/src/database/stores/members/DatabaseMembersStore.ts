import {
  MemberRole,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { toIso } from '../../rows';
import { MembersStore } from './MembersStore';

type MemberRow = {
  id: string;
  system_id: string;
  member_ref: string;
  role: MemberRole;
  granted_by: string;
  created_at: unknown;
  updated_at: unknown;
};

function toMember(row: MemberRow): SystemMember {
  return {
    id: row.id,
    systemId: row.system_id,
    memberRef: row.member_ref,
    role: row.role,
    grantedBy: row.granted_by,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export class DatabaseMembersStore implements MembersStore {
  constructor(private readonly db: Knex) {}

  async listForSystem(systemId: string) {
    const rows = await this.db<MemberRow>('system_members')
      .where({ system_id: systemId })
      .orderBy(['role', 'member_ref']);
    return rows.map(toMember);
  }

  async listForSystems(systemIds: string[]) {
    const bySystem = new Map<string, SystemMember[]>(
      systemIds.map(id => [id, []]),
    );
    if (systemIds.length === 0) {
      return bySystem;
    }
    const rows = await this.db<MemberRow>('system_members').whereIn(
      'system_id',
      systemIds,
    );
    for (const row of rows) {
      bySystem.get(row.system_id)?.push(toMember(row));
    }
    return bySystem;
  }

  async get(id: string) {
    const row = await this.db<MemberRow>('system_members')
      .where({ id })
      .first();
    return row && toMember(row);
  }

  async insert(member: SystemMember) {
    await this.db('system_members').insert({
      id: member.id,
      system_id: member.systemId,
      member_ref: member.memberRef,
      role: member.role,
      granted_by: member.grantedBy,
      created_at: member.createdAt,
      updated_at: member.updatedAt,
    });
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
