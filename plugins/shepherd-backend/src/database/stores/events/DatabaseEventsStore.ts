import {
  DomainEventStatus,
  DomainEventType,
  ShepherdDomainEvent,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import {
  fromJson,
  isUuid,
  optional,
  toIso,
  toIsoOrUndefined,
  toJson,
} from '../../rows';
import { EventsStore } from './EventsStore';

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
