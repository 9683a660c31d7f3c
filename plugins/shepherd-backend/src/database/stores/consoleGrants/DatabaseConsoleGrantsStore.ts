import { ConsoleGrant } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { optional, toIso } from '../../rows';
import { ConsoleGrantsStore } from './ConsoleGrantsStore';

// Domain events
// VMs
// VM revisions
// Console grants

type ConsoleGrantRow = {
  id: string;
  vm_id: string;
  user_ref: string;
  ticket_id: string | null;
  granted_by: string;
  expires_at: unknown;
  created_at: unknown;
};

function toConsoleGrant(row: ConsoleGrantRow): ConsoleGrant {
  return {
    id: row.id,
    vmId: row.vm_id,
    userRef: row.user_ref,
    ticketId: optional(row.ticket_id),
    grantedBy: row.granted_by,
    expiresAt: toIso(row.expires_at),
    createdAt: toIso(row.created_at),
  };
}

export class DatabaseConsoleGrantsStore implements ConsoleGrantsStore {
  constructor(private readonly db: Knex) {}

  async insert(grant: ConsoleGrant) {
    await this.db('console_grants').insert({
      id: grant.id,
      vm_id: grant.vmId,
      user_ref: grant.userRef,
      ticket_id: grant.ticketId ?? null,
      granted_by: grant.grantedBy,
      expires_at: grant.expiresAt,
      created_at: grant.createdAt,
    });
  }

  async findActive(vmId: string, userRef: string, now: string) {
    const rows = await this.db<ConsoleGrantRow>('console_grants')
      .where({ vm_id: vmId, user_ref: userRef })
      .whereNull('revoked_at');
    // Compared in the application: timestamps read back differ in type per engine.
    const active = rows
      .map(toConsoleGrant)
      .filter(grant => grant.expiresAt > now)
      .sort((a, b) => b.expiresAt.localeCompare(a.expiresAt));
    return active[0];
  }
}
