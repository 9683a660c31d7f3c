import {
  DomainEventStatus,
  DomainEventType,
  ShepherdDomainEvent,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { TableMapping, columns } from '../../columns';
import { DatabaseRecordStore } from '../../DatabaseRecordStore';
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

/** Events in the order they happened; ties by id. */
const IN_ORDER = [{ column: 'created_at' }, { column: 'id' }];

export class DatabaseEventsStore
  extends DatabaseRecordStore<ShepherdDomainEvent>
  implements EventsStore
{
  protected readonly mapping = EVENTS;

  async listForAggregate(aggregateType: string, aggregateId: string) {
    return this.findAll(
      this.selectRecords()
        .where({ aggregate_type: aggregateType, aggregate_id: aggregateId })
        .orderBy(IN_ORDER),
    );
  }

  async listByIds(ids: string[]) {
    if (ids.length === 0) return [];
    return this.findAll(
      this.selectRecords().whereIn('id', ids).orderBy(IN_ORDER),
    );
  }

  async archiveTerminal(before: string, now: string) {
    return this.db(EVENTS.table)
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
    return this.transitionRecord(id, from, patch);
  }
}
