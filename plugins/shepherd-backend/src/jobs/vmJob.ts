import { NewJob } from '../queue/JobsStore';

/** Attempts of a VM job before it fails for good (transient cluster errors are retried). */
export const VM_JOB_MAX_ATTEMPTS = 8;

/** What a VM job's unique key starts with; the rest is its domain event's id. */
export const VM_JOB_KEY_PREFIX = 'event:';

/**
 * The job that executes a domain event on a cluster: claim check (only the event id), one
 * job per event (the unique key), bounded concurrency per cluster.
 */
export function vmJob(
  kind: string,
  eventId: string,
  clusterId?: string,
): NewJob {
  return {
    kind,
    payload: { eventId },
    maxAttempts: VM_JOB_MAX_ATTEMPTS,
    uniqueKey: `${VM_JOB_KEY_PREFIX}${eventId}`,
    concurrencyKey: clusterId ? `cluster:${clusterId}` : undefined,
  };
}
