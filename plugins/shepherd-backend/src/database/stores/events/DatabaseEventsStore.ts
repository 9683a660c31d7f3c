import {
  DomainEventStatus,
  DomainEventType,
  ShepherdDomainEvent,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { TableMapping, columns } from '../../columns';
import { isUuid } from '../../rows';
import { EventsStore } from './EventsStore';

const EVENTS = new TableMapping<ShepherdDomainEvent>('domain_events', {
  id: columns.text('id'),
  type: columns.text<DomainEventType>('event_type'),
  aggregateType: columns.text('aggregate_type'),
  aggregateId: columns.text('aggregate_id'),
  payload: columns.json<Record<string, unknown>>('payload', {}),
  status: columns.text<DomainEventStatus>('status'),
  errorMessage: columns.optionalText('error_message'),
  createdBy: columns.text('created_by'),
  createdAt: columns.timestamp('created_at'),
  processedAt: columns.optionalTimestamp('processed_at'),
  archivedAt: columns.optionalTimestamp('archived_at'),
});

export class DatabaseEventsStore implements EventsStore {
  constructor(private readonly db: Knex) {}

  async insert(event: ShepherdDomainEvent) {
    await this.db(EVENTS.table).insert(EVENTS.write(event));
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db(EVENTS.table).where({ id }).first();
    return row && EVENTS.read(row);
  }

  async listForAggregate(aggregateType: string, aggregateId: string) {
    const rows = await this.db(EVENTS.table)
      .where({ aggregate_type: aggregateType, aggregate_id: aggregateId })
      .orderBy([{ column: 'created_at' }, { column: 'id' }]);
    return rows.map(EVENTS.read);
  }

  async listByIds(ids: string[]) {
    if (ids.length === 0) return [];
    const rows = await this.db(EVENTS.table)
      .whereIn('id', ids)
      .orderBy([{ column: 'created_at' }, { column: 'id' }]);
    return rows.map(EVENTS.read);
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
