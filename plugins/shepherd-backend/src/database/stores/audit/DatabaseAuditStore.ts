import {
  AuditLogEntry,
  Environment,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { isUuid, whereId } from '../../rows';
import { TableMapping, columns } from '../../columns';
import { fetchPage } from '../../paging';
import { AuditStore } from './AuditStore';

const AUDIT_LOGS = new TableMapping<AuditLogEntry>('audit_logs', {
  id: columns.text('id'),
  action: columns.text('action'),
  outcome: columns.text<AuditLogEntry['outcome']>('outcome'),
  actor: columns.text('actor'),
  resourceType: columns.text('resource_type'),
  resourceId: columns.optionalText('resource_id'),
  resourceName: columns.optionalText('resource_name'),
  parentType: columns.optionalText('parent_type'),
  parentId: columns.optionalText('parent_id'),
  environment: columns.optionalText<Environment>('environment'),
  ticketId: columns.optionalText('ticket_id'),
  details: columns.json<Record<string, unknown>>('details', {}),
  createdAt: columns.timestamp('created_at'),
});

export class DatabaseAuditStore implements AuditStore {
  constructor(private readonly db: Knex) {}

  async append(entry: AuditLogEntry) {
    await this.db(AUDIT_LOGS.table).insert(AUDIT_LOGS.write(entry));
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db(AUDIT_LOGS.table).where({ id }).first();
    return row && AUDIT_LOGS.read(row);
  }

  async list(options: Parameters<AuditStore['list']>[0]) {
    const query = this.db(AUDIT_LOGS.table)
      .select('*')
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    if (options.action) query.where('action', options.action);
    if (options.actor) query.where('actor', options.actor);
    if (options.resourceType)
      query.where('resource_type', options.resourceType);
    if (options.resourceId) query.where('resource_id', options.resourceId);
    if (options.ticketId) whereId(query, 'ticket_id', options.ticketId);
    if (options.outcome) query.where('outcome', options.outcome);
    if (options.from) query.where('created_at', '>=', options.from);
    if (options.to) query.where('created_at', '<', options.to);
    return fetchPage(query, options, AUDIT_LOGS.read);
  }
}
