import { LoggerService } from '@backstage/backend-plugin-api';
import { ShepherdProviderError } from '@kubevirt-shepherd/plugin-shepherd-node';
import { LOST_JOB_MESSAGE } from './DatabaseJobsStore';
import { BackoffPolicy } from './backoff';
import { JobRecord, JobsStore } from './JobsStore';

/** What a job handler gets: the job, and a signal aborted when the job is cancelled or lost. */
export interface JobContext {
  job: JobRecord;
  signal: AbortSignal;
}

/**
 * A job that is not finished yet asks to be run again later, without using an attempt. With
 * a `payload`, its next run gets that payload instead: a checkpoint of what is already done.
 */
export interface JobContinuation {
  continueAfterMs: number;
  payload?: Record<string, unknown>;
}

/**
 * Runs one kind of job. `run` must be idempotent: a job can run again after a crash or a
 * retry. `failed` is called once when the job fails for good, to record the failure in the
 * domain (ticket, event, VM).
 */
export interface JobHandler {
  run(context: JobContext): Promise<void | JobContinuation>;
  failed?(context: JobContext, error: Error): Promise<void>;
}

/** A failure that retrying cannot mend: the job fails at once. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/**
 * Whether retrying the same attempt cannot mend the failure. A conflict (409) is one: the
 * object changed under the job, and sending the same request again answers the same; a
 * handler that can mend it re-reads the object and decides itself, before the error reaches
 * the worker.
 */
function isPermanent(error: unknown): boolean {
  return (
    error instanceof PermanentJobError ||
    (error instanceof ShepherdProviderError &&
      (error.kind === 'permanent' || error.kind === 'conflict'))
  );
}

/**
 * The payload key under which a job whose failure could not be recorded keeps that failure:
 * its next runs only try to record it again (the attempt itself is over).
 */
export const UNRECORDED_FAILURE = 'unrecordedFailure';

/** How often the worker tries to record a job's failure before leaving it to the sweeper. */
export const FAILURE_RECORDING_TRIES = 5;

interface UnrecordedFailure {
  message: string;
  tries: number;
}

function unrecordedFailureOf(job: JobRecord): UnrecordedFailure | undefined {
  const value = job.payload[UNRECORDED_FAILURE] as
    | Partial<UnrecordedFailure>
    | undefined;
  return typeof value?.message === 'string'
    ? { message: value.message, tries: Number(value.tries ?? 0) }
    : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface JobWorkerOptions {
  jobs: JobsStore;
  handlers: Record<string, JobHandler>;
  /** Unique per process: leases are held in its name. */
  workerId: string;
  /** Jobs this process runs at once. */
  concurrency: number;
  /** Running jobs per concurrency key (a cluster), across all workers. */
  perKeyLimit: number;
  /** How long a claim lasts without a heartbeat; heartbeats come three times per lease. */
  leaseMs: number;
  /** How often an idle worker looks for due jobs when nothing wakes it. */
  pollIntervalMs: number;
  backoff: BackoffPolicy;
  logger: LoggerService;
  clock?: () => Date;
  /** Timer functions; tests pass controllable ones. */
  timers?: JobWorkerTimers;
}

/** The timer functions the worker uses for heartbeats, polling and shutdown. */
export interface JobWorkerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const SYSTEM_TIMERS: JobWorkerTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: handle =>
    clearInterval(handle as ReturnType<typeof setInterval>),
};

/**
 * Runs queued jobs: claims them with a lease, keeps the lease alive with heartbeats, and
 * records the outcome — succeeded, retried later with backoff, or failed (permanent error or
 * last attempt). Several workers, in one process or many, may work the same table.
 */
export class JobWorker {
  readonly #options: Required<JobWorkerOptions>;
  readonly #running = new Map<string, Promise<void>>();
  #stopping = false;
  #loop?: Promise<void>;
  #wakeUp?: () => void;
  /**
   * Set by a wake-up that found the worker busy claiming rather than idle: the claim may
   * have looked before the work was there, so the worker looks once more instead of idling.
   */
  #wokenWhileBusy = false;
  #lastLoopAt?: Date;
  /** Wake-ups for jobs put back to run sooner than the next poll. */
  readonly #dueTimers = new Set<unknown>();

  constructor(options: JobWorkerOptions) {
    this.#options = {
      clock: () => new Date(),
      timers: SYSTEM_TIMERS,
      ...options,
    };
  }

  #now(): string {
    return this.#options.clock().toISOString();
  }

  #later(ms: number): string {
    return new Date(this.#options.clock().getTime() + ms).toISOString();
  }

  /** When the worker last looked for work; a stalled worker stops updating it. */
  get lastLoopAt(): Date | undefined {
    return this.#lastLoopAt;
  }

  get runningJobs(): number {
    return this.#running.size;
  }

  /** Starts looking for work until {@link JobWorker.stop}. */
  start(): void {
    if (this.#loop) return;
    this.#stopping = false;
    this.#loop = this.#run();
  }

  /** Makes an idle worker look for work now (a job was enqueued). */
  wake(): void {
    this.#wokenWhileBusy = true;
    this.#wakeUp?.();
  }

  /**
   * Stops claiming, then waits for running jobs up to `timeoutMs`. Jobs still running after
   * that keep their lease until it expires, and the sweeper hands them to another worker.
   */
  async stop(timeoutMs: number): Promise<void> {
    this.#stopping = true;
    for (const timer of this.#dueTimers) {
      this.#options.timers.clearTimeout(timer);
    }
    this.#dueTimers.clear();
    this.wake();
    await this.#loop;
    this.#loop = undefined;
    const { timers } = this.#options;
    let timer: unknown;
    await Promise.race([
      this.drain(),
      new Promise<void>(resolve => {
        timer = timers.setTimeout(resolve, timeoutMs);
      }),
    ]);
    timers.clearTimeout(timer);
  }

  /**
   * Fails the jobs whose worker stopped during their last attempt (the sweeper found their
   * lease expired). The job is failed first, on the condition that its lease is still expired
   * at that instant: a slow worker whose heartbeat renewed the lease in the meantime keeps its
   * job, and one that finds the lease lost aborts. Only a job failed here gets its failure
   * recorded in the domain by its handler's `failed`; if that fails, the sweeper's repair of
   * stranded tickets records it later. Answers how many failed.
   */
  async failLostJobs(lost: JobRecord[]): Promise<number> {
    let failed = 0;
    for (const job of lost) {
      if (!(await this.#options.jobs.failLost(job.id, this.#now()))) continue;
      failed += 1;
      const handler = this.#options.handlers[job.kind];
      try {
        await handler?.failed?.(
          { job, signal: AbortSignal.abort() },
          new Error(LOST_JOB_MESSAGE),
        );
      } catch (error) {
        this.#options.logger.error(
          `Recording the failure of job ${job.id} failed: ${describe(error)}`,
        );
      }
    }
    return failed;
  }

  /** Waits until every job this worker started has finished. */
  async drain(): Promise<void> {
    while (this.#running.size > 0) {
      await Promise.all([...this.#running.values()]);
    }
  }

  /**
   * Claims as many due jobs as there are free slots and starts them; answers how many
   * started. The loop calls it; tests call it to step the queue deterministically.
   */
  async runAvailable(): Promise<number> {
    let started = 0;
    const kinds = Object.keys(this.#options.handlers);
    while (!this.#stopping && this.#running.size < this.#options.concurrency) {
      const job = await this.#options.jobs.claimNext({
        workerId: this.#options.workerId,
        kinds,
        now: this.#now(),
        leaseExpiresAt: this.#later(this.#options.leaseMs),
        perKeyLimit: this.#options.perKeyLimit,
      });
      if (!job) {
        break;
      }
      const execution = this.#execute(job).finally(() => {
        this.#running.delete(job.id);
        // A free slot: an idle worker looks for work, a busy one looks once more.
        this.wake();
      });
      this.#running.set(job.id, execution);
      started += 1;
    }
    return started;
  }

  async #run(): Promise<void> {
    while (!this.#stopping) {
      this.#lastLoopAt = this.#options.clock();
      this.#wokenWhileBusy = false;
      let started = 0;
      try {
        started = await this.runAvailable();
      } catch (error) {
        this.#options.logger.warn(`Could not claim jobs: ${describe(error)}`);
      }
      if (started === 0 && !this.#stopping) {
        await this.#idle();
      }
    }
  }

  /**
   * Waits for a wake-up (a finished job is one) or the poll interval, whichever comes first;
   * returns at once when a wake-up came while the worker was claiming.
   */
  #idle(): Promise<void> {
    if (this.#wokenWhileBusy) return Promise.resolve();
    return new Promise(resolve => {
      const { timers } = this.#options;
      const timer = timers.setTimeout(done, this.#options.pollIntervalMs);
      function done() {
        timers.clearTimeout(timer);
        resolve();
      }
      this.#wakeUp = done;
    });
  }

  async #execute(job: JobRecord): Promise<void> {
    const { jobs, handlers, workerId, logger, leaseMs } = this.#options;
    const controller = new AbortController();
    let cancelled = false;
    let lost = false;
    const { timers } = this.#options;
    const heartbeat = timers.setInterval(async () => {
      try {
        const state = await jobs.heartbeat(
          job.id,
          workerId,
          this.#later(leaseMs),
          this.#now(),
        );
        if (!state.owned) {
          lost = true;
          controller.abort(new Error('The lease of the job was lost'));
        } else if (state.cancelRequested) {
          cancelled = true;
          controller.abort(new Error('The job was cancelled'));
        }
      } catch (error) {
        logger.warn(`Heartbeat of job ${job.id} failed: ${describe(error)}`);
      }
    }, Math.max(1, Math.floor(leaseMs / 3)));

    const handler = handlers[job.kind];
    const context = { job, signal: controller.signal };
    const finish = (outcome: Parameters<typeof jobs.finish>[2]) =>
      this.#record(job, () =>
        jobs.finish(job.id, workerId, outcome, this.#now()),
      );
    const unrecorded = unrecordedFailureOf(job);
    if (unrecorded) {
      try {
        await this.#fail(
          job,
          context,
          new Error(unrecorded.message),
          unrecorded,
        );
      } finally {
        timers.clearInterval(heartbeat);
      }
      return;
    }
    try {
      const outcome = await handler.run(context);
      if (outcome && 'continueAfterMs' in outcome) {
        await this.#record(job, () =>
          jobs.continueLater(
            job.id,
            workerId,
            {
              runAfter: this.#later(outcome.continueAfterMs),
              payload: outcome.payload,
            },
            this.#now(),
          ),
        );
        this.#wakeAfter(outcome.continueAfterMs);
      } else {
        await finish({ status: 'succeeded' });
      }
    } catch (error) {
      const message = describe(error);
      if (lost) {
        // Whoever holds the job now (or the sweeper that failed it) records its outcome.
        logger.warn(
          `Job ${job.kind} ${job.id} stopped: its lease was lost (${message})`,
        );
      } else if (cancelled) {
        await finish({ status: 'cancelled', error: message });
      } else if (isPermanent(error) || job.attempt >= job.maxAttempts) {
        logger.warn(`Job ${job.kind} ${job.id} failed for good: ${message}`);
        await this.#fail(
          job,
          context,
          error instanceof Error ? error : new Error(message),
          { message, tries: 0 },
        );
      } else {
        const delay = this.#options.backoff.delayMs(job.attempt);
        logger.info(
          `Job ${job.kind} ${job.id} failed (attempt ${job.attempt} of ${job.maxAttempts}), retrying in ${delay} ms: ${message}`,
        );
        await this.#record(job, () =>
          jobs.retryLater(
            job.id,
            workerId,
            { runAfter: this.#later(delay), error: message },
            this.#now(),
          ),
        );
        this.#wakeAfter(delay);
      }
    } finally {
      timers.clearInterval(heartbeat);
    }
  }

  /**
   * Records a failure for good: the handler's `failed` writes it in the domain (ticket, event,
   * VM), then the job is failed. When the domain write fails (a database hiccup), the job is
   * not failed: it goes back to the queue, without using an attempt, holding the failure, and
   * its next runs only try to record it again — a failed job never leaves its ticket
   * EXECUTING behind. After {@link FAILURE_RECORDING_TRIES} tries the job is failed anyway and
   * the sweeper's repair of stranded tickets takes over.
   */
  async #fail(
    job: JobRecord,
    context: JobContext,
    error: Error,
    failure: UnrecordedFailure,
  ): Promise<void> {
    const { jobs, handlers, workerId, logger } = this.#options;
    try {
      await handlers[job.kind].failed?.(context, error);
    } catch (recording) {
      const tries = failure.tries + 1;
      logger.error(
        `Recording the failure of job ${
          job.id
        } failed (try ${tries} of ${FAILURE_RECORDING_TRIES}): ${describe(
          recording,
        )}`,
      );
      if (tries < FAILURE_RECORDING_TRIES) {
        const delay = this.#options.backoff.delayMs(tries);
        await this.#record(job, () =>
          jobs.continueLater(
            job.id,
            workerId,
            {
              runAfter: this.#later(delay),
              payload: {
                ...job.payload,
                [UNRECORDED_FAILURE]: { message: failure.message, tries },
              },
            },
            this.#now(),
          ),
        );
        this.#wakeAfter(delay);
        return;
      }
    }
    await this.#record(job, () =>
      jobs.finish(
        job.id,
        workerId,
        { status: 'failed', error: failure.message },
        this.#now(),
      ),
    );
  }

  /**
   * A job this worker put back is due sooner than the next poll would find it: look again
   * when it is due, so following a VM every few seconds is not slowed down to the poll rate.
   */
  #wakeAfter(ms: number): void {
    if (this.#stopping || !this.#loop || ms >= this.#options.pollIntervalMs) {
      return;
    }
    const { timers } = this.#options;
    const timer = timers.setTimeout(() => {
      this.#dueTimers.delete(timer);
      this.wake();
    }, ms);
    this.#dueTimers.add(timer);
  }

  /** Records an outcome; a worker that lost the lease leaves the job to whoever holds it. */
  async #record(job: JobRecord, write: () => Promise<boolean>) {
    try {
      if (!(await write())) {
        this.#options.logger.warn(
          `Job ${job.id} was no longer held by this worker; its outcome was not recorded`,
        );
      }
    } catch (error) {
      this.#options.logger.error(
        `Could not record the outcome of job ${job.id}: ${describe(error)}`,
      );
    }
  }
}
