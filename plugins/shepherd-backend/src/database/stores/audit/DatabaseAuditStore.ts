import {
  AuditLogEntry,
  Environment,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { fromJson, isUuid, optional, toIso, toJson, whereId } from '../../rows';
import { fetchPage } from '../../paging';
import { AuditStore } from './AuditStore';

// Domain events
// VMs
// VM revisions
// Console grants
// Audit log

type AuditRow = {
  id: string;
  action: string;
  outcome: 'success' | 'failure';
  actor: string;
  resource_type: string;
  resource_id: string | null;
  resource_name: string | null;
  parent_type: string | null;
  parent_id: string | null;
  environment: Environment | null;
  ticket_id: string | null;
  details: string | null;
  created_at: unknown;
};

function toAuditEntry(row: AuditRow): AuditLogEntry {
  return {
    id: row.id,
    action: row.action,
    outcome: row.outcome,
    actor: row.actor,
    resourceType: row.resource_type,
    resourceId: optional(row.resource_id),
    resourceName: optional(row.resource_name),
    parentType: optional(row.parent_type),
    parentId: optional(row.parent_id),
    environment: optional(row.environment),
    ticketId: optional(row.ticket_id),
    details: fromJson<Record<string, unknown>>(row.details, {}),
    createdAt: toIso(row.created_at),
  };
}

export class DatabaseAuditStore implements AuditStore {
  constructor(private readonly db: Knex) {}

  async append(entry: AuditLogEntry) {
    await this.db('audit_logs').insert({
      id: entry.id,
      action: entry.action,
      outcome: entry.outcome,
      actor: entry.actor,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId ?? null,
      resource_name: entry.resourceName ?? null,
      parent_type: entry.parentType ?? null,
      parent_id: entry.parentId ?? null,
      environment: entry.environment ?? null,
      ticket_id: entry.ticketId ?? null,
      details: toJson(entry.details),
      created_at: entry.createdAt,
    });
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db<AuditRow>('audit_logs').where({ id }).first();
    return row && toAuditEntry(row);
  }

  async list(options: Parameters<AuditStore['list']>[0]) {
    const query = this.db('audit_logs')
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
    return fetchPage(query, options, toAuditEntry);
  }
}
