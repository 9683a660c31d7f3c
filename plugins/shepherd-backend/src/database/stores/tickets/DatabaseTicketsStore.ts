import {
  Environment,
  normalizeEntityRef,
  PowerAction,
  ShepherdTicket,
  TicketOperation,
  TicketOrderBy,
  TicketStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { TIMESTAMP_COLUMNS, TableMapping, columns } from '../../columns';
import { DatabaseTableStore } from '../../DatabaseRecordStore';
import {
  whereContains,
  whereEquals,
  whereIds,
  whereOneOf,
} from '../../filters';
import { orderList } from '../../sorting';
import { NewTicket, TicketsStore } from './TicketsStore';

const TICKETS = new TableMapping<ShepherdTicket>('tickets', {
  id: columns.text('id'),
  eventId: columns.text('event_id'),
  operation: columns.text<TicketOperation>('operation'),
  status: columns.text<TicketStatus>('status'),
  requester: columns.entityRef('requester'),
  approver: columns.optionalEntityRef('approver'),
  reason: columns.text('reason'),
  rejectReason: columns.optionalText('reject_reason'),
  decisionComment: columns.optionalText('decision_comment'),
  environment: columns.text<Environment>('environment'),
  systemId: columns.text('system_id'),
  systemName: columns.text('system_name'),
  serviceId: columns.text('service_id'),
  serviceName: columns.text('service_name'),
  namespace: columns.text('namespace'),
  vmId: columns.optionalText('vm_id'),
  vmName: columns.optionalText('vm_name'),
  powerAction: columns.optionalText<PowerAction>('power_action'),
  clusterId: columns.optionalText('cluster_id'),
  requestSpec: columns.json<Record<string, unknown>>('request_spec', {}),
  templateSnapshot:
    columns.optionalJson<NonNullable<ShepherdTicket['templateSnapshot']>>(
      'template_snapshot',
    ),
  instanceSizeSnapshot: columns.optionalJson<
    NonNullable<ShepherdTicket['instanceSizeSnapshot']>
  >('instance_size_snapshot'),
  modifiedSpec:
    columns.optionalJson<NonNullable<ShepherdTicket['modifiedSpec']>>(
      'modified_spec',
    ),
  grantMinutes: columns.optionalNumber('grant_minutes'),
  ...TIMESTAMP_COLUMNS,
  decidedAt: columns.optionalTimestamp('decided_at'),
});

/** The columns lists of tickets can be ordered by (the API's TicketOrderBy). */
const TICKET_SORT_COLUMNS: Record<TicketOrderBy, string> = {
  vmName: 'tickets.vm_name',
  operation: 'tickets.operation',
  status: 'tickets.status',
  environment: 'tickets.environment',
  requester: 'tickets.requester',
  createdAt: 'tickets.created_at',
  updatedAt: 'tickets.updated_at',
};

/** What a search in tickets looks at: the names a request is about, who asked and why. */
const TICKET_SEARCH_COLUMNS = [
  'tickets.vm_name',
  'tickets.service_name',
  'tickets.system_name',
  'tickets.requester',
  'tickets.reason',
];

export class DatabaseTicketsStore
  extends DatabaseTableStore<ShepherdTicket>
  implements TicketsStore
{
  protected readonly mapping = TICKETS;

  async insert(ticket: NewTicket) {
    const { dedupeKey, ...record } = ticket;
    await this.insertRecord(record, { dedupe_key: dedupeKey });
  }

  async findPending(dedupeKey: string) {
    return this.findOne({
      'tickets.dedupe_key': dedupeKey,
      'tickets.status': 'PENDING',
    });
  }

  async list(options: Parameters<TicketsStore['list']>[0]) {
    const direction = options.oldestFirst ? 'asc' : 'desc';
    const query = this.selectRecords();
    orderList(query, options, {
      columns: TICKET_SORT_COLUMNS,
      idColumn: 'tickets.id',
      defaultOrder: [
        { column: 'tickets.created_at', order: direction },
        { column: 'tickets.id', order: direction },
      ],
    });
    // Requesters are stored in their normal form: the refs asked about are folded alike.
    whereEquals(query, {
      'tickets.requester':
        options.requester && normalizeEntityRef(options.requester),
    });
    if (options.excludeRequester) {
      query.whereNot(
        'tickets.requester',
        normalizeEntityRef(options.excludeRequester),
      );
    }
    whereOneOf(query, {
      'tickets.status': options.statuses,
      'tickets.operation': options.operations,
    });
    whereIds(query, {
      'tickets.system_id': options.systemId,
      'tickets.service_id': options.serviceId,
      'tickets.vm_id': options.vmId,
    });
    whereContains(query, TICKET_SEARCH_COLUMNS, options.search);
    return this.page(query, options, {
      systemId: 'tickets.system_id',
      environment: 'tickets.environment',
      requester: 'tickets.requester',
      ticketStatus: 'tickets.status',
    });
  }

  async transition(
    id: string,
    from: TicketStatus[],
    patch: Parameters<TicketsStore['transition']>[2],
  ) {
    return this.transitionRecord(id, from, patch);
  }
}
