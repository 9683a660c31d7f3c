import {
  AuditLogEntry,
  ConsoleGrant,
  DomainEventStatus,
  DomainEventType,
  Environment,
  PowerAction,
  ShepherdDomainEvent,
  ShepherdTicket,
  ShepherdVm,
  TicketOperation,
  TicketStatus,
  VmRevision,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { applyPermissionFilter } from '../permissionFilter';
import {
  coresToMillicores,
  fromJson,
  fromJsonOrUndefined,
  gibToMib,
  millicoresToCores,
  mibToGib,
  optional,
  toCount,
  toIso,
  isUuid,
  toIsoOrUndefined,
  toJson,
  whereId,
} from '../rows';
import {
  AuditStore,
  ConsoleGrantsStore,
  EventsStore,
  NewTicket,
  NewVm,
  RevisionsStore,
  TicketsStore,
  VmsStore,
} from '../types';
import { fetchPage, likePattern } from './paging';

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

type EventRow = {
  id: string;
  event_type: DomainEventType;
  aggregate_type: string;
  aggregate_id: string;
  payload: string;
  status: DomainEventStatus;
  error_message: string | null;
  created_by: string;
  created_at: unknown;
  processed_at: unknown;
  archived_at: unknown;
};

function toEvent(row: EventRow): ShepherdDomainEvent {
  return {
    id: row.id,
    type: row.event_type,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    payload: fromJson<Record<string, unknown>>(row.payload, {}),
    status: row.status,
    errorMessage: optional(row.error_message),
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    processedAt: toIsoOrUndefined(row.processed_at),
    archivedAt: toIsoOrUndefined(row.archived_at),
  };
}

export class DatabaseEventsStore implements EventsStore {
  constructor(private readonly db: Knex) {}

  async insert(event: ShepherdDomainEvent) {
    await this.db('domain_events').insert({
      id: event.id,
      event_type: event.type,
      aggregate_type: event.aggregateType,
      aggregate_id: event.aggregateId,
      payload: toJson(event.payload),
      status: event.status,
      error_message: event.errorMessage ?? null,
      created_by: event.createdBy,
      created_at: event.createdAt,
      processed_at: event.processedAt ?? null,
      archived_at: event.archivedAt ?? null,
    });
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db<EventRow>('domain_events').where({ id }).first();
    return row && toEvent(row);
  }

  async listForAggregate(aggregateType: string, aggregateId: string) {
    const rows = await this.db<EventRow>('domain_events')
      .where({ aggregate_type: aggregateType, aggregate_id: aggregateId })
      .orderBy([{ column: 'created_at' }, { column: 'id' }]);
    return rows.map(toEvent);
  }

  async listByIds(ids: string[]) {
    if (ids.length === 0) return [];
    const rows = await this.db<EventRow>('domain_events')
      .whereIn('id', ids)
      .orderBy([{ column: 'created_at' }, { column: 'id' }]);
    return rows.map(toEvent);
  }

  async archiveTerminal(before: string, now: string) {
    return this.db('domain_events')
      .whereIn('status', ['COMPLETED', 'FAILED', 'CANCELLED'])
      .whereNull('archived_at')
      .where('created_at', '<', before)
      .update({ archived_at: now });
  }

  async transition(
    id: string,
    from: DomainEventStatus[],
    patch: Parameters<EventsStore['transition']>[2],
  ) {
    const updated = await this.db('domain_events')
      .where({ id })
      .whereIn('status', from)
      .update({
        status: patch.status,
        ...(patch.errorMessage !== undefined && {
          error_message: patch.errorMessage,
        }),
        ...(patch.processedAt !== undefined && {
          processed_at: patch.processedAt,
        }),
      });
    return updated === 1;
  }
}

// VMs

type VmRow = {
  id: string;
  name: string;
  namespace: string;
  environment: Environment;
  instance: string;
  status: VmStatus;
  status_message: string | null;
  system_id: string;
  system_name: string;
  service_id: string;
  service_name: string;
  cluster_id: string | null;
  cluster_name: string | null;
  ticket_id: string;
  created_by: string;
  template_id: string;
  instance_size_id: string;
  cpu_millicores: number;
  cpu_request_millicores: number;
  memory_mib: number;
  memory_request_mib: number;
  disk_gb: number;
  storage_class: string | null;
  created_at: unknown;
  updated_at: unknown;
};

function toVm(row: VmRow): ShepherdVm {
  return {
    id: row.id,
    name: row.name,
    namespace: row.namespace,
    environment: row.environment,
    instance: row.instance,
    status: row.status,
    statusMessage: optional(row.status_message),
    systemId: row.system_id,
    systemName: row.system_name,
    serviceId: row.service_id,
    serviceName: row.service_name,
    clusterId: optional(row.cluster_id),
    clusterName: optional(row.cluster_name),
    ticketId: row.ticket_id,
    createdBy: row.created_by,
    templateId: row.template_id,
    instanceSizeId: row.instance_size_id,
    cpuCores: millicoresToCores(Number(row.cpu_millicores)),
    cpuRequest: millicoresToCores(Number(row.cpu_request_millicores)),
    memoryGi: mibToGib(Number(row.memory_mib)),
    memoryRequestGi: mibToGib(Number(row.memory_request_mib)),
    diskGb: Number(row.disk_gb),
    storageClass: optional(row.storage_class),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export class DatabaseVmsStore implements VmsStore {
  constructor(private readonly db: Knex) {}

  private selectVms() {
    return this.db('vms')
      .join('systems', 'systems.id', 'vms.system_id')
      .join('services', 'services.id', 'vms.service_id')
      .leftJoin('clusters', 'clusters.id', 'vms.cluster_id')
      .select('vms.*', {
        system_name: 'systems.name',
        service_name: 'services.name',
        cluster_name: 'clusters.name',
      });
  }

  async insert(vm: NewVm) {
    await this.db('vms').insert({
      id: vm.id,
      name: vm.name,
      namespace: vm.namespace,
      environment: vm.environment,
      instance: vm.instance,
      status: vm.status,
      status_message: vm.statusMessage ?? null,
      system_id: vm.systemId,
      service_id: vm.serviceId,
      cluster_id: vm.clusterId ?? null,
      ticket_id: vm.ticketId,
      created_by: vm.createdBy,
      template_id: vm.templateId,
      instance_size_id: vm.instanceSizeId,
      cpu_millicores: coresToMillicores(vm.cpuCores),
      cpu_request_millicores: coresToMillicores(vm.cpuRequest),
      memory_mib: gibToMib(vm.memoryGi),
      memory_request_mib: gibToMib(vm.memoryRequestGi),
      disk_gb: vm.diskGb,
      storage_class: vm.storageClass ?? null,
      created_at: vm.createdAt,
      updated_at: vm.updatedAt,
    });
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.selectVms().where('vms.id', id).first();
    return row && toVm(row);
  }

  async list(options: Parameters<VmsStore['list']>[0]) {
    const query = this.selectVms().orderBy([
      { column: 'vms.namespace' },
      { column: 'vms.name' },
    ]);
    if (options.systemId) whereId(query, 'vms.system_id', options.systemId);
    if (options.serviceId) whereId(query, 'vms.service_id', options.serviceId);
    if (options.namespace) query.where('vms.namespace', options.namespace);
    if (options.environment)
      query.where('vms.environment', options.environment);
    if (options.statuses) query.whereIn('vms.status', options.statuses);
    if (options.clusterId) whereId(query, 'vms.cluster_id', options.clusterId);
    if (options.search) {
      query.whereRaw("lower(vms.name) like ? escape '\\'", [
        likePattern(options.search.toLowerCase()),
      ]);
    }
    if (options.conditions) {
      applyPermissionFilter(
        query,
        options.conditions,
        {
          systemId: 'vms.system_id',
          environment: 'vms.environment',
          requester: 'vms.created_by',
        },
        this.db,
      );
    }
    return fetchPage(query, options, toVm);
  }

  async count(filter: Parameters<VmsStore['count']>[0]) {
    const query = this.db('vms');
    if (filter.serviceId) whereId(query, 'service_id', filter.serviceId);
    if (filter.namespace) query.where('namespace', filter.namespace);
    if (filter.clusterId) whereId(query, 'cluster_id', filter.clusterId);
    const [{ count }] = await query.count({ count: '*' });
    return toCount(count);
  }

  async update(id: string, patch: Parameters<VmsStore['update']>[1]) {
    const row: Record<string, unknown> = { updated_at: patch.updatedAt };
    if (patch.status !== undefined) row.status = patch.status;
    if (patch.statusMessage !== undefined)
      row.status_message = patch.statusMessage;
    if (patch.cpuCores !== undefined)
      row.cpu_millicores = coresToMillicores(patch.cpuCores);
    if (patch.cpuRequest !== undefined)
      row.cpu_request_millicores = coresToMillicores(patch.cpuRequest);
    if (patch.memoryGi !== undefined) row.memory_mib = gibToMib(patch.memoryGi);
    if (patch.memoryRequestGi !== undefined)
      row.memory_request_mib = gibToMib(patch.memoryRequestGi);
    if (patch.diskGb !== undefined) row.disk_gb = patch.diskGb;
    await this.db('vms').where({ id }).update(row);
  }

  async delete(id: string) {
    await this.db('vm_revisions').where({ vm_id: id }).delete();
    await this.db('vms').where({ id }).delete();
  }

  async listForStatusSync(page: { offset: number; limit: number }) {
    const rows: Array<
      VmRow & { resource_version: string | null; last_polled_at: unknown }
    > = await this.selectVms()
      .orderBy('vms.id')
      .offset(page.offset)
      .limit(page.limit);
    return rows.map(row => ({
      vm: toVm(row),
      lastPolledAt: toIsoOrUndefined(row.last_polled_at),
      resourceVersion: optional(row.resource_version),
    }));
  }

  async recordPoll(id: string, poll: Parameters<VmsStore['recordPoll']>[1]) {
    const bookkeeping = {
      last_polled_at: poll.lastPolledAt,
      resource_version: poll.resourceVersion ?? null,
    };
    if (poll.status === undefined) {
      await this.db('vms').where({ id }).update(bookkeeping);
      return false;
    }
    const written = await this.db('vms')
      .where({ id, status: poll.polledStatus })
      .update({
        ...bookkeeping,
        status: poll.status,
        status_message: poll.statusMessage ?? null,
        updated_at: poll.updatedAt,
      });
    if (written === 0) {
      await this.db('vms').where({ id }).update(bookkeeping);
    }
    return written === 1;
  }
}

// VM revisions

export class DatabaseRevisionsStore implements RevisionsStore {
  constructor(private readonly db: Knex) {}

  async insert(revision: VmRevision) {
    await this.db('vm_revisions').insert({
      id: revision.id,
      vm_id: revision.vmId,
      revision: revision.revision,
      spec: toJson(revision.spec),
      change_reason: revision.changeReason,
      changed_by: revision.changedBy,
      ticket_id: revision.ticketId ?? null,
      created_at: revision.createdAt,
    });
  }

  async listForVm(vmId: string) {
    const rows = await this.db('vm_revisions')
      .where({ vm_id: vmId })
      .orderBy('revision');
    return rows.map(
      (row): VmRevision => ({
        id: row.id,
        vmId: row.vm_id,
        revision: Number(row.revision),
        spec: fromJson(row.spec, {} as VmRevision['spec']),
        changeReason: row.change_reason,
        changedBy: row.changed_by,
        ticketId: optional(row.ticket_id),
        createdAt: toIso(row.created_at),
      }),
    );
  }
}

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
