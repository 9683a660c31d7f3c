import {
  DomainEventStatus,
  DomainEventType,
  ShepherdDomainEvent,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { TableMapping, columns, errorMessageColumn } from '../../columns';
import { optional } from '../../rows';
import {
  ACTIVE_JOB_STATUSES,
  FINISHED_JOB_STATUSES,
} from '../../../queue/JobsStore';
import { DatabaseRecordStore } from '../../DatabaseRecordStore';
import { EventsStore } from './EventsStore';

const ERROR_MESSAGE = errorMessageColumn('error_message');

const UNFINISHED: DomainEventStatus[] = ['PENDING', 'PROCESSING'];

const EVENTS = new TableMapping<ShepherdDomainEvent>('domain_events', {
  id: columns.text('id'),
  type: columns.text<DomainEventType>('event_type'),
  aggregateType: columns.text('aggregate_type'),
  aggregateId: columns.text('aggregate_id'),
  payload: columns.json<Record<string, unknown>>('payload', {}),
  status: columns.text<DomainEventStatus>('status'),
  errorMessage: ERROR_MESSAGE,
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

  async note(id: string, message: string | undefined) {
    const updated = await this.db(EVENTS.table)
      .where({ id })
      .whereIn('status', UNFINISHED)
      .update({ error_message: ERROR_MESSAGE.write(message) });
    return updated === 1;
  }

  async listStranded(limit: number) {
    // A job's subject is the id of the event it carries out (a uuid on PostgreSQL: cast).
    const jobsOfEvent = (statuses: string[]) =>
      this.db({ j: 'jobs' })
        .whereRaw('j.subject = cast(e.id as text)')
        .whereIn('j.status', statuses);
    const latestJob = (column: string) =>
      jobsOfEvent(FINISHED_JOB_STATUSES)
        .select(`j.${column}`)
        .orderBy([
          { column: 'j.finished_at', order: 'desc' },
          { column: 'j.id', order: 'desc' },
        ])
        .limit(1);
    const rows: Record<string, unknown>[] = await this.db({ e: EVENTS.table })
      .select(
        EVENTS.qualifiedColumns().map(name => name.replace(/^[^.]+\./, 'e.')),
      )
      .select({
        stranded_job_status: latestJob('status'),
        stranded_job_error: latestJob('last_error'),
      })
      .whereIn('e.status', UNFINISHED)
      .whereExists(jobsOfEvent(FINISHED_JOB_STATUSES).select(this.db.raw('1')))
      .whereNotExists(jobsOfEvent(ACTIVE_JOB_STATUSES).select(this.db.raw('1')))
      .orderBy([{ column: 'e.created_at' }, { column: 'e.id' }])
      .limit(limit);
    return rows.map(row => ({
      event: EVENTS.read(row),
      jobStatus: String(row.stranded_job_status),
      jobError: optional(row.stranded_job_error as string | null),
    }));
  }
}
