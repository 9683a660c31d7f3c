import {
  Environment,
  PowerAction,
  ShepherdTicket,
  TicketOperation,
  TicketStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { applyPermissionFilter } from '../../permissionFilter';
import {
  fromJson,
  fromJsonOrUndefined,
  isUuid,
  optional,
  toIso,
  toIsoOrUndefined,
  toJson,
  whereId,
} from '../../rows';
import { fetchPage } from '../../paging';
import { NewTicket, TicketsStore } from './TicketsStore';

// Tickets

type TicketRow = {
  id: string;
  event_id: string;
  operation: TicketOperation;
  status: TicketStatus;
  requester: string;
  approver: string | null;
  reason: string;
  reject_reason: string | null;
  decision_comment: string | null;
  environment: Environment;
  system_id: string;
  system_name: string;
  service_id: string;
  service_name: string;
  namespace: string;
  vm_id: string | null;
  vm_name: string | null;
  power_action: PowerAction | null;
  cluster_id: string | null;
  request_spec: string;
  template_snapshot: string | null;
  instance_size_snapshot: string | null;
  modified_spec: string | null;
  grant_minutes: number | null;
  created_at: unknown;
  updated_at: unknown;
  decided_at: unknown;
};

function toTicket(row: TicketRow): ShepherdTicket {
  return {
    id: row.id,
    eventId: row.event_id,
    operation: row.operation,
    status: row.status,
    requester: row.requester,
    approver: optional(row.approver),
    reason: row.reason,
    rejectReason: optional(row.reject_reason),
    decisionComment: optional(row.decision_comment),
    environment: row.environment,
    systemId: row.system_id,
    systemName: row.system_name,
    serviceId: row.service_id,
    serviceName: row.service_name,
    namespace: row.namespace,
    vmId: optional(row.vm_id),
    vmName: optional(row.vm_name),
    powerAction: optional(row.power_action),
    clusterId: optional(row.cluster_id),
    requestSpec: fromJson<Record<string, unknown>>(row.request_spec, {}),
    templateSnapshot: fromJsonOrUndefined(row.template_snapshot),
    instanceSizeSnapshot: fromJsonOrUndefined(row.instance_size_snapshot),
    modifiedSpec: fromJsonOrUndefined(row.modified_spec),
    grantMinutes:
      row.grant_minutes === null ? undefined : Number(row.grant_minutes),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    decidedAt: toIsoOrUndefined(row.decided_at),
  };
}

const TICKET_COLUMNS: Record<string, string> = {
  status: 'status',
  approver: 'approver',
  rejectReason: 'reject_reason',
  decisionComment: 'decision_comment',
  clusterId: 'cluster_id',
  vmId: 'vm_id',
  vmName: 'vm_name',
  templateSnapshot: 'template_snapshot',
  instanceSizeSnapshot: 'instance_size_snapshot',
  modifiedSpec: 'modified_spec',
  grantMinutes: 'grant_minutes',
  decidedAt: 'decided_at',
  updatedAt: 'updated_at',
};
const TICKET_JSON_FIELDS = new Set([
  'templateSnapshot',
  'instanceSizeSnapshot',
  'modifiedSpec',
]);

export class DatabaseTicketsStore implements TicketsStore {
  constructor(private readonly db: Knex) {}

  private selectTickets() {
    return this.db('tickets').select('tickets.*');
  }

  async insert(ticket: NewTicket) {
    await this.db('tickets').insert({
      id: ticket.id,
      event_id: ticket.eventId,
      operation: ticket.operation,
      status: ticket.status,
      requester: ticket.requester,
      approver: ticket.approver ?? null,
      reason: ticket.reason,
      reject_reason: ticket.rejectReason ?? null,
      decision_comment: ticket.decisionComment ?? null,
      environment: ticket.environment,
      system_id: ticket.systemId,
      system_name: ticket.systemName,
      service_id: ticket.serviceId,
      service_name: ticket.serviceName,
      namespace: ticket.namespace,
      vm_id: ticket.vmId ?? null,
      vm_name: ticket.vmName ?? null,
      power_action: ticket.powerAction ?? null,
      cluster_id: ticket.clusterId ?? null,
      dedupe_key: ticket.dedupeKey,
      request_spec: toJson(ticket.requestSpec),
      template_snapshot: ticket.templateSnapshot
        ? toJson(ticket.templateSnapshot)
        : null,
      instance_size_snapshot: ticket.instanceSizeSnapshot
        ? toJson(ticket.instanceSizeSnapshot)
        : null,
      modified_spec: ticket.modifiedSpec ? toJson(ticket.modifiedSpec) : null,
      grant_minutes: ticket.grantMinutes ?? null,
      created_at: ticket.createdAt,
      updated_at: ticket.updatedAt,
      decided_at: ticket.decidedAt ?? null,
    });
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.selectTickets().where('tickets.id', id).first();
    return row && toTicket(row);
  }

  async findPending(dedupeKey: string) {
    const row = await this.selectTickets()
      .where({ 'tickets.dedupe_key': dedupeKey, 'tickets.status': 'PENDING' })
      .first();
    return row && toTicket(row);
  }

  async list(options: Parameters<TicketsStore['list']>[0]) {
    const direction = options.oldestFirst ? 'asc' : 'desc';
    const query = this.selectTickets().orderBy([
      { column: 'tickets.created_at', order: direction },
      { column: 'tickets.id', order: direction },
    ]);
    if (options.requester) query.where('tickets.requester', options.requester);
    if (options.excludeRequester) {
      query.whereNot('tickets.requester', options.excludeRequester);
    }
    if (options.statuses) query.whereIn('tickets.status', options.statuses);
    if (options.operations)
      query.whereIn('tickets.operation', options.operations);
    if (options.systemId) whereId(query, 'tickets.system_id', options.systemId);
    if (options.serviceId)
      whereId(query, 'tickets.service_id', options.serviceId);
    if (options.vmId) whereId(query, 'tickets.vm_id', options.vmId);
    if (options.conditions) {
      applyPermissionFilter(
        query,
        options.conditions,
        {
          systemId: 'tickets.system_id',
          environment: 'tickets.environment',
          requester: 'tickets.requester',
          ticketStatus: 'tickets.status',
        },
        this.db,
      );
    }
    return fetchPage(query, options, toTicket);
  }

  async transition(
    id: string,
    from: TicketStatus[],
    patch: Parameters<TicketsStore['transition']>[2],
  ) {
    const row: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      row[TICKET_COLUMNS[key]] = TICKET_JSON_FIELDS.has(key)
        ? toJson(value)
        : value;
    }
    const updated = await this.db('tickets')
      .where({ id })
      .whereIn('status', from)
      .update(row);
    return updated === 1;
  }
}

// Domain events
// VMs
// VM revisions
// Console grants
// Audit log
