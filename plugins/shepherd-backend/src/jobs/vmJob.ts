import { NewJob } from '../queue/JobsStore';

/** Attempts of a VM job before it fails for good (transient cluster errors are retried). */
export const VM_JOB_MAX_ATTEMPTS = 8;

/**
 * The unique key of every job that acts on a VM: the queue holds at most one queued or
 * running job per key (a partial unique index), so a VM has at most one operation in flight.
 */
export function vmOperationKey(vmId: string): string {
  return `vm:${vmId}`;
}

/**
 * The job that executes a domain event on a cluster: claim check (only the event id, also
 * its subject, by which the sweeper finds an event whose jobs ended unrecorded), one
 * job in flight per VM (the unique key; see `claimVmOperation`), bounded concurrency per
 * cluster.
 */
export function vmJob(
  kind: string,
  eventId: string,
  vmId: string,
  clusterId?: string,
): NewJob {
  return {
    kind,
    payload: { eventId },
    maxAttempts: VM_JOB_MAX_ATTEMPTS,
    uniqueKey: vmOperationKey(vmId),
    concurrencyKey: clusterId ? `cluster:${clusterId}` : undefined,
    subject: eventId,
  };
}
