import {
  MemberRole,
  ShepherdService,
  ShepherdSystem,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { applyPermissionFilter } from '../permissionFilter';
import { isUuid, optional, toCount, toIso, whereId } from '../rows';
import { MembersStore, ServicesStore, SystemsStore } from '../types';
import { fetchPage, likePattern } from './paging';

type SystemRow = {
  id: string;
  name: string;
  description: string;
  entity_ref: string | null;
  created_by: string;
  created_at: unknown;
  updated_at: unknown;
};

function toSystem(row: SystemRow): ShepherdSystem {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    entityRef: optional(row.entity_ref),
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export class DatabaseSystemsStore implements SystemsStore {
  constructor(private readonly db: Knex) {}

  async insert(system: ShepherdSystem): Promise<void> {
    await this.db('systems').insert({
      id: system.id,
      name: system.name,
      description: system.description,
      entity_ref: system.entityRef ?? null,
      created_by: system.createdBy,
      created_at: system.createdAt,
      updated_at: system.updatedAt,
    });
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db<SystemRow>('systems').where({ id }).first();
    return row && toSystem(row);
  }

  async getByName(name: string) {
    const row = await this.db<SystemRow>('systems').where({ name }).first();
    return row && toSystem(row);
  }

  async getByEntityRef(entityRef: string) {
    const row = await this.db<SystemRow>('systems')
      .where({ entity_ref: entityRef })
      .first();
    return row && toSystem(row);
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
    return fetchPage(query, options, toSystem);
  }

  async update(id: string, patch: { description: string; updatedAt: string }) {
    await this.db('systems')
      .where({ id })
      .update({ description: patch.description, updated_at: patch.updatedAt });
  }

  async delete(id: string) {
    await this.db('system_members').where({ system_id: id }).delete();
    await this.db('systems').where({ id }).delete();
  }
}

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

type ServiceRow = {
  id: string;
  system_id: string;
  system_name: string;
  name: string;
  description: string;
  entity_ref: string | null;
  next_instance_index: number;
  created_by: string;
  created_at: unknown;
  updated_at: unknown;
};

function toService(row: ServiceRow): ShepherdService {
  return {
    id: row.id,
    systemId: row.system_id,
    systemName: row.system_name,
    name: row.name,
    description: row.description,
    entityRef: optional(row.entity_ref),
    nextInstanceIndex: Number(row.next_instance_index),
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export class DatabaseServicesStore implements ServicesStore {
  constructor(private readonly db: Knex) {}

  private selectServices() {
    return this.db('services')
      .join('systems', 'systems.id', 'services.system_id')
      .select('services.*', { system_name: 'systems.name' });
  }

  async insert(service: Omit<ShepherdService, 'systemName'>) {
    await this.db('services').insert({
      id: service.id,
      system_id: service.systemId,
      name: service.name,
      description: service.description,
      entity_ref: service.entityRef ?? null,
      next_instance_index: service.nextInstanceIndex,
      created_by: service.createdBy,
      created_at: service.createdAt,
      updated_at: service.updatedAt,
    });
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.selectServices().where('services.id', id).first();
    return row && toService(row);
  }

  async getByName(systemId: string, name: string) {
    const row = await this.selectServices()
      .where({ 'services.system_id': systemId, 'services.name': name })
      .first();
    return row && toService(row);
  }

  async getByEntityRef(entityRef: string) {
    const row = await this.selectServices()
      .where('services.entity_ref', entityRef)
      .first();
    return row && toService(row);
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
    return fetchPage(query, options, toService);
  }

  async countForSystem(systemId: string) {
    const [{ count }] = await this.db('services')
      .where({ system_id: systemId })
      .count({ count: '*' });
    return toCount(count);
  }

  async update(id: string, patch: { description: string; updatedAt: string }) {
    await this.db('services')
      .where({ id })
      .update({ description: patch.description, updated_at: patch.updatedAt });
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
