import {
  ConsoleGrant,
  normalizeEntityRef,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { TableMapping, columns } from '../../columns';
import { DatabaseRecordStore } from '../../DatabaseRecordStore';
import { ConsoleGrantsStore } from './ConsoleGrantsStore';

const CONSOLE_GRANTS = new TableMapping<ConsoleGrant>('console_grants', {
  id: columns.text('id'),
  vmId: columns.text('vm_id'),
  userRef: columns.entityRef('user_ref'),
  ticketId: columns.optionalText('ticket_id'),
  grantedBy: columns.text('granted_by'),
  expiresAt: columns.timestamp('expires_at'),
  createdAt: columns.timestamp('created_at'),
});

export class DatabaseConsoleGrantsStore
  extends DatabaseRecordStore<ConsoleGrant>
  implements ConsoleGrantsStore
{
  protected readonly mapping = CONSOLE_GRANTS;

  async findActive(vmId: string, userRef: string, now: string) {
    const grants = await this.findAll(
      this.selectRecords()
        .where({ vm_id: vmId, user_ref: normalizeEntityRef(userRef) })
        .whereNull('revoked_at'),
    );
    // Compared in the application: timestamps read back differ in type per engine.
    const active = grants
      .filter(grant => grant.expiresAt > now)
      .sort((a, b) => b.expiresAt.localeCompare(a.expiresAt));
    return active[0];
  }
}
