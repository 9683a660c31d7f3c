import { ConsoleGrant } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { TableMapping, columns } from '../../columns';
import { ConsoleGrantsStore } from './ConsoleGrantsStore';

const CONSOLE_GRANTS = new TableMapping<ConsoleGrant>('console_grants', {
  id: columns.text('id'),
  vmId: columns.text('vm_id'),
  userRef: columns.text('user_ref'),
  ticketId: columns.optionalText('ticket_id'),
  grantedBy: columns.text('granted_by'),
  expiresAt: columns.timestamp('expires_at'),
  createdAt: columns.timestamp('created_at'),
});

export class DatabaseConsoleGrantsStore implements ConsoleGrantsStore {
  constructor(private readonly db: Knex) {}

  async insert(grant: ConsoleGrant) {
    await this.db(CONSOLE_GRANTS.table).insert(CONSOLE_GRANTS.write(grant));
  }

  async findActive(vmId: string, userRef: string, now: string) {
    const rows = await this.db(CONSOLE_GRANTS.table)
      .where({ vm_id: vmId, user_ref: userRef })
      .whereNull('revoked_at');
    // Compared in the application: timestamps read back differ in type per engine.
    const active = rows
      .map(CONSOLE_GRANTS.read)
      .filter(grant => grant.expiresAt > now)
      .sort((a, b) => b.expiresAt.localeCompare(a.expiresAt));
    return active[0];
  }
}
