import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import {
  TIMESTAMP_COLUMNS,
  TableMapping,
  columns,
  errorMessageColumn,
} from '../database/columns';
import { databaseEngineOf } from '../database/engine';
import { DatabaseTableStore } from '../database/DatabaseRecordStore';
import { isUuid, toBool, toCount, toJson } from '../database/rows';
import {
  ACTIVE_JOB_STATUSES,
  FINISHED_JOB_STATUSES,
  JobRecord,
  JobStatus,
  JobsStore,
  NewJob,
} from './JobsStore';

/** Why the sweeper failed a job whose worker stopped during its last attempt. */
export const LOST_JOB_MESSAGE =
  'The worker stopped during the last attempt (lease expired)';

/** The PostgreSQL channel on which enqueues wake idle workers. */
export const JOBS_CHANNEL = 'shepherd_jobs';

/** The column of a job's last error: every write of it is cut to its bound. */
const JOBS_LAST_ERROR = errorMessageColumn('last_error');

const JOBS = new TableMapping<JobRecord>('jobs', {
  id: columns.text('id'),
  kind: columns.text('kind'),
  payload: columns.json<Record<string, unknown>>('payload', {}),
  status: columns.text<JobStatus>('status'),
  attempt: columns.number('attempt'),
  maxAttempts: columns.number('max_attempts'),
  runAfter: columns.timestamp('run_after'),
  leaseOwner: columns.optionalText('lease_owner'),
  leaseExpiresAt: columns.optionalTimestamp('lease_expires_at'),
  cancelRequested: columns.boolean('cancel_requested'),
  lastError: JOBS_LAST_ERROR,
  uniqueKey: columns.optionalText('unique_key'),
  concurrencyKey: columns.optionalText('concurrency_key'),
  subject: columns.optionalText('subject'),
  ...TIMESTAMP_COLUMNS,
  finishedAt: columns.optionalTimestamp('finished_at'),
});

/**
 * The PostgreSQL advisory lock that serialises claims across every worker of every replica
 * ("SHJC"; advisory locks are per database). Held for one claim's transaction only.
 */
export const JOBS_CLAIM_LOCK = 0x53484a43;

/** The lease columns of a job no worker holds. */
const NO_LEASE = { lease_owner: null, lease_expires_at: null };

/**
 * The task queue on knex. A claim is one UPDATE … RETURNING statement that picks a due job
 * whose concurrency key (its cluster) has fewer than `perKeyLimit` running jobs.
 *
 * On PostgreSQL, concurrent statements each count the running jobs in their own snapshot:
 * two replicas claiming at once would both see a cluster below its limit and together
 * exceed it. Claims therefore run one at a time, each in a short transaction that first
 * takes {@link JOBS_CLAIM_LOCK}, so every claim counts the ones committed before it;
 * `FOR UPDATE SKIP LOCKED` still keeps claims clear of job rows other transactions hold
 * (a cancel, a heartbeat). SQLite has a single writer, so the statement is atomic there.
 * See ADR 0030.
 */
export class DatabaseJobsStore
  extends DatabaseTableStore<JobRecord>
  implements JobsStore
{
  protected readonly mapping = JOBS;
  readonly #postgres: boolean;

  constructor(db: Knex) {
    super(db);
    this.#postgres = databaseEngineOf(db) === 'postgres';
  }

  /** The job, while `workerId` holds it. */
  #heldBy(id: string, workerId: string) {
    return this.db(JOBS.table).where({
      id,
      status: 'running',
      lease_owner: workerId,
    });
  }

  async enqueue(job: NewJob, now: string) {
    const id = randomUUID();
    // ON CONFLICT DO NOTHING rather than catching the violation: on PostgreSQL a failed
    // statement would abort the caller's whole transaction.
    const inserted: Array<{ id: string }> = await this.db('jobs')
      .insert(
        JOBS.write({
          id,
          kind: job.kind,
          payload: job.payload,
          status: 'queued',
          attempt: 0,
          maxAttempts: job.maxAttempts,
          runAfter: job.runAfter ?? now,
          cancelRequested: false,
          uniqueKey: job.uniqueKey,
          concurrencyKey: job.concurrencyKey,
          subject: job.subject,
          createdAt: now,
          updatedAt: now,
        }),
      )
      .onConflict()
      .ignore()
      .returning(['id']);
    if (inserted.length === 1) {
      if (this.#postgres) {
        // Wakes idle workers when the transaction commits (NOTIFY is transactional).
        await this.db.raw('select pg_notify(?, ?)', [JOBS_CHANNEL, job.kind]);
      }
      return { job: (await this.get(id))!, created: true };
    }
    const existing = job.uniqueKey
      ? await this.findActive(job.uniqueKey)
      : undefined;
    if (!existing) {
      throw new Error(`Job ${job.kind} could not be enqueued`);
    }
    return { job: existing, created: false };
  }

  async findActive(uniqueKey: string) {
    const row = await this.db(JOBS.table)
      .where({ unique_key: uniqueKey })
      .whereIn('status', ACTIVE_JOB_STATUSES)
      .first();
    return row ? JOBS.read(row) : undefined;
  }

  async claimNext(options: Parameters<JobsStore['claimNext']>[0]) {
    if (options.kinds.length === 0) {
      return undefined;
    }
    if (!this.#postgres) {
      return this.#claim(this.db, options);
    }
    return this.db.transaction(async trx => {
      await trx.raw('select pg_advisory_xact_lock(?)', [JOBS_CLAIM_LOCK]);
      return this.#claim(trx, options);
    });
  }

  /** The claim statement: one due job whose concurrency key is below its limit, if any. */
  async #claim(
    db: Knex,
    options: Parameters<JobsStore['claimNext']>[0],
  ): Promise<JobRecord | undefined> {
    const candidates = db({ c: 'jobs' })
      .select('c.id')
      .where('c.status', 'queued')
      .where('c.run_after', '<=', options.now)
      .whereIn('c.kind', options.kinds)
      .where(builder =>
        builder
          .whereNull('c.concurrency_key')
          .orWhereRaw(
            "(select count(*) from jobs r where r.status = 'running' and r.concurrency_key = c.concurrency_key) < ?",
            [options.perKeyLimit],
          ),
      )
      .orderBy([{ column: 'c.run_after' }, { column: 'c.created_at' }])
      .limit(1);
    if (this.#postgres) {
      candidates.forUpdate().skipLocked();
    }
    // `id = (subquery)`, not `id IN (subquery)`: PostgreSQL may run an IN subquery once per
    // outer row, and with SKIP LOCKED each run skips the row the previous one just locked,
    // so one statement would claim several jobs. A scalar subquery runs exactly once.
    const rows: Record<string, unknown>[] = await db('jobs')
      .where('id', '=', candidates)
      .where('status', 'queued')
      .update({
        status: 'running',
        lease_owner: options.workerId,
        lease_expires_at: options.leaseExpiresAt,
        attempt: db.raw('attempt + 1'),
        updated_at: options.now,
      })
      .returning('*');
    return rows[0] && JOBS.read(rows[0]);
  }

  async heartbeat(
    id: string,
    workerId: string,
    leaseExpiresAt: string,
    now: string,
  ) {
    const rows: Array<{ cancel_requested: unknown }> = await this.#heldBy(
      id,
      workerId,
    )
      .update({ lease_expires_at: leaseExpiresAt, updated_at: now })
      .returning(['cancel_requested']);
    return rows.length === 1
      ? { owned: true, cancelRequested: toBool(rows[0].cancel_requested) }
      : { owned: false, cancelRequested: false };
  }

  async finish(
    id: string,
    workerId: string,
    outcome: { status: 'succeeded' | 'failed' | 'cancelled'; error?: string },
    now: string,
  ) {
    const updated = await this.#heldBy(id, workerId).update({
      status: outcome.status,
      last_error: JOBS_LAST_ERROR.write(outcome.error),
      ...NO_LEASE,
      finished_at: now,
      updated_at: now,
    });
    return updated === 1;
  }

  async retryLater(
    id: string,
    workerId: string,
    options: { runAfter: string; error: string },
    now: string,
  ) {
    const updated = await this.#heldBy(id, workerId).update({
      status: 'queued',
      run_after: options.runAfter,
      last_error: JOBS_LAST_ERROR.write(options.error),
      ...NO_LEASE,
      updated_at: now,
    });
    return updated === 1;
  }

  async continueLater(
    id: string,
    workerId: string,
    options: { runAfter: string; payload?: Record<string, unknown> },
    now: string,
  ) {
    const updated = await this.#heldBy(id, workerId).update({
      status: 'queued',
      run_after: options.runAfter,
      ...(options.payload && { payload: toJson(options.payload) }),
      attempt: this.db.raw('attempt - 1'),
      ...NO_LEASE,
      updated_at: now,
    });
    return updated === 1;
  }

  async recoverExpiredLeases(now: string) {
    const expired = () =>
      this.db('jobs')
        .where('status', 'running')
        .where('lease_expires_at', '<', now);
    const requeued = await expired()
      .whereRaw('attempt < max_attempts')
      .update({
        status: 'queued',
        run_after: now,
        last_error: 'The worker stopped during the attempt (lease expired)',
        ...NO_LEASE,
        updated_at: now,
      });
    const lost: Record<string, unknown>[] = await expired()
      .whereRaw('attempt >= max_attempts')
      .orderBy('id');
    return { requeued, lost: lost.map(JOBS.read) };
  }

  async failLost(id: string, now: string) {
    const failed = await this.db('jobs')
      .where({ id, status: 'running' })
      .where('lease_expires_at', '<', now)
      .update({
        status: 'failed',
        last_error: LOST_JOB_MESSAGE,
        ...NO_LEASE,
        finished_at: now,
        updated_at: now,
      });
    return failed === 1;
  }

  async deleteFinished(before: string) {
    return this.db('jobs')
      .whereIn('status', FINISHED_JOB_STATUSES)
      .where('finished_at', '<', before)
      .delete();
  }

  async cancel(id: string, now: string) {
    if (!isUuid(id)) return undefined;
    await this.db('jobs')
      .where({ id, status: 'queued' })
      .update({ status: 'cancelled', finished_at: now, updated_at: now });
    await this.db('jobs')
      .where({ id, status: 'running' })
      .update({ cancel_requested: true, updated_at: now });
    return (await this.get(id))?.status;
  }

  async countByStatus() {
    const rows: Array<{ status: JobStatus; count: unknown }> = await this.db(
      'jobs',
    )
      .select('status')
      .count({ count: '*' })
      .groupBy('status');
    const counts: Record<JobStatus, number> = {
      queued: 0,
      running: 0,
      succeeded: 0,
      failed: 0,
      cancelled: 0,
    };
    for (const row of rows) {
      counts[row.status] = toCount(row.count);
    }
    return counts;
  }
}
