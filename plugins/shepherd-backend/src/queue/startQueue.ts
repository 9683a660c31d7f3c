import {
  LifecycleService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ShepherdReadinessService } from '@kubevirt-shepherd/plugin-shepherd-node';
import { Knex } from 'knex';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { ShepherdStore } from '../database/ShepherdStore';
import { exponentialBackoff } from './backoff';
import { JobHandler, JobWorker } from './JobWorker';
import { listenForEnqueuedJobs } from './listen';

/** How long jobs wait for a cluster whose circuit breaker is open, by default and at most. */
export const DEFAULT_CLUSTER_OUTAGE_WAIT_MINUTES = 60;
export const MAX_CLUSTER_OUTAGE_WAIT_MINUTES = 24 * 60;

/** The queue settings of `shepherd.jobs`, with their defaults. */
export function readQueueOptions(config: Config) {
  const jobs = config.getOptionalConfig('shepherd.jobs');
  return {
    concurrency: jobs?.getOptionalNumber('concurrency') ?? 4,
    perClusterConcurrency:
      jobs?.getOptionalNumber('perClusterConcurrency') ?? 10,
    leaseMs: (jobs?.getOptionalNumber('leaseSeconds') ?? 60) * 1000,
    pollIntervalMs:
      (jobs?.getOptionalNumber('pollIntervalSeconds') ?? 5) * 1000,
    followIntervalMs:
      (jobs?.getOptionalNumber('followIntervalSeconds') ?? 5) * 1000,
    followTimeoutMs:
      (jobs?.getOptionalNumber('followTimeoutMinutes') ?? 30) * 60_000,
    clusterWaitMaxMs:
      Math.min(
        MAX_CLUSTER_OUTAGE_WAIT_MINUTES,
        Math.max(
          1,
          jobs?.getOptionalNumber('clusterOutageMaxWaitMinutes') ??
            DEFAULT_CLUSTER_OUTAGE_WAIT_MINUTES,
        ),
      ) * 60_000,
    retentionMs:
      (jobs?.getOptionalNumber('retentionDays') ?? 7) * 24 * 60 * 60_000,
  };
}

/**
 * Starts this replica's job worker (unless `shepherd.jobs.concurrency` is 0), the sweeper that
 * recovers the jobs of crashed workers and repairs the outcomes they left unrecorded, the
 * wake-up on enqueue, the readiness check, and a graceful stop on shutdown.
 */
export async function startQueue(deps: {
  knex: Knex;
  store: ShepherdStore;
  handlers: Record<string, JobHandler>;
  /**
   * Records the outcome of jobs that ended without it (their ticket left EXECUTING); answers
   * how many. Runs with every sweep, after lost jobs were failed.
   */
  repairStranded: () => Promise<number>;
  config: Config;
  logger: LoggerService;
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
  readiness: ShepherdReadinessService;
}): Promise<JobWorker> {
  const {
    knex,
    store,
    handlers,
    repairStranded,
    config,
    logger,
    scheduler,
    lifecycle,
    readiness,
  } = deps;
  const options = readQueueOptions(config);
  const worker = new JobWorker({
    jobs: store.jobs,
    handlers,
    workerId: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    concurrency: options.concurrency,
    perKeyLimit: options.perClusterConcurrency,
    leaseMs: options.leaseMs,
    pollIntervalMs: options.pollIntervalMs,
    backoff: exponentialBackoff({ baseMs: 5_000, maxMs: 5 * 60_000 }),
    logger: logger.child({ component: 'job-worker' }),
  });

  await scheduler.scheduleTask({
    id: 'shepherd-job-sweeper',
    frequency: { seconds: 30 },
    timeout: { seconds: 30 },
    scope: 'global',
    fn: async () => {
      const { requeued, lost } = await store.jobs.recoverExpiredLeases(
        new Date().toISOString(),
      );
      if (requeued + lost.length > 0) {
        const failed = await worker.failLostJobs(lost);
        logger.warn(
          `Recovered jobs of stopped workers: ${requeued} queued again, ${failed} failed`,
        );
        worker.wake();
      }
      const repaired = await repairStranded();
      if (repaired > 0) {
        logger.warn(
          `Recorded the failure of ${repaired} operations whose jobs ended without recording their outcome`,
        );
      }
    },
  });

  if (options.concurrency < 1) {
    logger.info(
      'This backend runs no Shepherd jobs (shepherd.jobs.concurrency is 0)',
    );
    return worker;
  }

  const stopListening = await listenForEnqueuedJobs(
    knex,
    () => worker.wake(),
    logger,
  );
  lifecycle.addStartupHook(() => worker.start());
  lifecycle.addShutdownHook(async () => {
    await worker.stop(options.leaseMs / 2);
    await stopListening();
  });

  readiness.addCheck(
    workerReadinessCheck(worker, {
      pollIntervalMs: options.pollIntervalMs,
    }),
  );
  return worker;
}

/**
 * The readiness check of a replica's job worker. A worker loops at least once per poll
 * interval; missing three (and at least a minute) means it is stuck, and the replica should
 * not get traffic until it recovers or is restarted.
 */
export function workerReadinessCheck(
  worker: Pick<JobWorker, 'lastLoopAt'>,
  options: { pollIntervalMs: number; now?: () => number },
) {
  const stalledAfterMs = Math.max(60_000, 3 * options.pollIntervalMs);
  const now = options.now ?? Date.now;
  return {
    name: 'shepherd-job-worker',
    check: async () => {
      const last = worker.lastLoopAt;
      if (!last) {
        return { ready: false, message: 'The job worker has not started' };
      }
      const idleMs = now() - last.getTime();
      return idleMs <= stalledAfterMs
        ? { ready: true }
        : {
            ready: false,
            message: `The job worker has not looked for work for ${idleMs} ms`,
          };
    },
  };
}
