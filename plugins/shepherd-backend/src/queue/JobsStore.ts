/** The status of a queued job. */
export type JobStatus =
  | 'queued'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'cancelled';

/** The statuses of jobs that ended. */
export const FINISHED_JOB_STATUSES: JobStatus[] = [
  'succeeded',
  'failed',
  'cancelled',
];

/** The statuses of jobs still to run. */
export const ACTIVE_JOB_STATUSES: JobStatus[] = ['queued', 'running'];

/** A job of the durable task queue. */
export interface JobRecord {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  /** Attempts started so far (incremented when a worker claims the job). */
  attempt: number;
  maxAttempts: number;
  runAfter: string;
  leaseOwner?: string;
  leaseExpiresAt?: string;
  cancelRequested: boolean;
  lastError?: string;
  uniqueKey?: string;
  concurrencyKey?: string;
  /** What the job works on, e.g. the domain event it carries out. */
  subject?: string;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
}

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  maxAttempts: number;
  /** Defaults to now: runnable at once. */
  runAfter?: string;
  uniqueKey?: string;
  concurrencyKey?: string;
  /** What the job works on, e.g. the domain event it carries out (not unique). */
  subject?: string;
}

/**
 * The durable task queue's table. Every state change is conditional on the state the caller
 * expects (and, for running jobs, on owning the lease), so concurrent workers and sweepers
 * never both act on one job.
 */
export interface JobsStore {
  /**
   * Adds a job, in the caller's transaction when called through one. A job whose unique key
   * is already held by a queued or running job is not added; the existing job is returned.
   */
  enqueue(
    job: NewJob,
    now: string,
  ): Promise<{ job: JobRecord; created: boolean }>;
  get(id: string): Promise<JobRecord | undefined>;
  /** The queued or running job that holds `uniqueKey`, if any. */
  findActive(uniqueKey: string): Promise<JobRecord | undefined>;
  /**
   * Claims the next runnable job (queued, due, of one of `kinds`) for `workerId` with a lease
   * until `leaseExpiresAt`, skipping jobs other workers are claiming and jobs whose
   * concurrency key already has `perKeyLimit` running jobs. One job per claim, and claims of
   * all workers of all replicas one after another, so that every claim sees the ones before
   * it and the limit holds across replicas.
   */
  claimNext(options: {
    workerId: string;
    kinds: string[];
    now: string;
    leaseExpiresAt: string;
    perKeyLimit: number;
  }): Promise<JobRecord | undefined>;
  /** Extends the lease; answers whether the worker still owns the job and whether it was cancelled. */
  heartbeat(
    id: string,
    workerId: string,
    leaseExpiresAt: string,
    now: string,
  ): Promise<{ owned: boolean; cancelRequested: boolean }>;
  /** Finishes a running job owned by the worker. */
  finish(
    id: string,
    workerId: string,
    outcome: { status: 'succeeded' | 'failed' | 'cancelled'; error?: string },
    now: string,
  ): Promise<boolean>;
  /** Puts a running job owned by the worker back in the queue, runnable after `runAfter`. */
  retryLater(
    id: string,
    workerId: string,
    options: { runAfter: string; error: string },
    now: string,
  ): Promise<boolean>;
  /**
   * Puts a running job owned by the worker back in the queue until `runAfter` without using
   * an attempt: the job is not finished yet (it waits for a VM to reach a state). A `payload`
   * replaces the job's payload: the job's checkpoint for its next run.
   */
  continueLater(
    id: string,
    workerId: string,
    options: { runAfter: string; payload?: Record<string, unknown> },
    now: string,
  ): Promise<boolean>;
  /**
   * Jobs whose lease expired (their worker died) go back to the queue. Those that used their
   * last attempt stay as they are and are answered as `lost`: their failure is recorded in
   * the domain first, then {@link JobsStore.failLost} fails them, so a sweeper that stops in
   * between leaves them to the next sweep rather than half-recorded.
   */
  recoverExpiredLeases(
    now: string,
  ): Promise<{ requeued: number; lost: JobRecord[] }>;
  /** Fails a lost job (still running with an expired lease); answers whether it did. */
  failLost(id: string, now: string): Promise<boolean>;
  /**
   * Deletes jobs that finished (succeeded, failed or cancelled) before `before`; answers how
   * many. Their outcome stays where it matters: on the domain events, tickets and audit log.
   */
  deleteFinished(before: string): Promise<number>;
  /** Cancels a queued job at once, and asks the worker of a running one to stop. */
  cancel(id: string, now: string): Promise<JobStatus | undefined>;
  /** Jobs per status, for health and metrics. */
  countByStatus(): Promise<Record<JobStatus, number>>;
}
