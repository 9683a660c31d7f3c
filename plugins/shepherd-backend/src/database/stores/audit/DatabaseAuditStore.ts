import {
  AuditLogEntry,
  Environment,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { TableMapping, columns } from '../../columns';
import { DatabaseTableStore } from '../../DatabaseRecordStore';
import { whereEquals, whereIds } from '../../filters';
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

export class DatabaseAuditStore
  extends DatabaseTableStore<AuditLogEntry>
  implements AuditStore
{
  protected readonly mapping = AUDIT_LOGS;

  async append(entry: AuditLogEntry) {
    await this.insertRecord(entry);
  }

  async list(options: Parameters<AuditStore['list']>[0]) {
    const query = this.selectRecords().orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
    whereEquals(query, {
      action: options.action,
      actor: options.actor,
      resource_type: options.resourceType,
      resource_id: options.resourceId,
      outcome: options.outcome,
    });
    whereIds(query, { ticket_id: options.ticketId });
    if (options.from) query.where('created_at', '>=', options.from);
    if (options.to) query.where('created_at', '<', options.to);
    return this.page(query, options);
  }
}
